import { contentPoint, splice } from './splice.js';
import type { Mutator } from './types.js';

/** Feed and HTML mixed: a feed wrapped in a page, a page's markup inside a feed, or the two glued. */
export const mixFeedHtml: Mutator = {
  name: 'mix-feed-html',
  weight: 6,
  apply(input, { rng, other }) {
    const foreign = Buffer.from(other());
    const variant = rng.int(4);
    if (variant === 0)
      return Buffer.concat([Buffer.from('<!DOCTYPE html><html><head><title>t</title></head><body>'), input, Buffer.from('</body></html>')]);
    if (variant === 1) return Buffer.concat(rng.chance(0.5) ? [input, foreign] : [foreign, input]);
    const from = rng.int(foreign.length + 1);
    const slice = foreign.subarray(from, from + rng.between(1, 64 * 1024));
    // Variant 2 drops the foreign slice into element content, variant 3 anywhere at all.
    return splice(input, variant === 2 ? contentPoint(input, rng) : rng.int(input.length + 1), slice);
  },
};
