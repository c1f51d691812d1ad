import type { Article } from '../../model/index.js';
import type { GroupSentence } from './article-group.js';
import { matchFromCounts, SAME_FACT_THRESHOLD } from './same-fact-score.js';
import type { SentenceMatcher } from './same-fact-index.js';

/**
 * One distinct bag of words in the index: the sentences with these stems (in this order), and the
 * other bags that match it. Sentences with the same stems match the same sentences, so a sentence
 * whose bag is indexed already joins it without being scored (a wire copy, a stock sentence).
 */
interface Bag {
  slot: number;
  key: string;
  ids: Int32Array;
  counts: Int32Array;
  norm2: number;
  /** Its sentences match each other (any bag with a word). */
  selfMatch: boolean;
  /** Slots of its sentences. */
  members: Set<number>;
  /** The other bags it matches, by bag slot. */
  matches: Set<number>;
  /** Outlet id → how many of its sentences are that outlet's. */
  memberOutlets: Map<string, number>;
  /**
   * Outlet id → how many sentences of that outlet match one of its sentences: the members of
   * the bags it matches, and its own members when it matches itself (a sentence counts itself,
   * under its own outlet only). Kept as sentences come and go.
   */
  nearOutlets: Map<string, number>;
}

/** One indexed sentence and its bag. */
interface IndexEntry {
  sentence: GroupSentence;
  bag: Bag;
  /** A sentence of another outlet matches it (brought up to date when its bag's outlets change, see SameFactIndex.changed). */
  elsewhere: boolean;
}

/** Word id → the bag slots holding it and its count there (slots of dropped bags are skipped, then compacted away). */
interface Posting {
  slots: number[];
  counts: number[];
  dead: number;
}

/**
 * Bags by word, with the pairs of bags that match kept as sentences arrive and leave. Each
 * sentence and each bag has a slot number for good (slots are not reused), so postings and
 * matches are plain numbers.
 */
interface SameFactIndex {
  slots: (IndexEntry | null)[];
  slotOf: Map<object, number>;
  bags: (Bag | null)[];
  bagByKey: Map<string, Bag>;
  postings: Map<number, Posting>;
  /** Article id → the slots of its sentences. */
  byArticle: Map<string, number[]>;
  /**
   * Bags whose set of matching outlets (nearOutlets' keys) changed, or that gained a sentence,
   * since their sentences' `elsewhere` was last brought up to date.
   */
  changed: Set<Bag>;
  /** Article id → the slots of its sentences that no sentence of another outlet matches, in reading order (absent: to be listed again). */
  unmatchedByArticle: Map<string, number[]>;
  /** Sentences held (slots not forgotten). */
  live: number;
  /** Scratch: dot product and shared words per bag slot while one bag is scored. */
  dot: Float64Array;
  shared: Int32Array;
}

// Words a new sentence need not look up (see same-fact-bag-search.ts, leftOutWords): at most 3,
// under 11% of its squared norm, so that a sentence sharing only those words with it has fewer
// than 4 shared words and, by Cauchy–Schwarz, cosine under √0.11 < 0.34: never a match.
const MAX_LEFT_OUT = 3;
const LEFT_OUT_NORM_SHARE_PERCENT = 11;

/**
 * What a story's suggestions need of each of its articles, computed once per article and kept
 * between refreshes: the sentences split and stemmed, what the suggesters derive from one
 * sentence (its fact form, the names in it, whether it looks ahead), the actors an article names,
 * and which sentences of the story say the same thing. The story queue refreshes a story each
 * time an article joins it; with the story's cache a refresh works on the new article's
 * sentences, and reads the others' from here. The suggestion functions give the same results with
 * or without it (they call the same code; the cache only remembers what it returned).
 *
 * A cache belongs to one story. `retain` drops the articles that left the suggestion window,
 * with their sentences and matches, so it stays as small as the window.
 */
export class SentenceCache {
  private readonly articles = new Map<string, { text: string; sentences: GroupSentence[] }>();
  private readonly perArticle = new Map<string, Map<string, unknown>>();
  private readonly perSentence = new Map<string, WeakMap<object, unknown>>();
  private readonly indexes = new Map<string, SameFactIndex>();
  private readonly wordIds = new Map<string, number>();
  private readonly perStory = new Map<string, unknown>();

  /** The article's sentences (split and stemmed by `compute` the first time, or when its text changed). */
  sentencesOf(article: Article, compute: () => GroupSentence[]): GroupSentence[] {
    const known = this.articles.get(article.id);
    if (known && known.text === article.text) return known.sentences;
    if (known) this.forget(article.id);
    const sentences = compute();
    this.articles.set(article.id, { text: article.text, sentences });
    return sentences;
  }

