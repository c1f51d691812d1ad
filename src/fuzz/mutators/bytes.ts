import { insertAll, repeat, sized, splice } from './splice.js';
import type { Mutator } from './types.js';

/** Cut the input at a random point, as a dropped connection does. */
export const truncate: Mutator = {
  name: 'truncate',
  weight: 10,
  apply(input, { rng }) {
    // Half the cuts land early, where the prolog and first elements are.
    const limit = rng.chance(0.5) ? Math.min(input.length, 4096) : input.length;
    return Buffer.from(input.subarray(0, rng.int(limit + 1)));
  },
};

/** Flip bits or overwrite bytes at random offsets, as a corrupt transfer does. */
export const byteFlips: Mutator = {
  name: 'byte-flips',
  weight: 10,
  apply(input, { rng }) {
    const output = Buffer.from(input);
    if (output.length === 0) return output;
    const flips = rng.between(1, 64);
    for (let i = 0; i < flips; i++) {
      const at = rng.int(output.length);
      output[at] = rng.chance(0.5) ? output[at]! ^ (1 << rng.int(8)) : rng.int(256);
    }
    return output;
  },
};

/** Bytes XML forbids or UTF-8 cannot hold: NUL, C0/C1 controls, surrogates, overlong forms, > U+10FFFF. */
const CONTROL_SEQUENCES: readonly number[][] = [
  [0x00],
  [0x01],
  [0x08],
  [0x0b],
  [0x0c],
  [0x1b],
  [0x1f],
  [0x7f],
  [0x80],
  [0x85],
  [0x9f],
  [0xfe],
  [0xff],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xc0, 0x80],
  [0xe0, 0x80, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xef, 0xbf, 0xbe],
];

/** Sprinkle NUL and control bytes, or flood a region with NULs. */
export const controlBytes: Mutator = {
  name: 'control-bytes',
  weight: 8,
  apply(input, { rng, scale }) {
    if (rng.chance(0.15)) return splice(input, rng.int(input.length + 1), repeat('\u0000', sized(rng.between(1024, 1 << 20), scale)));
    const count = rng.between(1, 2000);
    const inserts = Array.from({ length: count }, () => ({
      at: rng.int(input.length + 1),
      bytes: Buffer.from(rng.pick(CONTROL_SEQUENCES)),
    }));
    return insertAll(input, inserts);
  },
};
