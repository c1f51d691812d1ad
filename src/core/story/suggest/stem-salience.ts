import type { Group, GroupArticle } from './article-group.js';
import { contentStems } from './content-stems.js';
import { WordStatsTable, type ArticleWordData, type WordStatsView } from './word-stats-table.js';

/**
 * How likely a word is to belong in a neutral account of the story, from what the outlets share.
 * A logistic score over: the share of other outlets that use the word, the share of headlines
 * that carry it, whether it is a name (capitalised mid-sentence) or a number, how often it
 * occurs, and how early it first appears. The weights are round values of a logistic fit of
 * "word appears in the editors' summary" on the fitting half of the AllSides development events
 * (split by story; `npm run bench:suggest` refits them there and reports both halves); each
 * sign says what newsrooms do (shared, headline, named, early words are the story).
 */
export interface SalienceWeights {
  bias: number;
  shared: number;
  headline: number;
  name: number;
  number: number;
  frequency: number;
  lateness: number;
}

export const SALIENCE_WEIGHTS: SalienceWeights = {
  bias: -2.1,
  shared: 1.8,
  headline: 1.3,
  name: 0.8,
  number: 0.4,
  frequency: 1.0,
  lateness: -0.7,
};

/** The features of one word, in the order of SalienceWeights after the bias. */
export const SALIENCE_FEATURES = ['shared', 'headline', 'name', 'number', 'frequency', 'lateness'] as const;

/** Word (stem) → probability-like salience in [0, 1]. */
export type Salience = (stem: string) => number;

interface WordStats {
  /** Outlets that use the word: only the number counts. */
  outlets: Set<string>;
  headlines: number;
  name: boolean;
  count: number;
  first: number;
}

/** Feature values of every content word of the group's texts (SALIENCE_FEATURES order). */
export function salienceFeatures(group: Group): Map<string, number[]> {
  const features = new Map<string, number[]>();
  const { stats, outletCount, articleCount } = wordStats(group);
  for (const [w, s] of stats) features.set(w, featuresOf(w, viewOf(s), outletCount, articleCount, []));
  return features;
}

/** Salience of every content word of the group's texts (computed for a word when it is first asked for). */
export function salienceOf(group: Group, weights: SalienceWeights = SALIENCE_WEIGHTS): Salience {
  const memo = new Map<string, number>();
  const w = SALIENCE_FEATURES.map((name) => weights[name]);
  const outletCount = group.outletOrder.length;
  const articleCount = group.articles.length || 1;
  const statsOf = windowStats(group);
  const x: number[] = [];
  return (stem) => {
    let value = memo.get(stem);
    if (value === undefined) {
      const s = statsOf(stem);
      if (!s) return 0;
      featuresOf(stem, s, outletCount, articleCount, x);
      let z = weights.bias;
      for (let k = 0; k < w.length; k++) z += w[k]! * x[k]!;
      memo.set(stem, (value = 1 / (1 + Math.exp(-z))));
    }
    return value;
  };
}

/**
 * A word's statistics over the group: from the story's cache, which keeps them per article and
 * updates them as articles join and leave (WordStatsTable), or summed over the group here.
 */
function windowStats(group: Group): (stem: string) => WordStatsView | undefined {
  const { cache } = group;
  if (cache) {
    const table = cache.ofStory('word-stats', () => new WordStatsTable());
    const window = group.articles.map((ga) => ({
      id: ga.article.id,
      outletId: ga.outlet.id,
      data: cache.ofArticle('salience-words', ga.article, () => articleWords(ga)),
    }));
    if (table.sync(window)) return (stem) => table.stats(stem);
  }
  const { stats } = wordStats(group);
  return (stem) => {
    const s = stats.get(stem);
    return s && viewOf(s);
  };
}

/** A word's summed statistics as the features read them (the number of outlets, not which). */
function viewOf(s: WordStats): WordStatsView {
  return { outlets: s.outlets.size, headlines: s.headlines, name: s.name, count: s.count, first: s.first };
}

/** The statistics of every word of the group, summed over its articles in order. */
function wordStats(group: Group): { stats: Map<string, WordStats>; outletCount: number; articleCount: number } {
  const stats = new Map<string, WordStats>();
  for (const ga of group.articles) {
    const a = group.cache ? group.cache.ofArticle('salience-words', ga.article, () => articleWords(ga)) : articleWords(ga);
    for (let k = 0; k < a.words.length; k++) {
      const w = a.words[k]!;
      let s = stats.get(w);
      if (!s) stats.set(w, (s = { outlets: new Set(), headlines: 0, name: false, count: 0, first: 1 }));
      s.outlets.add(ga.outlet.id);
      s.count += a.counts[k]!;
      if (a.named[k]) s.name = true;
      s.first = Math.min(s.first, a.first[k]!);
    }
    // A headline word counts once the texts so far (this one included) have used it.
    for (const w of a.titleWords) {
      const s = stats.get(w);
      if (s) s.headlines++;
    }
  }
  return { stats, outletCount: group.outletOrder.length, articleCount: group.articles.length || 1 };
}

/** One word's features into `into` (SALIENCE_FEATURES order). */
function featuresOf(w: string, s: WordStatsView, outletCount: number, articleCount: number, into: number[]): number[] {
  into[0] = outletCount > 1 ? (s.outlets - 1) / (outletCount - 1) : 0;
  into[1] = Math.min(1, s.headlines / articleCount);
  into[2] = s.name ? 1 : 0;
  into[3] = /\d/.test(w) ? 1 : 0;
  into[4] = Math.log(1 + s.count);
  into[5] = s.first;
  return into;
}

/** What an article adds to the word statistics (see ArticleWordData). */
function articleWords(ga: GroupArticle): ArticleWordData {
  const total = ga.sentences.reduce((n, s) => n + s.stems.length, 0) || 1;
  const at = new Map<string, number>();
  const words: string[] = [];
  const counts: number[] = [];
  const first: number[] = [];
  const named: number[] = [];
  let position = 0;
  for (const sentence of ga.sentences) {
    // Capitalised words not at the sentence start are names.
    const names = namesIn(sentence.text);
    for (const w of sentence.stems) {
      let k = at.get(w);
      if (k === undefined) {
        at.set(w, (k = words.length));
        words.push(w);
        counts.push(0);
        // Positions only grow, so a word's first use is its earliest.
        first.push(Math.min(1, position / total));
        named.push(0);
      }
      counts[k]!++;
      if (names.has(w)) named[k] = 1;
      position++;
    }
  }
  return {
    words,
    counts: Int32Array.from(counts),
    first: Float64Array.from(first),
    named: Uint8Array.from(named),
    titleWords: [...new Set(contentStems(ga.article.title))],
  };
}

/** Stems of the capitalised words not at the sentence start: names. */
function namesIn(text: string): Set<string> {
  return new Set((text.match(/(?<=[\s(“"‘'])\p{Lu}[\p{L}\p{N}]*/gu) ?? []).flatMap((w) => contentStems(w)));
}
