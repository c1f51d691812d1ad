import { linearScore, type LinkModel } from './link-model.js';

/** The best-ranked candidate and the model's scores for it. */
export interface Choice<T> {
  candidate: T;
  /** Ranking score (higher is a better candidate). */
  rank: number;
  /** Join score: above 0, the article belongs to this candidate's story; otherwise it starts a new one. */
  join: number;
}

/** The best candidate by the ranking model (the first of equals: candidates come sorted by story id), or null. */
export function bestCandidate<T extends { features: readonly number[] }>(candidates: readonly T[], model: LinkModel): Choice<T> | null {
  let best: T | null = null;
  let bestRank = -Infinity;
  for (const candidate of candidates) {
    const rank = linearScore(model.rank, candidate.features);
    if (best === null || rank > bestRank) {
      best = candidate;
      bestRank = rank;
    }
  }
  return best === null ? null : { candidate: best, rank: bestRank, join: linearScore(model.join, best.features) };
}
