import type { GroupSentence } from './article-group.js';
import { type CarrierIndex, type Carriers, restates, splits } from './outlet-carriers.js';

/**
 * The carrier index (outlet-carriers.ts) of a story's suggestion window, kept between refreshes.
 * Whether an article carries a fact, and where, depends on that article's sentences and the
 * fact's words alone; the answers are kept per fact and article, so asking again after a join
 * reads the new article's sentences only, not every window sentence. A query gives what
 * carrierIndex over the window's sentences in reading order gives.
 */

/** What one article gives the index: its headline and kept sentences in reading order, and each one's distinct words. */
export interface ArticleCarrierData {
  sentences: readonly GroupSentence[];
  words: readonly (readonly string[])[];
}

interface Held {
  data: ArticleCarrierData;
  outletId: string;
}

// Where an article carries a fact: 2k for sentence k restating it, 2k + 1 for sentences k and k + 1 holding it; NONE if nowhere.
const NONE = -1;
// A fact not asked about in this many refreshes is forgotten. Which candidates a refresh asks about
// changes with the window; one asked again after a few refreshes reads only the articles new since.
const FORGET_AFTER = 60;

export class CarrierTable implements CarrierIndex {
  private readonly held = new Map<string, Held>();
  /** The window's articles in reading order. */
  private order: Held[] = [];
  /**
   * A fact (its distinct words, joined) → article → where the article carries it. A fact not
   * asked about in FORGET_AFTER refreshes is forgotten (`asked`: the refresh it was last asked in).
   */
  private readonly found = new Map<string, { asked: number; at: WeakMap<Held, number> }>();
  private refresh = 0;

  /**
   * Make the table hold exactly these articles, in this order (reading order); an article whose
   * data changed is new to it. False when an article id repeats (the caller builds the index
   * over the window then).
   */
  sync(window: readonly { id: string; outletId: string; data: ArticleCarrierData }[]): boolean {
    if (new Set(window.map((a) => a.id)).size !== window.length) return false;
    const wanted = new Set<string>();
    this.order = window.map((a) => {
      wanted.add(a.id);
      let held = this.held.get(a.id);
      if (!held || held.data !== a.data || held.outletId !== a.outletId)
        this.held.set(a.id, (held = { data: a.data, outletId: a.outletId }));
      return held;
    });
    for (const id of this.held.keys()) if (!wanted.has(id)) this.held.delete(id);
    this.refresh++;
    for (const [fact, { asked }] of this.found) if (asked < this.refresh - FORGET_AFTER) this.found.delete(fact);
    return true;
  }

  carriersOf(words: ReadonlySet<string>, outletId: string): Carriers {
    const fact = [...words].join('\u0000');
    let kept = this.found.get(fact);
    if (!kept) this.found.set(fact, (kept = { asked: 0, at: new WeakMap() }));
    kept.asked = this.refresh;
    const known = kept.at;
    // Articles with a sentence that restates the fact are listed before those that split it over two (as carrierIndex does).
    const restated: [Held, number][] = [];
    const split: [Held, number][] = [];
    for (const held of this.order) {
      if (held.outletId === outletId) continue;
      let at = known.get(held);
      if (at === undefined) known.set(held, (at = carriedAt(words, held.data)));
      if (at !== NONE) (at % 2 === 0 ? restated : split).push([held, at >> 1]);
    }
    const out: Carriers = new Map();
    for (const [held, k] of [...restated, ...split]) {
      const s = held.data.sentences[k]!;
      const seen = out.get(s.outletId) ?? new Map<string, number>();
      seen.set(s.articleId, s.index);
      out.set(s.outletId, seen);
    }
    return out;
  }
}

/** Where one article carries a fact of these words: its first sentence that restates it, else its first two consecutive sentences (no headline) that hold it. */
function carriedAt(words: ReadonlySet<string>, data: ArticleCarrierData): number {
  const n = data.sentences.length;
  const shared = data.words.map((w) => {
    let count = 0;
    for (const x of w) if (words.has(x)) count++;
    return count;
  });
  const headline = (k: number) => data.sentences[k]!.paragraph < 0;
  for (let k = 0; k < n; k++) if (restates(shared[k]!, words.size, data.words[k]!.length, headline(k))) return 2 * k;
  for (let k = 0; k + 1 < n; k++) {
    if (headline(k) || headline(k + 1)) continue;
    // The fact's words in either sentence: those of k, and those of k + 1 that k lacks.
    const mine = data.words[k]!;
    const added = data.words[k + 1]!.filter((x) => words.has(x) && !mine.includes(x)).length;
    if (splits(shared[k]! + added, words.size)) return 2 * k + 1;
  }
  return NONE;
}
