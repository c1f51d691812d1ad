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

/** Outlet id → (article id → index of the matching sentence there), for every outlet that says what `sentence` says (its own included). */
export type Support = Map<string, Map<string, number>>;

/** Where else the same thing is said: other outlets' sentences that match this one. */
export function supportOf(sentence: GroupSentence, others: GroupSentence[]): Support {
  const support: Support = new Map([[sentence.outletId, new Map([[sentence.articleId, sentence.index]])]]);
  for (const other of others) {
    if (other.outletId === sentence.outletId) continue;
    if (sentenceMatch(sentence, other) < SAME_FACT_THRESHOLD) continue;
    const at = support.get(other.outletId) ?? new Map<string, number>();
    at.set(other.articleId, Math.min(at.get(other.articleId) ?? other.index, other.index));
    support.set(other.outletId, at);
  }
  return support;
}
