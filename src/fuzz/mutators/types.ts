import type { Rng } from '../prng.js';

/** What a mutator may use besides the input: the case's PRNG and other corpus inputs. */
export interface MutationContext {
  rng: Rng;
  /** Another corpus input, of the other kind when there is one (feed for a page, page for a feed). */
  other(): Uint8Array;
  /** Multiplies the size of bombs: 1 in `npm run fuzz`, smaller in the unit tests to keep them quick. */
  scale: number;
}

/** One named way of making an input hostile. Pure: same input and RNG state, same output. */
export interface Mutator {
  name: string;
  /** Relative chance of being picked; bombs are rarer because each one is slow to run. */
  weight: number;
  apply(input: Buffer, context: MutationContext): Buffer;
}