  /** A value derived from one article (e.g. the actors it names), computed once. */
  ofArticle<T>(kind: string, article: Article, compute: () => T): T {
    let values = this.perArticle.get(kind);
    if (!values) this.perArticle.set(kind, (values = new Map()));
    if (!values.has(article.id)) values.set(article.id, compute());
    return values.get(article.id) as T;
  }

  /**
   * State kept for the story's whole window between refreshes (e.g. its word statistics), made
   * by `create` the first time; the state brings itself up to date with each window it is given.
   */
  ofStory<T>(kind: string, create: () => T): T {
    if (!this.perStory.has(kind)) this.perStory.set(kind, create());
    return this.perStory.get(kind) as T;
  }

  /** A value derived from one sentence object (its fact form, its names), computed once. */
  ofSentence<T>(kind: string, sentence: object, compute: () => T): T {
    let values = this.perSentence.get(kind);
    if (!values) this.perSentence.set(kind, (values = new WeakMap()));
    if (!values.has(sentence)) values.set(sentence, compute());
    return values.get(sentence) as T;
  }

  /**
   * A matcher over `sentences` (by position, as sentenceMatcher builds it, with the same
   * matches): each sentence not yet in the named index is scored once against the sentences
   * there that share a word with it, and added; the pairs found stay for later refreshes.
   */
  matcher(name: string, sentences: readonly GroupSentence[]): SentenceMatcher {
    let index = this.indexes.get(name);
    if (!index) {
      index = {
        slots: [],
        slotOf: new Map(),
        bags: [],
        bagByKey: new Map(),
        postings: new Map(),
        byArticle: new Map(),
        changed: new Set(),
        unmatchedByArticle: new Map(),
        live: 0,
        dot: new Float64Array(64),
        shared: new Int32Array(64),
      };
      this.indexes.set(name, index);
    }
    for (const sentence of sentences) if (!index.slotOf.has(sentence)) this.add(index, sentence);
    updateElsewhere(index);
    const slots = new Int32Array(sentences.length);
    // Slot → position in `sentences` + 1 (0: not among them); slots only grow, so an array.
    const position = new Int32Array(index.slots.length);
    const entries: IndexEntry[] = [];
    sentences.forEach((sentence, i) => {
      const slot = index.slotOf.get(sentence)!;
      slots[i] = slot;
      position[slot] = i + 1;
      entries.push(index.slots[slot]!);
    });
    const bags = index.bags;
    // Positions of the sentences that match sentence i, in no particular order, until `visit` says stop.
    const eachNear = (i: number, visit: (j: number) => boolean): boolean => {
      const bag = entries[i]!.bag;
      if (bag.selfMatch) {
        for (const member of bag.members) {
          const j = position[member]! - 1;
          if (j >= 0 && j !== i && visit(j)) return true;
        }
      }
      for (const other of bag.matches) {
        for (const member of bags[other]!.members) {
          const j = position[member]! - 1;
          if (j >= 0 && visit(j)) return true;
        }
      }
      return false;
    };
    const nearCache = new Map<number, readonly number[]>();
    // The index holds these sentences and no others: each bag's outlet counts are over sentences among them.
    const exact = index.live === sentences.length;
    return {
      near(i) {
        let list = nearCache.get(i);
        if (!list) {
          const found: number[] = [];
          eachNear(i, (j) => {
            found.push(j);
            return false;
          });
          nearCache.set(i, (list = found.sort((x, y) => x - y)));
        }
        return list;
      },
      someNear(i, test) {
        return eachNear(i, test);
      },
      matches(i, j) {
        if (i === j) return false;
        const a = entries[i]!.bag;
        const b = entries[j]!.bag;
        return a === b ? a.selfMatch : a.matches.has(b.slot);
      },
      ...(exact
        ? {
            // A sentence counts itself in its bag's nearOutlets, under its own outlet only: these read the other outlets.
            nearOtherOutlet(i: number, outletId: string): boolean {
              const outlets = entries[i]!.bag.nearOutlets;
              return outlets.size > (outlets.has(outletId) ? 1 : 0);
            },
            outletCount(i: number): number {
              const { bag, sentence } = entries[i]!;
              return bag.nearOutlets.size + (bag.nearOutlets.has(sentence.outletId) ? 0 : 1);
            },
            unmatchedElsewhere(articleId: string): readonly number[] {
              let unmatched = index.unmatchedByArticle.get(articleId);
              if (!unmatched) {
                unmatched = (index.byArticle.get(articleId) ?? []).filter((slot) => !index.slots[slot]!.elsewhere);
                index.unmatchedByArticle.set(articleId, unmatched);
              }
              return unmatched.map((slot) => position[slot]! - 1);
            },
          }
        : {}),
    };
  }

