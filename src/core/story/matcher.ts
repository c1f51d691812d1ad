import { matchFromCounts, SAME_FACT_THRESHOLD } from './matching.js';

/**
 * Which sentences of a set say the same thing (sentenceMatch ≥ SAME_FACT_THRESHOLD), found
 * without comparing every pair: each sentence's word bag is built once, and an index from word
 * to the sentences using it leads each sentence to the ones it shares a word with. A pair that
 * shares no word has cosine 0 and no shared words, so it can never match and is never looked at.
 */
export interface SentenceMatcher {
  /** Indices of the other sentences that match sentence i, ascending (computed once, then kept). */
  near(i: number): readonly number[];
  /** True when sentences i and j (i ≠ j) say the same thing; symmetric, as sentenceMatch is. */
  matches(i: number, j: number): boolean;
}

/** A matcher over sentences given by their stemmed content words (`stems`), indexed by position. */
export function sentenceMatcher(sentences: readonly { stems: readonly string[] }[]): SentenceMatcher {
  const n = sentences.length;
  const wordIds = new Map<string, number>();
  // Per sentence: its distinct word ids and their counts, in order of first use.
  const words: Int32Array[] = [];
  const counts: Int32Array[] = [];
  const norm2 = new Float64Array(n);
  // Per word id: the sentences using it (ascending) and how often each does.
  const postingSentences: number[][] = [];
  const postingCounts: number[][] = [];

  sentences.forEach((sentence, i) => {
    const local = new Map<number, number>();
    for (const stem of sentence.stems) {
      let id = wordIds.get(stem);
      if (id === undefined) {
        id = wordIds.size;
        wordIds.set(stem, id);
        postingSentences.push([]);
        postingCounts.push([]);
      }
      local.set(id, (local.get(id) ?? 0) + 1);
    }
    const ids = new Int32Array(local.size);
    const cs = new Int32Array(local.size);
    let k = 0;
    let squares = 0;
    for (const [id, c] of local) {
      ids[k] = id;
      cs[k++] = c;
      squares += c * c;
      postingSentences[id]!.push(i);
      postingCounts[id]!.push(c);
    }
    words.push(ids);
    counts.push(cs);
    norm2[i] = squares;
  });

  // Scratch accumulators, reset after each use: dot product and shared distinct words with sentence i.
  const dot = new Float64Array(n);
  const shared = new Int32Array(n);
  const touched = new Int32Array(n);
  const nearCache = new Map<number, readonly number[]>();
  const nearSets = new Map<number, ReadonlySet<number>>();

  const computeNear = (i: number): number[] => {
    const ids = words[i]!;
    const cs = counts[i]!;
    let touchedCount = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      const c = cs[k]!;
      const ps = postingSentences[id]!;
      const pc = postingCounts[id]!;
      for (let m = 0; m < ps.length; m++) {
        const j = ps[m]!;
        if (shared[j] === 0) touched[touchedCount++] = j;
        shared[j]!++;
        dot[j]! += c * pc[m]!;
      }
    }
    const found: number[] = [];
    for (let t = 0; t < touchedCount; t++) {
      const j = touched[t]!;
      if (j !== i && matchFromCounts(dot[j]!, norm2[i]!, norm2[j]!, shared[j]!, ids.length, words[j]!.length) >= SAME_FACT_THRESHOLD) found.push(j);
      dot[j] = 0;
      shared[j] = 0;
    }
    return found.sort((a, b) => a - b);
  };

  const near = (i: number): readonly number[] => {
    let list = nearCache.get(i);
    if (!list) nearCache.set(i, (list = computeNear(i)));
    return list;
  };
  return {
    near,
    matches(i, j) {
      let set = nearSets.get(i);
      if (!set) nearSets.set(i, (set = new Set(near(i))));
      return set.has(j);
    },
  };
}
