import type { TermVector } from './features.js';

/** A term's count, with the one string the clusterer uses for the term. */
interface TermCount {
  term: string;
  count: number;
}

/**
 * Document frequencies over the articles of the active window, per language, kept online:
 * an article adds its terms when it joins and takes them away when its story leaves the
 * window, so the table stays bounded by the window.
 */
export class DocFreq {
  /** lang → term → articles holding it (nested so look-ups build no key strings). */
  private readonly df = new Map<string, Map<string, TermCount>>();
  private readonly docs = new Map<string, number>();
  /** Keys changed since the last drain, for incremental persistence. */
  private readonly dirty = new Map<string, Set<string>>();

  /**
   * `minDocs`: idf reads the window as holding at least this many articles (the ones not there
   * holding none of the terms). A window of a dozen articles is mostly the story being told, so its
   * own names look common and incidental words rare; a floor keeps idf from turning that around
   * at a cold start. Windows larger than the floor are read as they are.
   */
  constructor(
    df: Array<[string, number]> = [],
    docs: Array<[string, number]> = [],
    private readonly minDocs = 0,
  ) {
    for (const [key, count] of df) {
      const cut = key.indexOf('|');
      const term = key.slice(cut + 1);
      this.table(key.slice(0, cut)).set(term, { term, count });
    }
    for (const [lang, count] of docs) this.docs.set(lang, count);
  }

  /** An idf function for one language, as the table stands now (one look-up and a log: cheaper than memoising). */
  idfFor(lang: string): (term: string) => number {
    const table = this.df.get(lang) ?? new Map<string, TermCount>();
    const n = Math.log(Math.max(this.minDocs, this.docs.get(lang) ?? 0) + 1) + 1;
    return (term) => n - Math.log((table.get(term)?.count ?? 0) + 1);
  }

  /** Smoothed idf of one term in one language (as idfFor). */
  idf(lang: string, term: string): number {
    const n = Math.max(this.minDocs, this.docs.get(lang) ?? 0);
    return Math.log((n + 1) / ((this.df.get(lang)?.get(term)?.count ?? 0) + 1)) + 1;
  }

  /**
   * Puts the table's own string in place of each term it holds, in the given vectors. Two equal
   * strings that are different objects are compared character by character in every map
   * look-up, and the clusterer looks a term up many times per article (idf, indexes, centroids):
   * one string per term makes those look-ups compare references (measured: a sixth less CPU).
   */
  share(lang: string, ...vectors: TermVector[]): void {
    const table = this.df.get(lang);
    if (!table) return;
    for (const vector of vectors)
      for (const entry of vector) {
        const held = table.get(entry[0]);
        if (held) entry[0] = held.term;
      }
  }

  private table(lang: string): Map<string, TermCount> {
    let table = this.df.get(lang);
    if (!table) {
      table = new Map();
      this.df.set(lang, table);
    }
    return table;
  }

  /** Counts an article's terms in (+1) or out (-1). */
  apply(lang: string, vector: TermVector, delta: 1 | -1): void {
    this.docs.set(lang, (this.docs.get(lang) ?? 0) + delta);
    const table = this.table(lang);
    let dirty = this.dirty.get(lang);
    if (!dirty) {
      dirty = new Set();
      this.dirty.set(lang, dirty);
    }
    for (const [term] of vector) {
      const held = table.get(term);
      const next = (held?.count ?? 0) + delta;
      if (next <= 0) table.delete(term);
      else if (held) held.count = next;
      else table.set(term, { term, count: next });
      dirty.add(term);
    }
  }

  /** Changed keys with their current counts (0 = gone), and forget them. */
  drain(): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    for (const [lang, terms] of this.dirty) {
      const table = this.df.get(lang);
      for (const term of terms) out.push([lang + '|' + term, table?.get(term)?.count ?? 0]);
    }
    out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
    this.dirty.clear();
    return out;
  }

  /** Forgets the changed keys without reading them (nobody persists). */
  clearDirty(): void {
    this.dirty.clear();
  }

  /** Articles per language, sorted by language. */
  docCounts(): Array<[string, number]> {
    return [...this.docs].filter(([, n]) => n > 0).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }

  /** Every key with its count, sorted. */
  entries(): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    for (const [lang, table] of this.df) for (const [term, { count }] of table) out.push([lang + '|' + term, count]);
    return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }
}
