import type { Rng } from '../prng.js';
import { byteFlips, controlBytes, truncate } from './bytes.js';
import { wrongCharset } from './charset.js';
import { entityBomb, referenceFlood } from './entities.js';
import { deepNesting, hugeAttribute, tagBomb, unterminated } from './markup.js';
import { mixFeedHtml } from './mix.js';
import type { Mutator } from './types.js';

export type { MutationContext, Mutator } from './types.js';
export { billionLaughsDoctype } from './entities.js';

/** Every mutator the fuzzer draws from. */
export const MUTATORS: readonly Mutator[] = [
  truncate,
  byteFlips,
  controlBytes,
  entityBomb,
  referenceFlood,
  tagBomb,
  deepNesting,
  hugeAttribute,
  unterminated,
  wrongCharset,
  mixFeedHtml,
];

/** A mutator by name (for reproducing and for tests); throws on an unknown name. */
export function mutatorNamed(name: string): Mutator {
  const found = MUTATORS.find((m) => m.name === name);
  if (!found) throw new Error(`unknown mutator ${name}`);
  return found;
}

/** A mutator drawn by weight. */
export function pickMutator(rng: Rng): Mutator {
  const total = MUTATORS.reduce((sum, m) => sum + m.weight, 0);
  let roll = rng.next() * total;
  for (const mutator of MUTATORS) {
    roll -= mutator.weight;
    if (roll < 0) return mutator;
  }
  return MUTATORS[MUTATORS.length - 1]!;
}
