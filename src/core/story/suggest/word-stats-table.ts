/**
 * The word statistics of a story's suggestion window (stem-salience.ts), kept between refreshes
 * and updated per article: an article that joins the window adds its words, one that leaves
 * takes them away, so a refresh costs the articles that changed, not the whole window. The
 * numbers are the ones wordStats sums over the window in order (counts and outlets are sums;
 * a word's earliest position is a minimum, recomputed over the word's articles only when the
 * article holding it leaves; headlines depend on the window's order and are counted when asked).
 */

/**
 * What one article adds to the word statistics, from its text alone (so a story's cache keeps it
 * between refreshes): its distinct content words in order of first use, with their count, the
 * position of the first use (as a share of the article's words) and whether one use is a name;
 * and the distinct content words of its headline.
 */
export interface ArticleWordData {
  words: readonly string[];
  counts: Int32Array;
  first: Float64Array;
  named: Uint8Array;
  titleWords: readonly string[];
}

/** One word's statistics over the window, as wordStats computes them. */
export interface WordStatsView {
  /** Distinct outlets whose texts use it. */
  outlets: number;
  headlines: number;
  name: boolean;
  count: number;
  first: number;
}

interface WordEntry {
  /** Article id → the word's index in that article's words (texts using it). */
  articles: Map<string, number>;
  /** Outlet id → articles of it in `articles`. */
  outlets: Map<string, number>;
  count: number;
  named: number;
  /** Minimum of `first` over `articles` (1 when none), unless `stale`. */
  first: number;
  stale: boolean;
  /** Article ids whose headline has the word. */
  titles: Set<string>;
  /** The article of `articles` first in the window, as of order `epoch` (null: not known). */
  earliest: string | null;
  epoch: number;
}

interface Held {
  data: ArticleWordData;
  outletId: string;
}

/** The window's word statistics, one article at a time. */
export class WordStatsTable {
  private readonly entries = new Map<string, WordEntry>();
  private readonly held = new Map<string, Held>();
  /** Article id → position in the window (reading order), set by `sync`. */
  private position = new Map<string, number>();
  /** Changes when the articles held across a sync are no longer in the same order (each word's earliest is then found again). */
  private epoch = 0;

  /**
   * Make the table hold exactly these articles, in this order (the group's): articles that left
   * or whose data changed are taken out, new ones put in. False when an article id repeats (the
   * caller sums the window itself then).
   */
  sync(window: readonly { id: string; outletId: string; data: ArticleWordData }[]): boolean {
    const position = new Map<string, number>();
    window.forEach((a, i) => position.set(a.id, i));
    if (position.size !== window.length) return false;
    for (const [id, held] of this.held) {
      const now = position.has(id) ? window[position.get(id)!]! : undefined;
      if (!now || now.data !== held.data || now.outletId !== held.outletId) this.remove(id, held);
    }
    // The articles that stay keep their order (the usual case: the oldest leave, new ones join), or every word's earliest is found again.
    let before = -1;
    for (const a of window) {
      if (!this.held.has(a.id)) continue;
      const was = this.position.get(a.id)!;
      if (was < before) {
        this.epoch++;
        break;
      }
      before = was;
    }
    this.position = position;
    for (const a of window) if (!this.held.has(a.id)) this.add(a.id, { data: a.data, outletId: a.outletId });
    return true;
  }

  /** One word's statistics over the window held (undefined when no text of it uses the word). */
  stats(word: string): WordStatsView | undefined {
    const e = this.entries.get(word);
    if (!e || e.articles.size === 0) return undefined;
    if (e.stale) {
      let first = 1;
      for (const [id, k] of e.articles) first = Math.min(first, this.held.get(id)!.data.first[k]!);
      e.first = first;
      e.stale = false;
    }
    // A headline counts the word once a text at or before it (its own included) has used it.
    let headlines = 0;
    if (e.titles.size > 0) {
      if (e.earliest === null || e.epoch !== this.epoch) {
        let at = Infinity;
        for (const id of e.articles.keys()) {
          const p = this.position.get(id)!;
          if (p < at) {
            at = p;
            e.earliest = id;
          }
        }
        e.epoch = this.epoch;
      }
      const earliest = this.position.get(e.earliest!)!;
      for (const id of e.titles) if (this.position.get(id)! >= earliest) headlines++;
    }
    return { outlets: e.outlets.size, headlines, name: e.named > 0, count: e.count, first: e.first };
  }

  private entry(word: string): WordEntry {
    let e = this.entries.get(word);
    if (!e) {
      e = {
        articles: new Map(),
        outlets: new Map(),
        count: 0,
        named: 0,
        first: 1,
        stale: false,
        titles: new Set(),
        earliest: null,
        epoch: 0,
      };
      this.entries.set(word, e);
    }
    return e;
  }

  private add(id: string, held: Held): void {
    const { data, outletId } = held;
    for (let k = 0; k < data.words.length; k++) {
      const e = this.entry(data.words[k]!);
      e.articles.set(id, k);
      // Positions are the new window's here (sync sets them first): a known earliest stays so unless this one comes before it.
      if (e.earliest !== null && e.epoch === this.epoch && this.position.get(id)! < this.position.get(e.earliest)!) e.earliest = id;
      e.outlets.set(outletId, (e.outlets.get(outletId) ?? 0) + 1);
      e.count += data.counts[k]!;
      e.named += data.named[k]!;
      if (!e.stale) e.first = Math.min(e.first, data.first[k]!);
    }
    for (const w of data.titleWords) this.entry(w).titles.add(id);
    this.held.set(id, held);
  }

  private remove(id: string, held: Held): void {
    const { data, outletId } = held;
    for (let k = 0; k < data.words.length; k++) {
      const w = data.words[k]!;
      const e = this.entries.get(w)!;
      e.articles.delete(id);
      if (e.earliest === id) e.earliest = null;
      const n = e.outlets.get(outletId)! - 1;
      if (n === 0) e.outlets.delete(outletId);
      else e.outlets.set(outletId, n);
      e.count -= data.counts[k]!;
      e.named -= data.named[k]!;
      if (data.first[k]! <= e.first) e.stale = true;
      this.dropIfEmpty(w, e);
    }
    for (const w of data.titleWords) {
      const e = this.entries.get(w)!;
      e.titles.delete(id);
      this.dropIfEmpty(w, e);
    }
    this.held.delete(id);
  }

  private dropIfEmpty(word: string, e: WordEntry): void {
    if (e.articles.size === 0 && e.titles.size === 0) this.entries.delete(word);
  }
}
