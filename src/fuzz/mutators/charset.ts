import iconv from 'iconv-lite';
import type { Rng } from '../prng.js';
import { prologPoint, splice } from './splice.js';
import type { Mutator } from './types.js';

const LABELS = [
  'Shift_JIS',
  'EUC-JP',
  'ISO-2022-JP',
  'UTF-16',
  'UTF-16LE',
  'UTF-16BE',
  'UTF-32',
  'UTF-8',
  'utf8',
  'GB2312',
  'Big5',
  'KOI8-R',
  'windows-1251',
  'windows-1252',
  'x-user-defined',
  'UTF-7',
  'ebcdic-cp-us',
  'binary',
  '',
];
const TRANSCODE_TO = ['Shift_JIS', 'EUC-JP', 'GB18030', 'Big5', 'windows-1251', 'KOI8-R', 'UTF-16LE', 'UTF-16BE', 'ISO-8859-1'];
const BOMS = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0xff, 0xfe, 0x00, 0x00],
  [0x00, 0x00, 0xfe, 0xff],
];

/** A label, or random bytes where the label goes (some of them not ASCII, some quotes). */
function label(rng: Rng): Buffer {
  if (rng.chance(0.8)) return Buffer.from(rng.pick(LABELS), 'latin1');
  return Buffer.from(Array.from({ length: rng.between(1, 40) }, () => rng.int(256)));
}

/** Replace the XML declaration's encoding, or add a declaration, or add a `<meta charset>`. */
function redeclare(input: Buffer, rng: Rng): Buffer {
  const head = input.subarray(0, 512).toString('latin1');
  const declared = /encoding\s*=\s*["']([^"']*)["']/.exec(head);
  if (declared && rng.chance(0.6)) {
    const start = declared.index + declared[0].indexOf(declared[1]!);
    return splice(input, start, label(rng), declared[1]!.length);
  }
  if (rng.chance(0.5)) {
    const declaration = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="'), label(rng), Buffer.from('"?>')]);
    const existing = head.startsWith('<?xml') ? input.indexOf('?>') + 2 : 0;
    return splice(input, 0, declaration, Math.max(0, existing));
  }
  const meta = Buffer.concat([Buffer.from('<meta charset="'), label(rng), Buffer.from('">')]);
  const headTag = head.search(/<head[\s>]/i);
  return splice(input, headTag < 0 ? prologPoint(input) : input.indexOf('>', headTag) + 1, meta);
}

/** The text re-encoded in another charset while the document still declares the old one. */
function transcode(input: Buffer, rng: Rng): Buffer {
  return iconv.encode(input.toString('utf8'), rng.pick(TRANSCODE_TO));
}

/** A byte-order mark that contradicts the bytes after it. */
function lyingBom(input: Buffer, rng: Rng): Buffer {
  return Buffer.concat([Buffer.from(rng.pick(BOMS)), input]);
}

/** Wrong charsets: Shift_JIS declared on UTF-8 and the reverse, UTF-16 declarations, junk labels, lying BOMs. */
export const wrongCharset: Mutator = {
  name: 'wrong-charset',
  weight: 10,
  apply(input, { rng }) {
    const variant = rng.int(10);
    if (variant < 5) return redeclare(input, rng);
    if (variant < 8) return transcode(input, rng);
    return lyingBom(input, rng);
  },
};
