/** One heap entry: a story and the last-activity stamp it had when pushed. */
export interface IdleEntry {
  storyId: string;
  lastT: number;
  lastSeq: number;
}

/**
 * Min-heap of story activity stamps, for evicting idle stories without scanning them all.
 * Entries go stale when a story is active again; the caller checks and skips them.
 */
export class IdleHeap {
  private readonly items: IdleEntry[] = [];

  /** `key` picks the stamp the heap orders by: article time or arrival number. */
  constructor(private readonly key: 'lastT' | 'lastSeq') {}

  /** Least recent activity first; ids break ties so the order is total. */
  private before(a: IdleEntry, b: IdleEntry): boolean {
    if (a[this.key] !== b[this.key]) return a[this.key] < b[this.key];
    return a.storyId < b.storyId;
  }

  get size(): number {
    return this.items.length;
  }

  push(entry: IdleEntry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  peek(): IdleEntry | undefined {
    return this.items[0];
  }

  pop(): IdleEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.before(items[l]!, items[m]!)) m = l;
        if (r < items.length && this.before(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}
