import type { GroupSentence } from './article-group.js';
import type { SentenceMatcher } from './same-fact-index.js';

/** Outlet id → (article id → index of the matching sentence there), for every outlet that says what a sentence says (its own included). */
export type Support = Map<string, Map<string, number>>;

/**
 * Where else the same thing is said: other outlets' sentences that match sentences[at], in the
 * order they stand in `sentences` (the matcher must be built over the same list).
 */
export function supportOf(at: number, sentences: readonly GroupSentence[], matcher: SentenceMatcher): Support {
  const sentence = sentences[at]!;
  const support: Support = new Map([[sentence.outletId, new Map([[sentence.articleId, sentence.index]])]]);
  for (const j of matcher.near(at)) {
    const other = sentences[j]!;
    if (other.outletId === sentence.outletId) continue;
    const seen = support.get(other.outletId) ?? new Map<string, number>();
    seen.set(other.articleId, Math.min(seen.get(other.articleId) ?? other.index, other.index));
    support.set(other.outletId, seen);
  }
  return support;
}
