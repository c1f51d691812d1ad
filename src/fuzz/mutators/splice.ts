import type { Rng } from '../prng.js';

/** `input` with `insert` placed at `at`, replacing `remove` bytes. */
export function splice(input: Buffer, at: number, insert: Buffer | string, remove = 0): Buffer {
  const position = Math.max(0, Math.min(at, input.length));
  const bytes = typeof insert === 'string' ? Buffer.from(insert, 'utf8') : insert;
  return Buffer.concat([input.subarray(0, position), bytes, input.subarray(Math.min(input.length, position + remove))]);
}

/** A random offset just after some `>`: inside element content, where text and child tags go. */
export function contentPoint(input: Buffer, rng: Rng): number {
  if (input.length === 0) return 0;
  const gt = input.indexOf(0x3e, rng.int(input.length));
  return gt < 0 ? rng.int(input.length + 1) : gt + 1;
}

/** A random offset just after the name of some start tag, where an attribute fits; -1 if none. */
export function attributePoint(input: Buffer, rng: Rng): number {
  const from = rng.int(Math.max(1, input.length));
  for (const start of [from, 0]) {
    for (let lt = input.indexOf(0x3c, start); lt >= 0 && lt < input.length - 1; lt = input.indexOf(0x3c, lt + 1)) {
      const first = input[lt + 1]!;
      if (!isLetter(first)) continue;
      let end = lt + 2;
      while (end < input.length && isNameByte(input[end]!)) end++;
      return end;
    }
  }
  return -1;
}

/** Where a prolog item (DOCTYPE) goes: after a leading BOM and XML declaration, if any. */
export function prologPoint(input: Buffer): number {
  let at = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  if (input.subarray(at, at + 5).toString('latin1') === '<?xml') {
    const end = input.indexOf('?>', at);
    if (end >= 0) at = end + 2;
  }
  return at;
}

/** Insert many small pieces in one pass (a splice per piece would copy the input each time). */
export function insertAll(input: Buffer, inserts: Array<{ at: number; bytes: Buffer }>): Buffer {
  const sorted = [...inserts].sort((a, b) => a.at - b.at);
  const parts: Buffer[] = [];
  let from = 0;
  for (const { at, bytes } of sorted) {
    parts.push(input.subarray(from, at), bytes);
    from = at;
  }
  parts.push(input.subarray(from));
  return Buffer.concat(parts);
}

/** A bomb's size under the run's scale, never below 1. */
export function sized(size: number, scale: number): number {
  return Math.max(1, Math.round(size * scale));
}

/** `unit` repeated `count` times, built once (Buffer.alloc fill is linear and cheap). */
export function repeat(unit: string, count: number): Buffer {
  const one = Buffer.from(unit, 'utf8');
  return Buffer.alloc(one.length * count, one);
}

function isLetter(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

function isNameByte(byte: number): boolean {
  return isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte === 0x3a || byte === 0x2d || byte === 0x5f || byte === 0x2e;
}
