import type { ClusterOptions } from './options.js';
import { tokenize } from './tokenize.js';

/** A sparse term vector in a fixed order (term, weight), plain JSON. */
export type TermVector = Array<[string, number]>;

/** What the clusterer keeps of an article's text. */
export interface ArticleFeatures {
  /** Zone- and name-weighted, sublinear term weights, L2-normalised, sorted by term. */
  vector: TermVector;
  /** Content words read (title + lead + body), for the near-duplicate rule. */
  words: number;
}

/** Splits the text into its lead (first paragraph) and the rest. */
function leadAndBody(text: string): [string, string] {
  const trimmed = text.trim();
  const cut = trimmed.search(/\n\s*\n/);
  return cut < 0 ? [trimmed, ''] : [trimmed.slice(0, cut), trimmed.slice(cut)];
}

/**
 * Turns title, lead and body into one weighted term vector: title and lead words count
 * more, names more again, and multi-word names and quantities become terms of their own
 * (prefixed "e:" and "n:") so that "North Korea" does not match every "north".
 */
export function articleFeatures(title: string, text: string, lang: string, options: ClusterOptions): ArticleFeatures {
  const counts = new Map<string, number>();
  const add = (term: string, weight: number) => counts.set(term, (counts.get(term) ?? 0) + weight);
  const [lead, body] = leadAndBody(text);
  let words = 0;
  const zones: Array<[string, number, number]> = [
    [title, options.titleWeight, 60],
    [lead, options.leadWeight, options.maxLeadWords],
    [body, 1, options.maxBodyWords],
  ];
  for (const [zoneText, zoneWeight, maxWords] of zones) {
    if (!zoneText) continue;
    const tokens = tokenize(zoneText, lang, maxWords);
    words += tokens.words.length;
    for (const word of tokens.words) add(word.term, zoneWeight * (word.entity ? options.entityBoost : 1));
    for (const name of tokens.names) add('e:' + name, zoneWeight * options.phraseWeight);
    for (const quantity of tokens.quantities) add('n:' + quantity, zoneWeight * options.phraseWeight);
  }
  const vector: TermVector = [];
  let norm = 0;
  for (const [term, count] of counts) {
    const weight = Math.log1p(count);
    vector.push([term, weight]);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const entry of vector) entry[1] /= norm;
  vector.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { vector, words };
}
