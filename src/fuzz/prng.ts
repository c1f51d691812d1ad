// The fuzzer draws from the demo generator's PRNG: one implementation of mulberry32.
export { createRng, type Rng } from '../demo/prng.js';

/**
 * The seed of case `index` of a run seeded `seed`: a hash of both, so neighbouring cases are
 * unrelated and any single case can be regenerated without replaying the ones before it.
 */
export function caseSeed(seed: number, index: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index >>> 0, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}
