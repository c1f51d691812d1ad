import type { Group } from './article-group.js';
import { contentStems } from './content-stems.js';

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
  outlets: Set<string>;
  headlines: number;
  name: boolean;
  count: number;
  first: number;
}

/** Feature values of every content word of the group's texts (SALIENCE_FEATURES order). */
export function salienceFeatures(group: Group): Map<string, number[]> {
  const stats = new Map<string, WordStats>();
  const entry = (w: string): WordStats => {
    let s = stats.get(w);
    if (!s) stats.set(w, (s = { outlets: new Set(), headlines: 0, name: false, count: 0, first: 1 }));
    return s;
  };
  for (const ga of group.articles) {
    const total = ga.sentences.reduce((n, s) => n + s.stems.length, 0) || 1;
    let position = 0;
    for (const sentence of ga.sentences) {
      // Capitalised words not at the sentence start are names.
      const names = group.cache ? group.cache.ofSentence('names', sentence, () => namesIn(sentence.text)) : namesIn(sentence.text);
      for (const w of sentence.stems) {
        const s = entry(w);
        s.outlets.add(ga.outlet.id);
        s.count++;
        if (names.has(w)) s.name = true;
        s.first = Math.min(s.first, position / total);
        position++;
      }
    }
    for (const w of new Set(contentStems(ga.article.title))) if (stats.has(w)) entry(w).headlines++;
  }
  const outletCount = group.outletOrder.length;
  const articleCount = group.articles.length || 1;
  const features = new Map<string, number[]>();
  for (const [w, s] of stats) {
    const shared = outletCount > 1 ? (s.outlets.size - 1) / (outletCount - 1) : 0;
    features.set(w, [
      shared,
      Math.min(1, s.headlines / articleCount),
      s.name ? 1 : 0,
      /\d/.test(w) ? 1 : 0,
      Math.log(1 + s.count),
      s.first,
    ]);
  }
  return features;
}

/** Salience of every content word of the group's texts. */
export function salienceOf(group: Group, weights: SalienceWeights = SALIENCE_WEIGHTS): Salience {
  const cache = new Map<string, number>();
  const w = SALIENCE_FEATURES.map((name) => weights[name]);
  for (const [stem, x] of salienceFeatures(group)) {
    let z = weights.bias;
    for (let k = 0; k < w.length; k++) z += w[k]! * x[k]!;
    cache.set(stem, 1 / (1 + Math.exp(-z)));
  }
  return (stem) => cache.get(stem) ?? 0;
}

/** Stems of the capitalised words not at the sentence start: names. */
function namesIn(text: string): Set<string> {
  return new Set((text.match(/(?<=[\s(“"‘'])\p{Lu}[\p{L}\p{N}]*/gu) ?? []).flatMap((w) => contentStems(w)));
}
