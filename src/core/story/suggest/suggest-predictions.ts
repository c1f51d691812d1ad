import type { Group, GroupArticle, GroupSentence } from './article-group.js';
import { sentenceMatcher, type SentenceMatcher } from './same-fact-index.js';
import { restatesWords } from './same-fact-score.js';
import { contentStems } from './content-stems.js';
import { completeExcerpt, leansOnSentenceBefore, withoutLinkingWord } from './compress-sentence.js';
import { sentenceRole } from './sentence-role.js';
import { comparableWords, mainClauseStatedIn, mainClauseWords } from './main-clause.js';
import type { SentenceCache } from './sentence-cache.js';

/** A suggested prediction: a forward-looking sentence and the outlet that made it. */
export interface SuggestedPrediction {
  text: string;
  outletId: string;
  articleId: string;
}

const MAX_PREDICTIONS = 5;
const MIN_CONTENT_WORDS = 4;

/**
 * Forecasts of the group (sentences whose role is "prediction": expected, likely, could, plans
 * to, scheduled, deadlines; never an announcement of what happened), one per claim: the first
 * report of it, listed first when more outlets make it. Sentences that restate a suggested fact
 * (or whose main clause a fact states, beyond the words of the story's `title`) and questions are
 * left out. `matcher`: one built over the group's sentences in reading order
 * (as suggestStory builds it), if at hand.
 */
export function suggestPredictions(group: Group, factTexts: string[], matcher?: SentenceMatcher, title = ''): SuggestedPrediction[] {
  const all = group.articles.flatMap((a) => a.sentences);
  const matches = matcher ?? sentenceMatcher(all);
  // A fact may be a compressed form of its sentence: compare words, not texts.
  const factWords = factTexts.map((text) => new Set(contentStems(text)));
  // A forecast whose main clause a fact states in a clause of its own ("Japan plans to double
  // defence spending …" after a fact on documents "which commit it to doubling defence spending …").
  const factClauses = factTexts.map(comparableWords);
  const topic = comparableWords(title);
  const facts = new Set(factTexts);
  // Positions in `all` of the predictions found so far, with the outlets that make each.
  const found: { at: number; text: string; words: Set<string>; outlets: Set<string> }[] = [];
  let offset = 0;
  for (const a of group.articles) {
    // Only an article's forecasts are read (the story's cache keeps which sentences they are).
    const forecasts = group.cache ? group.cache.ofArticle('forecasts', a.article, () => forecastsOf(a)) : forecastsOf(a);
    for (const k of forecasts) {
      const i = offset + k;
      const s = all[i]!;
      const { text, words, main } = group.cache ? keptForecast(group.cache, s, a.article.published) : forecastWords(s, a.article.published);
      if (facts.has(text)) continue;
      if (factWords.some((f) => f.size > 0 && restatesWords(f, words))) continue;
      if (factClauses.some((f) => mainClauseStatedIn(main, f, topic))) continue;
      const same = found.find((f) => matches.matches(f.at, i) || restatesWords(f.words, words));
      if (same) same.outlets.add(s.outletId);
      else found.push({ at: i, text, words, outlets: new Set([s.outletId]) });
    }
    offset += a.sentences.length;
  }
  return found
    .map((f, order) => ({ ...f, order }))
    .sort((a, b) => b.outlets.size - a.outlets.size || a.order - b.order)
    .slice(0, MAX_PREDICTIONS)
    .map((f) => ({ text: f.text, outletId: all[f.at]!.outletId, articleId: all[f.at]!.articleId }));
}

/** What the choice reads of a forecast sentence of an article published then: its text as a prediction, its words, its main clause's words. */
interface ForecastWords {
  published: string;
  text: string;
  words: Set<string>;
  main: ReturnType<typeof mainClauseWords>;
}

function forecastWords(s: GroupSentence, published: string): ForecastWords {
  const text = predictionText(s, published)!;
  return { published, text, words: new Set(text === s.text ? s.stems : contentStems(text)), main: mainClauseWords(text) };
}

/** forecastWords, computed once per sentence by the story's cache (again if the article's date changed). */
function keptForecast(cache: SentenceCache, s: GroupSentence, published: string): ForecastWords {
  const kept = cache.ofSentence('forecast words', s, () => forecastWords(s, published));
  return kept.published === published ? kept : forecastWords(s, published);
}

/**
 * A forecast sentence as a prediction states it: whole, or, when the excerpt breaks off ("…
 * economy..."), up to its last complete clause if that is still a forecast, without a linking
 * word ("But …") that ties it to the sentence before; null when nothing a reader can take alone
 * is left.
 */
function predictionText(s: GroupSentence, published: string): string | null {
  if (!s.truncated) return withoutLinkingWord(s.text);
  const kept = completeExcerpt(s.text);
  return kept !== null && sentenceRole(kept, published) === 'prediction' ? withoutLinkingWord(kept) : null;
}

/** Indices of an article's sentences that may be predictions: forecasts with enough content words, no questions, none leaning on the sentence before, none cut to a fragment. */
function forecastsOf(a: GroupArticle): number[] {
  const at: number[] = [];
  a.sentences.forEach((s: GroupSentence, k) => {
    // "They will also lose votes …": alone, a forecast about whoever the sentence before named.
    if (s.role !== 'prediction' || s.text.trimEnd().endsWith('?') || s.stems.length < MIN_CONTENT_WORDS || leansOnSentenceBefore(s.text))
      return;
    if (predictionText(s, a.article.published) === null) return;
    at.push(k);
  });
  return at;
}