  /** A number for a word, the same for the story's lifetime (word ids for arrays indexed by word). */
  wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) this.wordIds.set(word, (id = this.wordIds.size));
    return id;
  }

  /** Words numbered so far: every wordId is below this. */
  get wordCount(): number {
    return this.wordIds.size;
  }

  /** Keep only these articles (the suggestion window); forget the rest, their sentences and matches. */
  retain(articleIds: Iterable<string>): void {
    const keep = new Set(articleIds);
    const known = new Set([
      ...this.articles.keys(),
      ...[...this.perArticle.values()].flatMap((values) => [...values.keys()]),
      ...[...this.indexes.values()].flatMap((index) => [...index.byArticle.keys()]),
    ]);
    for (const id of known) if (!keep.has(id)) this.forget(id);
  }

  /** Articles held (for tests and sizing). */
  get size(): number {
    return this.articles.size;
  }

  private forget(articleId: string): void {
    this.articles.delete(articleId);
    for (const values of this.perArticle.values()) values.delete(articleId);
    for (const index of this.indexes.values()) {
      for (const slot of index.byArticle.get(articleId) ?? []) {
        const { sentence, bag } = index.slots[slot]!;
        bag.members.delete(slot);
        uncount(bag.memberOutlets, sentence.outletId);
        for (const other of bag.matches) uncountNear(index, index.bags[other]!, sentence.outletId);
        if (bag.selfMatch) uncountNear(index, bag, sentence.outletId);
        if (bag.members.size === 0) {
          // No sentence has these stems any more: the bag leaves the index.
          for (const other of bag.matches) index.bags[other]!.matches.delete(bag.slot);
          for (const id of bag.ids) index.postings.get(id)!.dead++;
          index.bags[bag.slot] = null;
          index.bagByKey.delete(bag.key);
        }
        index.live--;
        index.slots[slot] = null;
        index.slotOf.delete(sentence);
      }
      index.byArticle.delete(articleId);
      index.unmatchedByArticle.delete(articleId);
    }
  }

  /** Index a sentence: in the bag of its stems, scored (once per bag) against the bags that could match it. */
  private add(index: SameFactIndex, sentence: GroupSentence): void {
    const key = sentence.stems.join('\u0000');
    const bag = index.bagByKey.get(key) ?? this.addBag(index, key, sentence.stems);
    const slot = index.slots.length;
    index.slots.push({ sentence, bag, elsewhere: false });
    index.slotOf.set(sentence, slot);
    index.live++;
    const mine = index.byArticle.get(sentence.articleId);
    if (mine) mine.push(slot);
    else index.byArticle.set(sentence.articleId, [slot]);
    bag.members.add(slot);
    count(bag.memberOutlets, sentence.outletId);
    for (const other of bag.matches) countNear(index, index.bags[other]!, sentence.outletId);
    if (bag.selfMatch) countNear(index, bag, sentence.outletId);
    // The new sentence's `elsewhere` is worked out with its bag's.
    index.changed.add(bag);
  }

  /** Score a new bag against every indexed bag that could match it (exactly, as matchFromCounts), then index it. */
  private addBag(index: SameFactIndex, key: string, stems: readonly string[]): Bag {
    const local = new Map<number, number>();
    for (const word of stems) {
      const id = this.wordId(word);
      local.set(id, (local.get(id) ?? 0) + 1);
    }
    const ids = Int32Array.from(local.keys());
    const counts = Int32Array.from(local.values());
    let norm2 = 0;
    for (const c of counts) norm2 += c * c;
    const d = ids.length;
    const slot = index.bags.length;
    if (slot >= index.dot.length) {
      index.dot = new Float64Array(2 * index.dot.length);
      index.shared = new Int32Array(2 * index.shared.length);
    }
    const { dot, shared } = index;

    // Leave out the words held by the most bags, within the bound above; look up the rest.
    const order = Array.from(ids.keys()).sort((x, y) => live(index.postings.get(ids[y]!)) - live(index.postings.get(ids[x]!)));
    const leftOut: number[] = [];
    let squares = 0;
    for (const k of order) {
      if (leftOut.length === MAX_LEFT_OUT) break;
      const c = counts[k]!;
      if (100 * (squares + c * c) > LEFT_OUT_NORM_SHARE_PERCENT * norm2) continue;
      squares += c * c;
      leftOut.push(k);
    }
    const touched: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      if (leftOut.includes(k)) continue;
      const posting = index.postings.get(ids[k]!);
      if (!posting) continue;
      if (posting.dead > posting.slots.length / 2) compact(posting, index.bags);
      for (let m = 0; m < posting.slots.length; m++) {
        const other = posting.slots[m]!;
        if (index.bags[other] === null) continue;
        if (shared[other] === 0) touched.push(other);
        shared[other]!++;
        dot[other]! += counts[k]! * posting.counts[m]!;
      }
    }
    const bag: Bag = {
      slot,
      key,
      ids,
      counts,
      norm2,
      selfMatch: matchFromCounts(norm2, norm2, norm2, d, d, d) >= SAME_FACT_THRESHOLD,
      members: new Set(),
      matches: new Set(),
      memberOutlets: new Map(),
      nearOutlets: new Map(),
    };
    for (const other of touched) {
      const o = index.bags[other]!;
      let dt = dot[other]!;
      let s = shared[other]!;
      for (const k of leftOut) {
        const theirs = countOf(o, ids[k]!);
        if (theirs > 0) {
          dt += counts[k]! * theirs;
          s++;
        }
      }
      if (matchFromCounts(dt, norm2, o.norm2, s, d, o.ids.length) >= SAME_FACT_THRESHOLD) {
        bag.matches.add(other);
        o.matches.add(slot);
        // The sentences of a matching bag match each sentence that will join this one.
        for (const [outletId, n] of o.memberOutlets) count(bag.nearOutlets, outletId, n);
      }
      dot[other] = 0;
      shared[other] = 0;
    }
    index.bags.push(bag);
    index.bagByKey.set(key, bag);
    for (let k = 0; k < ids.length; k++) {
      let posting = index.postings.get(ids[k]!);
      if (!posting) index.postings.set(ids[k]!, (posting = { slots: [], counts: [], dead: 0 }));
      posting.slots.push(slot);
      posting.counts.push(counts[k]!);
    }
    return bag;
  }
}

