import { matchFromCounts, SAME_FACT_THRESHOLD } from './same-fact-score.js';

/** One sentence's word bag: distinct word ids with their counts, and its squared norm. */
export interface WordBag {
  ids: Int32Array;
  counts: Int32Array;
  norm2: number;
}

// A word set left out of the index must stay below both ways of matching: fewer distinct words
// than the 4 that "inside" needs, and a share of the squared norm under 0.11 < 0.34², so that
// by Cauchy–Schwarz the cosine through those words alone is at most √0.11 ≈ 0.332 < 0.34.
const MAX_LEFT_OUT = 3;
const LEFT_OUT_NORM_SHARE_PERCENT = 11;

/** Word bags of word lists, word ids numbered in order of first use; `vocabulary` is the number of ids. */
export function wordBags(lists: readonly (readonly string[])[]): { bags: WordBag[]; vocabulary: number } {
  const wordIds = new Map<string, number>();
  const bags = lists.map((list): WordBag => {
    const local = new Map<number, number>();
    for (const word of list) {
      let id = wordIds.get(word);
      if (id === undefined) wordIds.set(word, (id = wordIds.size));
      local.set(id, (local.get(id) ?? 0) + 1);
    }
    const ids = new Int32Array(local.size);
    const counts = new Int32Array(local.size);
    let k = 0;
    let norm2 = 0;
    for (const [id, c] of local) {
      ids[k] = id;
      counts[k++] = c;
      norm2 += c * c;
    }
    return { ids, counts, norm2 };
  });
  return { bags, vocabulary: wordIds.size };
}

/**
 * Positions (in bag.ids) of the bag's most widespread words that together can never make a
 * match: another bag sharing only these with it has cosine < threshold and fewer than 4 shared
 * words. A pair that shares nothing else is safe to miss, so these words need no index entry.
 */
function leftOutWords(bag: WordBag, bagsWith: Int32Array): number[] {
  const order = Array.from(bag.ids.keys()).sort((a, b) => bagsWith[bag.ids[b]!]! - bagsWith[bag.ids[a]!]!);
  const out: number[] = [];
  let squares = 0;
  for (const k of order) {
    if (out.length === MAX_LEFT_OUT) break;
    const c = bag.counts[k]!;
    if (100 * (squares + c * c) > LEFT_OUT_NORM_SHARE_PERCENT * bag.norm2) continue;
    squares += c * c;
    out.push(k);
  }
  return out;
}

/**
 * For each bag, the other bags it matches (matchFromCounts ≥ SAME_FACT_THRESHOLD), ascending.
 * Every pair is scored at most once, and only if an index from word to bags leads one to the
 * other: a pair sharing no word (cosine 0, nothing inside) or only left-out words never matches.
 * The dot product and shared words of each pair found are counted in full, so scores are exact.
 */
export function matchingBags(bags: readonly WordBag[], vocabulary: number): number[][] {
  const n = bags.length;
  const bagsWith = new Int32Array(vocabulary);
  for (const bag of bags) for (const id of bag.ids) bagsWith[id]!++;

  // The index, word id → (bag, count), flat: entries of word w at [start[w], start[w + 1]).
  const leftOut = bags.map((bag) => leftOutWords(bag, bagsWith));
  const start = new Int32Array(vocabulary + 1);
  bags.forEach((bag, j) => bag.ids.forEach((id, k) => (leftOut[j]!.includes(k) ? undefined : start[id + 1]!++)));
  for (let w = 0; w < vocabulary; w++) start[w + 1]! += start[w]!;
  const fill = start.slice(0, vocabulary);
  const postingBag = new Int32Array(start[vocabulary]!);
  const postingCount = new Int32Array(start[vocabulary]!);
  bags.forEach((bag, j) =>
    bag.ids.forEach((id, k) => {
      if (leftOut[j]!.includes(k)) return;
      postingBag[fill[id]!] = j;
      postingCount[fill[id]!++] = bag.counts[k]!;
    }),
  );
  const leftOutIds = leftOut.map((ks, j) => Int32Array.from(ks, (k) => bags[j]!.ids[k]!));
  const leftOutCounts = leftOut.map((ks, j) => Int32Array.from(ks, (k) => bags[j]!.counts[k]!));

  // Each pair once (i < j): accumulate dot product and shared words of i with each later bag the
  // index leads to, add what j's left-out words contribute, then score.
  const near: number[][] = Array.from({ length: n }, () => []);
  const countInI = new Int32Array(vocabulary);
  const dot = new Float64Array(n);
  const shared = new Int32Array(n);
  const touched = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const { ids, counts, norm2 } = bags[i]!;
    for (let k = 0; k < ids.length; k++) countInI[ids[k]!] = counts[k]!;
    let touchedCount = 0;
    for (let k = 0; k < ids.length; k++) {
      const c = counts[k]!;
      const first = start[ids[k]!]!;
      // Entries ascend by bag: walk down from the end to the first bag not after i.
      for (let m = start[ids[k]! + 1]! - 1; m >= first; m--) {
        const j = postingBag[m]!;
        if (j <= i) break;
        if (shared[j] === 0) touched[touchedCount++] = j;
        shared[j]!++;
        dot[j]! += c * postingCount[m]!;
      }
    }
    const later: number[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const j = touched[t]!;
      const lo = leftOutIds[j]!;
      const lc = leftOutCounts[j]!;
      let d = dot[j]!;
      let s = shared[j]!;
      for (let k = 0; k < lo.length; k++) {
        const mine = countInI[lo[k]!]!;
        if (mine > 0) {
          d += mine * lc[k]!;
          s++;
        }
      }
      if (matchFromCounts(d, norm2, bags[j]!.norm2, s, ids.length, bags[j]!.ids.length) >= SAME_FACT_THRESHOLD) later.push(j);
      dot[j] = 0;
      shared[j] = 0;
    }
    for (let k = 0; k < ids.length; k++) countInI[ids[k]!] = 0;
    // near[i] already holds the earlier bags (pushed in ascending order); the later ones follow, sorted.
    later.sort((a, b) => a - b);
    for (const j of later) {
      near[i]!.push(j);
      near[j]!.push(i);
    }
  }
  return near;
}

/** True when a bag matches another bag equal to it (any bag with a word does). */
export function matchesItself(bag: WordBag): boolean {
  const d = bag.ids.length;
  return matchFromCounts(bag.norm2, bag.norm2, bag.norm2, d, d, d) >= SAME_FACT_THRESHOLD;
}
