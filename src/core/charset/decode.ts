import iconv from 'iconv-lite';

/** Where the charset we decoded with came from, in the order we trust them. */
export type CharsetSource = 'bom' | 'http' | 'declaration' | 'utf8' | 'detected' | 'default';

export interface Decoded {
  text: string;
  /** iconv-lite name of the charset used (lower case). */
  charset: string;
  source: CharsetSource;
}

export interface DecodeOptions {
  /** The HTTP Content-Type header, if any. */
  contentType?: string | null;
  /** xml: the XML declaration is the in-document declaration; html: `<meta charset>` in the head. */
  kind: 'xml' | 'html';
}

/**
 * Bytes → text, never naive UTF-8: BOM, then HTTP charset, then the document's own
 * declaration, then "valid UTF-8 is UTF-8", then detection among the legacy charsets
 * news feeds and pages actually use.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = sniffBom(buffer);
  if (bom) return { text: iconv.decode(buffer.subarray(bom.length), bom.charset), charset: bom.charset, source: 'bom' };

  const http = supportedCharset(charsetFromContentType(options.contentType));
  if (http) return decodeWith(buffer, http, 'http');

  const declared = supportedCharset(options.kind === 'xml' ? xmlDeclaredCharset(buffer) : htmlDeclaredCharset(buffer));
  // A UTF-16 declaration on bytes without a BOM that read as ASCII is a lie; the bytes win.
  if (declared && !(declared.startsWith('utf-16') && isValidUtf8(buffer))) return decodeWith(buffer, declared, 'declaration');

  if (isValidUtf8(buffer)) return decodeWith(buffer, 'utf-8', 'utf8');
  const detected = detectCharset(buffer);
  return decodeWith(buffer, detected, 'detected');
}

function decodeWith(buffer: Buffer, charset: string, source: CharsetSource): Decoded {
  return { text: iconv.decode(buffer, charset), charset, source };
}

const BOMS: Array<{ bytes: number[]; charset: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], charset: 'utf-8' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], charset: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], charset: 'utf-32be' },
  { bytes: [0xff, 0xfe], charset: 'utf-16le' },
  { bytes: [0xfe, 0xff], charset: 'utf-16be' },
];

function sniffBom(buffer: Buffer): { charset: string; length: number } | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((byte, i) => buffer[i] === byte) && iconv.encodingExists(bom.charset)) {
      return { charset: bom.charset, length: bom.bytes.length };
    }
  }
  return null;
}

/** The charset parameter of a Content-Type header, lower-cased, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return match?.[1] ? match[1].toLowerCase() : null;
}

/** Normalise a declared name to one iconv-lite knows, or null (unknown names are ignored). */
export function supportedCharset(name: string | null): string | null {
  if (!name) return null;
  const lower = name.trim().toLowerCase();
  // Browsers read these labels as their supersets; so do we.
  const aliases: Record<string, string> = {
    'iso-8859-1': 'windows-1252', 'latin1': 'windows-1252', 'us-ascii': 'windows-1252', ascii: 'windows-1252',
    'x-sjis': 'shift_jis', 'sjis': 'shift_jis', 'ms_kanji': 'shift_jis', 'windows-31j': 'shift_jis', 'cp932': 'shift_jis',
    gb2312: 'gbk', 'x-gbk': 'gbk', 'euc-cn': 'gbk', 'x-euc-jp': 'euc-jp', utf8: 'utf-8', 'unicode': 'utf-16le',
  };
  const resolved = aliases[lower] ?? lower;
  return iconv.encodingExists(resolved) ? resolved : null;
}

/** The encoding of an XML declaration in the first bytes (read as ASCII, or UTF-16 without BOM). */
function xmlDeclaredCharset(buffer: Buffer): string | null {
  let head = buffer.subarray(0, 512).toString('latin1');
  if (buffer[0] === 0x3c && buffer[1] === 0x00) head = buffer.subarray(0, 1024).toString('utf16le');
  else if (buffer[0] === 0x00 && buffer[1] === 0x3c) head = iconv.decode(buffer.subarray(0, 1024), 'utf-16be');
  const match = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return match?.[1] ?? null;
}

/** `<meta charset>` or `<meta http-equiv content="…charset=…">` anywhere in the head. */
function htmlDeclaredCharset(buffer: Buffer): string | null {
  const head = buffer.subarray(0, 64 * 1024).toString('latin1');
  const end = head.search(/<body[\s>]/i);
  const scope = end > 0 ? head.slice(0, end) : head;
  const direct = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(scope);
  if (direct?.[1]) return direct[1];
  const xml = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(scope);
  return xml?.[1] ?? null;
}

/** Strict UTF-8 validity (overlongs and surrogates rejected). */
export function isValidUtf8(buffer: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

const CANDIDATES = ['shift_jis', 'euc-jp', 'gbk', 'big5', 'euc-kr', 'koi8-r', 'windows-1251', 'windows-1252', 'windows-1250', 'iso-8859-2'];

/**
 * Detection for undeclared legacy bytes: decode with each candidate and keep the one whose
 * text looks most like natural language in one script (few replacement characters, few
 * unlikely symbols, long runs of one script).
 */
export function detectCharset(buffer: Buffer): string {
  const sample = buffer.subarray(0, 64 * 1024);
  let best = 'windows-1252';
  let bestScore = -Infinity;
  for (const charset of CANDIDATES) {
    const score = plausibility(iconv.decode(sample, charset));
    if (score > bestScore) {
      bestScore = score;
      best = charset;
    }
  }
  return best;
}

function plausibility(text: string): number {
  let score = 0;
  let previousScript = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) { previousScript = 'ascii'; continue; }
    const script = scriptOf(code);
    if (script === 'bad') score -= 20;
    else if (script === 'rare') score -= 3;
    else score += script === previousScript ? 2 : 1;
    previousScript = script;
  }
  return score;
}

function scriptOf(code: number): string {
  if (code === 0xfffd || (code >= 0x80 && code < 0xa0) || (code >= 0xe000 && code <= 0xf8ff)) return 'bad';
  if (code >= 0x3040 && code <= 0x30ff) return 'kana';
  if (code >= 0x4e00 && code <= 0x9fff) return 'han';
  if (code >= 0xac00 && code <= 0xd7af) return 'hangul';
  if (code >= 0x0400 && code <= 0x04ff) return 'cyrillic';
  if (code >= 0x00c0 && code <= 0x024f) return 'latin';
  if (code >= 0x3000 && code <= 0x303f) return 'kana';
  if (code >= 0xff00 && code <= 0xffef) return 'han';
  return 'rare';
}
