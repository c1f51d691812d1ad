import type { Group } from './article-group.js';
import { contentStems } from './content-stems.js';

/**
 * How likely a word is to belong in a neutral account of the story, from what the outlets share.
 * A logistic score over: the share of other outlets that use the word, the share of headlines
 * that carry it, whether it is a name (capitalised mid-sentence) or a number, how often it
 * occurs, and how early it first appears. The weights are round values of a logistic fit of
 * "word appears in the editors' summary" on the AllSides development events; each sign says
 * what newsrooms do (shared, headline, named, early words are the story).
 */
const WEIGHTS = { bias: -2, shared: 1.6, headline: 1.3, name: 0.8, number: 0.5, frequency: 0.9, lateness: -0.7 };

/** Word (stem) → probability-like salience in [0, 1]. */
export type Salience = (stem: string) => number;

interface WordStats {
  outlets: Set<string>;
  headlines: number;
  name: boolean;
  count: number;
  first: number;
}

/** Salience of every content word of the group's texts. */
export function salienceOf(group: Group): Salience {
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
  const cache = new Map<string, number>();
  for (const [w, s] of stats) {
    const shared = outletCount > 1 ? (s.outlets.size - 1) / (outletCount - 1) : 0;
    const z =
      WEIGHTS.bias +
      WEIGHTS.shared * shared +
      WEIGHTS.headline * Math.min(1, s.headlines / articleCount) +
      WEIGHTS.name * (s.name ? 1 : 0) +
      WEIGHTS.number * (/\d/.test(w) ? 1 : 0) +
      WEIGHTS.frequency * Math.log(1 + s.count) +
      WEIGHTS.lateness * s.first;
    cache.set(w, 1 / (1 + Math.exp(-z)));
  }
  return (stem) => cache.get(stem) ?? 0;
}


/** Stems of the capitalised words not at the sentence start: names. */
function namesIn(text: string): Set<string> {
  return new Set((text.match(/(?<=[\s(“"‘'])\p{Lu}[\p{L}\p{N}]*/gu) ?? []).flatMap((w) => contentStems(w)));
}
