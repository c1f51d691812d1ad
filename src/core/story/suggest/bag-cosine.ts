/** Bag-of-words similarity between sentences. */

/** Counts of each item. */
export function bag(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** Cosine of two bags (0 when either is empty). */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Share of the smaller set's distinct items found in the other: catches a short sentence inside a long one. */
export function overlap(a: Iterable<string>, b: Iterable<string>): number {
  const sa = new Set(a);
  const sb = new Set(b);
  const small = sa.size <= sb.size ? sa : sb;
  const large = small === sa ? sb : sa;
  if (small.size === 0) return 0;
  let hit = 0;
  for (const x of small) if (large.has(x)) hit++;
  return hit / small.size;
}
