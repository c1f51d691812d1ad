import { describe, expect, it } from 'vitest';
import { MaxFirst } from '../../../../src/core/story/suggest/max-first.js';

describe('MaxFirst', () => {
  it('gives every position once, from the highest key down', () => {
    let state = 7;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const n of [0, 1, 2, 3, 10, 257]) {
      // Few distinct keys, so equal keys are common.
      const keys = Array.from({ length: n }, () => Math.floor(random() * 20) / 4);
      const order = new MaxFirst(keys);
      const given: number[] = [];
      for (let i = order.next(); i >= 0; i = order.next()) given.push(i);
      expect([...given].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(given.map((i) => keys[i]!)).toEqual([...keys].sort((a, b) => b - a));
      expect(order.next()).toBe(-1);
    }
  });
});
