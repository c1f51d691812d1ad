import type { Group } from './article-group.js';
import { sentenceMatcher, type SentenceMatcher } from './same-fact-index.js';

/** A suggested prediction: a forward-looking sentence and the outlet that made it. */
export interface SuggestedPrediction {
  text: string;
  outletId: string;
  articleId: string;
}

const MAX_PREDICTIONS = 5;

// "will" as a verb, not "the will of the people" or "free will".
const WILL = /(?<!\b(?:the|free|good|ill|political|popular|own|his|her|its|their|our|your|my)\s)\b(?:will|won['’]t|shall)\s+(?!of\b)[\p{L}]/iu;
const EXPECTED = /\b(?:is|are|was|were|be|been|remains?)\s+(?:widely\s+)?(?:expected|set|scheduled|due|poised|likely|unlikely|slated|going|planning)\s+to\b/i;
const INTENT = /\b(?:plans?|planned|aims?|aimed|intends?|intended|vows?|vowed|pledges?|pledged|promises?|promised|hopes?|seeks?)\s+to\b/i;
const AHEAD = /\b(?:next|coming|upcoming|following)\s+(?:week|weekend|month|year|decade|session|election|summit|meeting|round)\b/i;
const BY_SEASON = /\bby\s+(?:the\s+(?:end|start|middle)\s+of\s+(?:the\s+)?)?(?:this\s+|next\s+)?(?:spring|summer|autumn|fall|winter|year|month|week|decade)\b/i;
const YEAR_AFTER_BY_OR_IN = /\b(by|in|until|before|from)\s+(?:the\s+end\s+of\s+)?((?:19|20)\d\d)\b/gi;

/** True when a sentence looks ahead of the day it was published (tense, intent, dates to come). */
export function isForwardLooking(sentence: string, publishedIso: string): boolean {
  if (WILL.test(sentence) || EXPECTED.test(sentence) || INTENT.test(sentence) || AHEAD.test(sentence) || BY_SEASON.test(sentence)) {
    return true;
  }
  const year = Number(publishedIso.slice(0, 4));
  for (const m of sentence.matchAll(YEAR_AFTER_BY_OR_IN)) {
    const mentioned = Number(m[2]);
    // "by 2027" counts from this year on; "in 2027" only for years still to come.
    if (Number.isFinite(year) && (m[1]!.toLowerCase() === 'by' ? mentioned >= year : mentioned > year)) return true;
  }
  return false;
}

/**
 * Forward-looking sentences of the group, one per claim (the first report of it), skipping
 * sentences already suggested as facts; questions are not predictions. `matcher`: one built
 * over the group's sentences in reading order (as suggestStory builds it), if at hand.
 */
export function suggestPredictions(group: Group, factTexts: string[], matcher?: SentenceMatcher): SuggestedPrediction[] {
  const facts = new Set(factTexts);
  const all = group.articles.flatMap((a) => a.sentences);
  const matches = matcher ?? sentenceMatcher(all);
  // Positions in `all` of the predictions found so far.
  const found: number[] = [];
  let at = 0;
  for (const ga of group.articles) {
    for (const s of ga.sentences) {
      const i = at++;
      if (facts.has(s.text) || s.text.endsWith('?') || s.stems.length < 4) continue;
      if (!isForwardLooking(s.text, ga.article.published)) continue;
      if (found.some((f) => matches.matches(f, i))) continue;
      found.push(i);
    }
  }
  return found.slice(0, MAX_PREDICTIONS).map((i) => ({ text: all[i]!.text, outletId: all[i]!.outletId, articleId: all[i]!.articleId }));
}
