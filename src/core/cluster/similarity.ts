import type { TermVector } from './features.js';

/** idf of a term in the article's language. */
export type Idf = (term: string) => number;

/** An article's idf-weighted query vector, unit length. */
export function weightedQuery(vector: TermVector, idf: Idf): TermVector {
  let norm = 0;
  const out: TermVector = vector.map(([term, weight]) => {
    const w = weight * idf(term);
    norm += w * w;
    return [term, w];
  });
  norm = Math.sqrt(norm) || 1;
  for (const entry of out) entry[1] /= norm;
  return out;
}

/** Cosine between a unit query and a story centroid, with idf applied to the centroid now. */
export function centroidCosine(query: TermVector, centroid: Map<string, number>, idf: Idf): number {
  let dot = 0;
  for (const [term, w] of query) {
    const c = centroid.get(term);
    if (c !== undefined) dot += w * c * idf(term);
  }
  if (dot <= 0) return 0;
  let norm = 0;
  for (const [term, c] of centroid) {
    const w = c * idf(term);
    norm += w * w;
  }
  return norm > 0 ? dot / Math.sqrt(norm) : 0;
}

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

/**
 * Time factor for a dated article: (1 + recentBoost) within a story's span, halving every
 * `halfLifeMs` outside it. Close in time is evidence of its own (less shared wording is
 * needed); far in time needs more.
 */
export function timeFactor(t: number, firstT: number, lastT: number, halfLifeMs: number, recentBoost: number): number {
  const gap = Math.max(0, t - lastT, firstT - t);
  return (1 + recentBoost) * (gap === 0 ? 1 : Math.pow(0.5, gap / halfLifeMs));
}
