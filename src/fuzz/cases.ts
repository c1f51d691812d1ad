import type { CorpusEntry, InputKind } from './corpus.js';
import { mutatorNamed, pickMutator } from './mutators/index.js';
import { caseSeed, createRng, type Rng } from './prng.js';

/** One generated input and how to regenerate it. */
export interface FuzzCase {
  /** `seed:index`, enough to regenerate the case with `--repro`. */
  id: string;
  source: string;
  kind: InputKind;
  /** Mutators applied, in order; empty for the unmutated corpus files. */
  mutators: string[];
  /** The Content-Type header the stages are told, possibly lying. */
  contentType: string | null;
  bytes: Uint8Array;
}

/** Content-Type headers seen in the wild, some of them contradicting the bytes. */
const CONTENT_TYPES: ReadonlyArray<string | null> = [
  null,
  null,
  null,
  'text/html',
  'application/rss+xml',
  'text/xml; charset=utf-8',
  'text/html; charset=shift_jis',
  'application/xml; charset=euc-jp',
  'text/xml; charset=utf-16',
  'text/html; charset=x-no-such-charset',
  'application/json',
  'text/html; charset=""',
  'text/plain; charset=iso-8859-1;;charset=utf-8',
  'image/png',
];

/**
 * Case `index` of a run seeded `seed`. The first `corpus.length` cases are the corpus files
 * themselves; every later one is a corpus file through one to three weighted mutators, with a
 * Content-Type header drawn at random. Deterministic in (corpus, seed, index, scale); `scale`
 * shrinks the bombs (1 in `npm run fuzz`).
 */
export function fuzzCase(corpus: readonly CorpusEntry[], seed: number, index: number, scale = 1): FuzzCase {
  if (corpus.length === 0) throw new Error('the fuzz corpus is empty');
  const id = `${seed}:${index}`;
  if (index < corpus.length) {
    const entry = corpus[index]!;
    return { id, source: entry.name, kind: entry.kind, mutators: [], contentType: null, bytes: entry.bytes };
  }
  const rng = createRng(caseSeed(seed, index));
  const entry = rng.pick(corpus);
  const count = rng.chance(0.6) ? 1 : rng.between(2, 3);
  const chosen = Array.from({ length: count }, () => pickMutator(rng).name);
  const contentType = rng.pick(CONTENT_TYPES);
  return { id, source: entry.name, kind: entry.kind, mutators: chosen, contentType, bytes: mutate(entry, chosen, corpus, rng, scale) };
}

/** Apply the named mutators in order; `other` draws a partner input of the other kind. */
export function mutate(entry: CorpusEntry, names: readonly string[], corpus: readonly CorpusEntry[], rng: Rng, scale = 1): Buffer {
  const others = corpus.filter((c) => c.kind !== entry.kind);
  const pool = others.length > 0 ? others : corpus;
  const context = { rng, scale, other: () => rng.pick(pool).bytes };
  let bytes = Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength);
  for (const name of names) bytes = mutatorNamed(name).apply(bytes, context);
  return bytes;
}
