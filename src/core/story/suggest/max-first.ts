/**
 * Positions 0…n−1 of `keys` from the highest key down, found one at a time (a binary max-heap):
 * a loop that stops after the first few pays O(n) to start and O(log n) per position, where a
 * full sort pays O(n log n) up front. Equal keys come in no particular order.
 */
export class MaxFirst {
  private readonly heap: Int32Array;
  private size: number;

  constructor(private readonly keys: Float64Array | readonly number[]) {
    this.size = keys.length;
    this.heap = Int32Array.from({ length: this.size }, (_, i) => i);
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /** The position with the highest key not yet given, or −1 when all were given. */
  next(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0]!;
    this.heap[0] = this.heap[--this.size]!;
    this.down(0);
    return top;
  }

  private down(i: number): void {
    const { heap, keys, size } = this;
    const item = heap[i]!;
    const key = keys[item]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[heap[child + 1]!]! > keys[heap[child]!]!) child++;
      if (keys[heap[child]!]! <= key) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = item;
  }
}
