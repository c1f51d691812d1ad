import type { GroupSentence } from './article-group.js';
import { bag, cosine, overlap } from './bag-cosine.js';

/** Two sentences say the same thing when their content words mostly agree. */
export const SAME_FACT_THRESHOLD = 0.34;

// A short sentence fully inside a long one counts too, if it has substance: this many shared words.
const MIN_SHARED_INSIDE = 4;
const INSIDE_WEIGHT = 0.8;

/** How much two sentences say the same thing, 0…1 (the definition; sentenceMatcher finds the same matches in bulk). */
export function sentenceMatch(a: GroupSentence, b: GroupSentence): number {
  const cos = cosine(bag(a.stems), bag(b.stems));
  const shared = new Set(a.stems.filter((w) => b.stems.includes(w))).size;
  const inside = shared >= MIN_SHARED_INSIDE ? overlap(a.stems, b.stems) * INSIDE_WEIGHT : 0;
  return Math.max(cos, inside);
}

/**
 * sentenceMatch from counts of two sentences' words, with the same arithmetic (so the same
 * value to the last bit): dot product and squared norms of their word bags, distinct words
 * they share, and each one's distinct words.
 */
export function matchFromCounts(dot: number, normA2: number, normB2: number, shared: number, distinctA: number, distinctB: number): number {
  const cos = normA2 && normB2 ? dot / Math.sqrt(normA2 * normB2) : 0;
  const inside = shared >= MIN_SHARED_INSIDE ? (shared / Math.min(distinctA, distinctB)) * INSIDE_WEIGHT : 0;
  return Math.max(cos, inside);
}
