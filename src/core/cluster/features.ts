import type { ClusterOptions } from './options.js';
import { tokenize } from './tokenize.js';

/** A sparse term vector in a fixed order (term, weight), plain JSON. */
export type TermVector = Array<[string, number]>;

/** What the clusterer keeps of an article's text. */
export interface ArticleFeatures {
  /** The whole text (title + lead + body): zone- and name-weighted, sublinear, L2-normalised, sorted by term. */
  vector: TermVector;
  /**
   * The head: title and lead only, weighted the same way. Every item has one, a headline-only
   * item included (its head is its title), so heads compare like with like.
   */
  head: TermVector;
  /** The title alone. */
  title: TermVector;
  /** Content words read (title + lead + body). */
  words: number;
}

/** Splits the text into its lead (first paragraph) and the rest. */
function leadAndBody(text: string): [string, string] {
  const trimmed = text.trim();
  const cut = trimmed.search(/\n\s*\n/);
  return cut < 0 ? [trimmed, ''] : [trimmed.slice(0, cut), trimmed.slice(cut)];
}

/**
 * Turns title, lead and body into three weighted term vectors (title, head, whole): title
 * and lead words count more, names more again, and multi-word names and quantities become
 * terms of their own (prefixed "e:" and "n:") so that "North Korea" does not match every "north".
 */
export function articleFeatures(title: string, text: string, lang: string, options: ClusterOptions): ArticleFeatures {
  const { text: t, entities } = options;
  const titleCounts = new Map<string, number>();
  const headCounts = new Map<string, number>();
  const counts = new Map<string, number>();
  const [lead, body] = leadAndBody(text);
  let words = 0;
  const zones: Array<[string, number, number, Array<Map<string, number>>]> = [
    [title, t.titleWeight, 60, [titleCounts, headCounts, counts]],
    [lead, t.leadWeight, t.maxLeadWords, [headCounts, counts]],
    [body, 1, t.maxBodyWords, [counts]],
  ];
  for (const [zoneText, zoneWeight, maxWords, targets] of zones) {
    if (!zoneText) continue;
    const tokens = tokenize(zoneText, lang, maxWords);
    words += tokens.words.length;
    const add = (term: string, weight: number) => {
      for (const map of targets) map.set(term, (map.get(term) ?? 0) + weight);
    };
    for (const word of tokens.words) add(word.term, zoneWeight * (word.entity ? entities.entityBoost : 1));
    for (const name of tokens.names) add('e:' + name, zoneWeight * entities.phraseWeight);
    for (const quantity of tokens.quantities) add('n:' + quantity, zoneWeight * entities.phraseWeight);
  }
  return { vector: unitVector(counts), head: unitVector(headCounts), title: unitVector(titleCounts), words };
}

/** Sublinear weights (log 1 + count), L2-normalised, sorted by term. */
function unitVector(counts: Map<string, number>): TermVector {
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
  return vector;
}

/** Whether a term is a name or quantity term (multi-word name "e:…", quantity "n:…"). */
export function isNameTerm(term: string): boolean {
  return term.startsWith('e:') || term.startsWith('n:');
}