/** One more sentence of this outlet matching the bag's sentences; a new outlet changes whether they are matched elsewhere. */
function countNear(index: SameFactIndex, bag: Bag, outletId: string): void {
  if (!bag.nearOutlets.has(outletId)) index.changed.add(bag);
  count(bag.nearOutlets, outletId);
}

/** One fewer; an outlet gone changes whether the bag's sentences are matched elsewhere. */
function uncountNear(index: SameFactIndex, bag: Bag, outletId: string): void {
  uncount(bag.nearOutlets, outletId);
  if (!bag.nearOutlets.has(outletId)) index.changed.add(bag);
}

/**
 * Bring `elsewhere` of the sentences of every changed bag up to date (a sentence counts itself in
 * its bag's nearOutlets, under its own outlet only: it is matched elsewhere when another outlet is
 * there), and forget the unmatched list of each article one of whose sentences changed.
 */
function updateElsewhere(index: SameFactIndex): void {
  for (const bag of index.changed) {
    // A bag that left the index has no sentences left.
    if (index.bags[bag.slot] !== bag) continue;
    const outlets = bag.nearOutlets;
    for (const member of bag.members) {
      const entry = index.slots[member]!;
      const elsewhere = outlets.size > (outlets.has(entry.sentence.outletId) ? 1 : 0);
      if (elsewhere !== entry.elsewhere) {
        entry.elsewhere = elsewhere;
        index.unmatchedByArticle.delete(entry.sentence.articleId);
      }
    }
  }
  index.changed.clear();
}

/** n more of this outlet. */
function count(outlets: Map<string, number>, outletId: string, n = 1): void {
  outlets.set(outletId, (outlets.get(outletId) ?? 0) + n);
}

/** One match of this outlet fewer; an outlet with none left is dropped. */
function uncount(outlets: Map<string, number>, outletId: string): void {
  const n = (outlets.get(outletId) ?? 0) - 1;
  if (n > 0) outlets.set(outletId, n);
  else outlets.delete(outletId);
}

/** Live bags in a posting (0 for a word never seen). */
function live(posting: Posting | undefined): number {
  return posting ? posting.slots.length - posting.dead : 0;
}

/** Drop the slots of dropped bags from a posting. */
function compact(posting: Posting, slots: readonly (Bag | null)[]): void {
  const keep = posting.slots.map((slot, m) => (slots[slot] === null ? -1 : m)).filter((m) => m >= 0);
  posting.slots = keep.map((m) => posting.slots[m]!);
  posting.counts = keep.map((m) => posting.counts[m]!);
  posting.dead = 0;
}

/** The count of word `id` in a bag. */
function countOf(entry: Bag, id: number): number {
  const k = entry.ids.indexOf(id);
  return k < 0 ? 0 : entry.counts[k]!;
}
