import type { GroupSentence } from './article-group.js';

/**
 * Which outlets carry a fact in their own words, found through an index from word to the
 * sentences that use it (no sentence-by-sentence comparison). An article carries a fact when one
 * of its sentences restates it (at least MIN_SHARED of the fact's content words, and half of the
 * shorter sentence's) or two consecutive sentences hold most of its content words (one outlet
 * splits what another says in one sentence). A headline (paragraph < 0) carries a fact only when
 * it states that fact: most of the headline's own content words are in it (a headline that shares
 * a background sentence's names but reports another event does not), and never through a window.
 */
const MIN_SHARED = 3;
const RESTATED_SHARE = 0.5;
const WINDOW_SHARE = 0.6;
const HEADLINE_SHARE = 0.5;

/** Where an outlet says it: article id → index of the first sentence there. */
export type Carriers = Map<string, Map<string, number>>;

export interface CarrierIndex {
  /** Outlets other than `outletId` that carry a fact with these distinct content words. */
  carriersOf(words: ReadonlySet<string>, outletId: string): Carriers;
}

/** An index over the sentences of a group, in reading order (page furniture left out by the caller). */
export function carrierIndex(sentences: readonly GroupSentence[]): CarrierIndex {
  const n = sentences.length;
  const words = sentences.map((s) => [...new Set(s.stems)]);
  const sizes = Int32Array.from(words, (w) => w.length);
  // Sentence g and g + 1 stand next to each other in one article.
  const headline = Uint8Array.from(sentences, (s) => (s.paragraph < 0 ? 1 : 0));
  const nextInArticle = Uint8Array.from(sentences, (s, g) =>
    g + 1 < n && sentences[g + 1]!.articleId === s.articleId && !headline[g] && !headline[g + 1] ? 1 : 0,
  );
  const positions = new Map<string, number[]>();
  sentences.forEach((s, g) => {
    for (const w of words[g]!) {
      const list = positions.get(w);
      if (list) list.push(g);
      else positions.set(w, [g]);
    }
  });
  // Counts per sentence and per window (g, g + 1), reset lazily by stamp: no allocation per query.
  const inSentence = new Int32Array(n);
  const inWindow = new Int32Array(n);
  const stamp = new Int32Array(n);
  let query = 0;
  return {
    carriersOf(words, outletId) {
      query++;
      const touched: number[] = [];
      const touch = (g: number): void => {
        if (stamp[g] === query) return;
        stamp[g] = query;
        inSentence[g] = 0;
        inWindow[g] = 0;
        touched.push(g);
      };
      for (const w of words) {
        const list = positions.get(w);
        if (!list) continue;
        let lastWindow = -1;
        for (const g of list) {
          if (sentences[g]!.outletId === outletId) continue;
          touch(g);
          inSentence[g] = inSentence[g]! + 1;
          // The window starting one sentence earlier, unless this word already counted there.
          if (g > 0 && nextInArticle[g - 1] && g - 1 > lastWindow) {
            touch(g - 1);
            inWindow[g - 1] = inWindow[g - 1]! + 1;
          }
          if (g > lastWindow) inWindow[g] = inWindow[g]! + 1;
          lastWindow = g;
        }
      }
      const out: Carriers = new Map();
      const restated = (g: number): boolean => restates(inSentence[g]!, words.size, sizes[g]!, headline[g] === 1);
      const split = (g: number): boolean => nextInArticle[g] === 1 && splits(inWindow[g]!, words.size);
      touched.sort((a, b) => a - b);
      // A sentence that restates the fact names where an article says it better than a window does.
      for (const carries of [restated, split]) {
        for (const g of touched) {
          const s = sentences[g]!;
          if (out.get(s.outletId)?.has(s.articleId) || !carries(g)) continue;
          const seen = out.get(s.outletId) ?? new Map<string, number>();
          seen.set(s.articleId, s.index);
          out.set(s.outletId, seen);
        }
      }
      return out;
    },
  };
}

/** A sentence of `size` distinct content words sharing `shared` with a fact of `factSize` restates it. */
export function restates(shared: number, factSize: number, size: number, headline: boolean): boolean {
  return shared >= MIN_SHARED && shared >= RESTATED_SHARE * Math.min(factSize, size) && (!headline || shared >= HEADLINE_SHARE * size);
}

/** Two consecutive sentences (neither a headline) that hold `shared` of the fact's `factSize` words carry it. */
export function splits(shared: number, factSize: number): boolean {
  return shared >= MIN_SHARED && shared >= WINDOW_SHARE * factSize;
}
