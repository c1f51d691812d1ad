import iconv from 'iconv-lite';

/** How a byte string fares as UTF-8: multi-byte sequences that are valid, and bytes that are not. */
export interface Utf8Census {
  validMultiByte: number;
  invalidBytes: number;
}

/** Length of the valid UTF-8 sequence at `i` (strict: no overlongs, surrogates or > U+10FFFF), or 0. */
function sequenceLength(buffer: Uint8Array, i: number): number {
  const b0 = buffer[i] ?? 0;
  const next = (k: number): number => buffer[i + k] ?? 0;
  const cont = (k: number): boolean => i + k < buffer.length && (next(k) & 0xc0) === 0x80;
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const b1 = next(1);
    if (b0 === 0xe0 && b1 < 0xa0) return 0;
    if (b0 === 0xed && b1 > 0x9f) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const b1 = next(1);
    if (b0 === 0xf0 && b1 < 0x90) return 0;
    if (b0 === 0xf4 && b1 > 0x8f) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Count valid multi-byte sequences and invalid bytes; `maxBytes` bounds the work. */
export function utf8Census(buffer: Uint8Array, maxBytes = Infinity): Utf8Census {
  let validMultiByte = 0;
  let invalidBytes = 0;
  const end = Math.min(buffer.length, maxBytes);
  for (let i = 0; i < end; ) {
    if ((buffer[i] ?? 0) < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(buffer, i);
    if (length > 0) {
      validMultiByte++;
      i += length;
    } else {
      invalidBytes++;
      i++;
    }
  }
  return { validMultiByte, invalidBytes };
}

/**
 * UTF-8 with the odd invalid byte read as windows-1252, as feed readers do with a UTF-8
 * document that had a Latin-1 string pasted in: the text keeps its characters and no U+FFFD.
 */
export function decodeMixedUtf8(buffer: Buffer): string {
  const parts: string[] = [];
  let runStart = 0;
  for (let i = 0; i < buffer.length; ) {
    if ((buffer[i] ?? 0) < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(buffer, i);
    if (length > 0) {
      i += length;
      continue;
    }
    parts.push(buffer.toString('utf8', runStart, i), iconv.decode(buffer.subarray(i, i + 1), 'windows-1252'));
    i++;
    runStart = i;
  }
  parts.push(buffer.toString('utf8', runStart));
  return parts.join('');
}
