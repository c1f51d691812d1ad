import { matchesItself, matchingBags, wordBags } from './same-fact-bag-search.js';

/**
 * Which sentences of a set say the same thing (sentenceMatch ≥ SAME_FACT_THRESHOLD), found
 * without comparing every pair. sentenceMatch depends only on the two bags of content words,
 * so sentences with the same bag (a wire story reprinted, a stock phrase) are matched once as
 * one bag; the bags are built once, and an index from word to bags leads each bag to the ones
 * it could match (see matchingBags), with exact scores for those.
 */
export interface SentenceMatcher {
  /** Indices of the other sentences that match sentence i, ascending. */
  near(i: number): readonly number[];
  /** True when `test` holds for one of the other sentences that match sentence i (visited in no particular order, stops at the first). */
  someNear(i: number, test: (j: number) => boolean): boolean;
  /** True when sentences i and j (i ≠ j) say the same thing; symmetric, as sentenceMatch is. */
  matches(i: number, j: number): boolean;
  /**
   * True when a sentence of another outlet than `outletId` matches sentence i: someNear(i, j is
   * of another outlet), answered from counts kept per sentence where the matcher has them
   * (a story's cache), without visiting the matches.
   */
  nearOtherOutlet?(i: number, outletId: string): boolean;
  /**
   * How many outlets say what sentence i says, its own included (its outlet and those of the
   * sentences matching it), from the same counts; where the matcher has them.
   */
  outletCount?(i: number): number;
  /**
   * Positions of the sentences of article `articleId` that no sentence of another outlet matches
   * (those for which nearOtherOutlet is false), in reading order; kept per article between
   * refreshes where the matcher has the counts.
   */
  unmatchedElsewhere?(articleId: string): readonly number[];
}

/** A matcher over sentences given by their stemmed content words (`stems`), indexed by position. */
export function sentenceMatcher(sentences: readonly { stems: readonly string[] }[]): SentenceMatcher {
  // Distinct bags: sentences with the same stems in the same order share one (stems hold no "\u0000").
  const bagOf = new Int32Array(sentences.length);
  const keys = new Map<string, number>();
  const lists: (readonly string[])[] = [];
  const members: number[][] = [];
  sentences.forEach((sentence, i) => {
    const key = sentence.stems.join('\u0000');
    let b = keys.get(key);
    if (b === undefined) {
      keys.set(key, (b = lists.length));
      lists.push(sentence.stems);
      members.push([]);
    }
    bagOf[i] = b;
    members[b]!.push(i);
  });
  const { bags, vocabulary } = wordBags(lists);
  const nearBags = matchingBags(bags, vocabulary);
  const selfMatch = bags.map(matchesItself);
  const nearBagSets = nearBags.map((list) => new Set(list));

  const nearCache = new Map<number, readonly number[]>();
  const near = (i: number): readonly number[] => {
    let list = nearCache.get(i);
    if (list) return list;
    const b = bagOf[i]!;
    const found = selfMatch[b] ? members[b]!.filter((j) => j !== i) : [];
    for (const other of nearBags[b]!) found.push(...members[other]!);
    list = found.sort((x, y) => x - y);
    nearCache.set(i, list);
    return list;
  };
  return {
    near,
    someNear(i, test) {
      const b = bagOf[i]!;
      if (selfMatch[b] && members[b]!.some((j) => j !== i && test(j))) return true;
      return nearBags[b]!.some((other) => members[other]!.some(test));
    },
    matches(i, j) {
      const bi = bagOf[i]!;
      const bj = bagOf[j]!;
      return bi === bj ? i !== j && selfMatch[bi]! : nearBagSets[bi]!.has(bj);
    },
  };
}
