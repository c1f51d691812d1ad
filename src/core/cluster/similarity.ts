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
 * How much a dated article's time moves its joining bar, as a factor on the threshold. Within
 * a story's span the bar is divided by (1 + recentBoost): same-time coverage needs less shared
 * wording. Away from the span it rises towards `farFactor` × the bar, half the way every
 * `halfLifeMs`: a report days later has to share much more to be the same event, yet a clear
 * retelling still joins (a bar, not a decay of the similarity to nothing).
 */
export function timeBar(t: number, firstT: number, lastT: number, halfLifeMs: number, recentBoost: number, farFactor: number): number {
  const gap = Math.max(0, t - lastT, firstT - t);
  const near = 1 / (1 + recentBoost);
  return gap === 0 ? near : farFactor - (farFactor - near) * Math.pow(0.5, gap / halfLifeMs);
}
