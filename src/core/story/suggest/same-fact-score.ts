import { bag, cosine, overlap } from './bag-cosine.js';

/** Two sentences say the same thing when their content words mostly agree. */
export const SAME_FACT_THRESHOLD = 0.34;

// A short sentence fully inside a long one counts too, if it has substance: this many shared words.
const MIN_SHARED_INSIDE = 4;
const INSIDE_WEIGHT = 0.8;

/** How much two sentences say the same thing, 0…1 (the definition; sentenceMatcher finds the same matches in bulk). */
export function sentenceMatch(a: { stems: readonly string[] }, b: { stems: readonly string[] }): number {
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

// Two facts restate each other when most of the shorter one's content words are in the other:
// one meaning, one fact, even when sentenceMatch stays under SAME_FACT_THRESHOLD (different length).
const RESTATED_SHARE = 0.5;
const MIN_SHARED_RESTATED = 3;

/** True when the smaller of two sets of distinct stems is mostly inside the larger. */
export function restatesWords(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return restatesFromCounts(shared, a.size, b.size);
}

/** restatesWords from the number of distinct stems the two share and each one's distinct stems (the same test). */
export function restatesFromCounts(shared: number, distinctA: number, distinctB: number): boolean {
  return shared >= MIN_SHARED_RESTATED && shared / Math.max(1, Math.min(distinctA, distinctB)) >= RESTATED_SHARE;
}

/** True when two sentences say the same thing for a reader: they match, or the shorter is mostly inside the longer. */
export function restates(a: { stems: readonly string[] }, b: { stems: readonly string[] }): boolean {
  return restatesWords(new Set(a.stems), new Set(b.stems)) || sentenceMatch(a, b) >= SAME_FACT_THRESHOLD;
}
