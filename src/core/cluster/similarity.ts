import type { TermVector } from './features.js';

/** idf of a term in the article's language. */
export type Idf = (term: string) => number;

/** Cosine of two unit vectors sorted by term (merge join). */
export function vectorCosine(a: TermVector, b: TermVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.length && j < b.length) {
    const ta = a[i]![0];
    const tb = b[j]![0];
    if (ta === tb) dot += a[i++]![1] * b[j++]![1];
    else if (ta < tb) i++;
    else j++;
  }
  return dot;
}
