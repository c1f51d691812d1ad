import type { Article, Outlet } from '../../model/index.js';
import { actorCounts, mainActors, rankActors } from './main-actors.js';
import { coverageOf, type Coverage } from './outlet-coverage.js';
import { suggestFacts, type SuggestedFact } from './suggest-facts.js';
import { buildGroup, outletMap } from './article-group.js';
import { sentenceMatcher } from './same-fact-index.js';
import { suggestPredictions, type SuggestedPrediction } from './suggest-predictions.js';
import { salienceOf, type SalienceWeights } from './stem-salience.js';
import { suggestNarratives, type SuggestedSlot } from './suggest-narratives.js';
import { centralHeadline } from './central-headline.js';
import { introduceNames, type TextNames } from './full-name.js';
import type { SentenceCache } from './sentence-cache.js';

export type { SuggestedFact, SuggestedSlot, SuggestedPrediction, Coverage };

/**
 * Suggestions read a story's most recent articles, at most this many: enough for every outlet's
 * angle on a developing story, few enough that a refresh stays under 100 ms (bench:suggest-speed).
 */
export const MAX_SUGGESTION_ARTICLES = 60;

/** Everything suggested for one candidate, computed from its articles alone. */
export interface StorySuggestion {
  title: string;
  /** The article whose headline was chosen, or null when there is none. */
  titleArticleId: string | null;
  facts: SuggestedFact[];
  /** Outlet ids whose articles back the facts, in order of first report. */
  sources: string[];
  narratives: SuggestedSlot[];
  predictions: SuggestedPrediction[];
  coverage: Coverage;
  /** The story's main actors ("China", "Japan"), most named first. */
  actors: string[];
}

/** Options of suggestStory. */
export interface SuggestOptions {
  /** Article id → lean given with the article ("left", "lean right"); labels slots when no tag fits. */
  leans?: ReadonlyMap<string, string>;
  /** Expected length of a neutral account in content words (fact selection stops around it). */
  targetWords?: number;
  maxFacts?: number;
  /**
   * The story's cache of per-article sentence data (see SentenceCache): kept between refreshes
   * of one story, so a refresh splits, stems and matches only the articles new to it. Same
   * suggestions with or without it.
   */
  cache?: SentenceCache;
  /** Weights of word salience (default: SALIENCE_WEIGHTS); bench:suggest passes the ones it fits. */
  salienceWeights?: SalienceWeights;
  /** The worth of a set of facts in place of the salience estimate (see FactOptions.worth): for bench:suggest's ceiling only. */
  worth?: (texts: readonly string[]) => number;
}

/** Suggestions for a candidate from its articles and the outlets' config. */
export function suggestStory(
  articles: readonly Article[],
  outlets: ReadonlyMap<string, Outlet> | readonly Outlet[],
  options: SuggestOptions = {},
): StorySuggestion {
  const { cache } = options;
  const group = buildGroup(articles, outletMap(outlets), options.leans, cache);
  const salience = salienceOf(group, options.salienceWeights);
  const actors = cache
    ? rankActors(
        group.articles.flatMap((a) =>
          cache.ofArticle('actors', a.article, () => [actorCounts(a.article.title), actorCounts(a.article.text)]),
        ),
      )
    : mainActors(group.articles.flatMap((a) => [a.article.title, a.article.text]));
  const facts = suggestFacts(group, salience, { targetWords: options.targetWords, maxFacts: options.maxFacts, worth: options.worth });
  const backing = new Set(facts.flatMap((f) => f.outlets));
  const { title, articleId } = centralHeadline(group, salience);
  // Slots and predictions compare the group's sentences (as written) with each other: one matcher for both.
  const sentences = group.articles.flatMap((a) => a.sentences);
  const matcher = cache ? cache.matcher('sentences', sentences) : sentenceMatcher(sentences);
  const factTexts = facts.map((f) => f.text);
  const predictions = suggestPredictions(group, factTexts, matcher, title);
  // What the facts and predictions already say is no narrative excerpt (compared as the articles word it).
  const narratives = suggestNarratives(group, actors, matcher, { facts: factTexts, predictions: predictions.map((p) => p.text), title });
  // Read in order, facts then predictions: a surname that opens one gets its full name where the reader first meets it.
  const named = introduceNames(
    [...factTexts, ...predictions.map((p) => p.text)],
    group.articles.map((a) => a.article.text),
    cache && group.articles.map((a) => cache.ofArticle('full-names', a.article, (): TextNames => new Map())),
  );
  return {
    title,
    titleArticleId: articleId,
    facts: facts.map((f, i) => (named[i] === f.text ? f : { ...f, text: named[i]! })),
    sources: group.outletOrder.filter((id) => backing.has(id)),
    narratives,
    predictions: predictions.map((p, i) => (named[facts.length + i] === p.text ? p : { ...p, text: named[facts.length + i]! })),
    coverage: coverageOf(group),
    actors,
  };
}
