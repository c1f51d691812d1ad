import type { GroupSentence } from './group.js';
import { bag, cosine, overlap } from './similarity.js';

/** Two sentences say the same thing when their content words mostly agree. */
export const SAME_FACT_THRESHOLD = 0.34;

/** How much two sentences say the same thing, 0…1. */
export function sentenceMatch(a: GroupSentence, b: GroupSentence): number {
  const cos = cosine(bag(a.stems), bag(b.stems));
  // A short sentence fully inside a long one counts too, if it has substance.
  const shared = new Set(a.stems.filter((w) => b.stems.includes(w))).size;
  const inside = shared >= 4 ? overlap(a.stems, b.stems) * 0.8 : 0;
  return Math.max(cos, inside);
}

/** Outlet id → article ids of other outlets' sentences that say what `sentence` says (its own outlet included). */
export function supportOf(sentence: GroupSentence, others: GroupSentence[]): Map<string, Set<string>> {
  const support = new Map<string, Set<string>>([[sentence.outletId, new Set([sentence.articleId])]]);
  for (const other of others) {
    if (other.outletId === sentence.outletId) continue;
    if (sentenceMatch(sentence, other) < SAME_FACT_THRESHOLD) continue;
    const ids = support.get(other.outletId) ?? new Set<string>();
    ids.add(other.articleId);
    support.set(other.outletId, ids);
  }
  return support;
}
