import iconv from 'iconv-lite';
import { charsetFromContentType, isLatinLabel, supportedCharset } from './labels.js';
import { detectCharset } from './detect.js';
import { decodeMixedUtf8, utf8Census } from './utf8.js';

export { charsetFromContentType, supportedCharset } from './labels.js';
export { detectCharset } from './detect.js';

/** Where the charset we decoded with came from, in the order we trust them. */
export type CharsetSource = 'bom' | 'sniffed' | 'http' | 'declaration' | 'utf8' | 'detected' | 'default';

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
 * Bytes → text, never naive UTF-8: BOM, then UTF-16/32 recognised from the first bytes, then
 * the HTTP charset, then the document's own declaration, then "valid UTF-8 is UTF-8", then
 * detection among the legacy charsets news feeds and pages actually use.
 * Two corrections apply to labels: valid multi-byte UTF-8 under a single-byte Latin label is
 * UTF-8 (the commonest mislabel), and bytes that are not UTF-8 under a UTF-8 label are decoded
 * as detected. Text never starts with a BOM.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = sniffBom(buffer);
  if (bom) return { text: iconv.decode(buffer.subarray(bom.length), bom.charset, { stripBOM: true }), charset: bom.charset, source: 'bom' };

  const wide = sniffWideEncoding(buffer);
  if (wide) return decodeWith(buffer, wide, 'sniffed');

  const http = usableLabel(supportedCharset(charsetFromContentType(options.contentType)));
  if (http) return decodeLabelled(buffer, http, 'http');

  const declaredName = options.kind === 'xml' ? xmlDeclaredCharset(buffer) : htmlDeclaredCharset(buffer);
  const declared = usableLabel(supportedCharset(declaredName));
  if (declared) return decodeLabelled(buffer, declared, 'declaration');

  return decodeUnlabelled(buffer);
}

/** UTF-16/32 labels on bytes that the sniffer did not recognise as wide are lies: ignore them. */
function usableLabel(charset: string | null): string | null {
  if (!charset) return null;
  return charset.startsWith('utf-16') || charset.startsWith('utf-32') ? null : charset;
}

function decodeLabelled(buffer: Buffer, charset: string, source: CharsetSource): Decoded {
  if (charset === 'utf-8') {
    const census = utf8Census(buffer);
    if (census.invalidBytes === 0) return decodeWith(buffer, 'utf-8', source);
    return decodeUnlabelled(buffer);
  }
  if (isLatinLabel(charset)) {
    const census = utf8Census(buffer);
    if (census.validMultiByte > 0 && census.validMultiByte >= census.invalidBytes) return mixedUtf8(buffer);
  }
  return decodeWith(buffer, charset, source);
}

function decodeUnlabelled(buffer: Buffer): Decoded {
  const census = utf8Census(buffer);
  if (census.invalidBytes === 0) return decodeWith(buffer, 'utf-8', 'utf8');
  // Mostly UTF-8 with a few stray bytes: keep UTF-8 rather than turn every character to mojibake.
  if (census.validMultiByte >= census.invalidBytes * 2) return mixedUtf8(buffer);
  return decodeWith(buffer, detectCharset(buffer), 'detected');
}

function mixedUtf8(buffer: Buffer): Decoded {
  return { text: decodeMixedUtf8(buffer), charset: 'utf-8', source: 'utf8' };
}

function decodeWith(buffer: Buffer, charset: string, source: CharsetSource): Decoded {
  return { text: iconv.decode(buffer, charset, { stripBOM: true }), charset, source };
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
    if (bom.bytes.every((byte, i) => buffer[i] === byte)) return { charset: bom.charset, length: bom.bytes.length };
  }
  return null;
}

/**
 * UTF-16/32 without a BOM, recognised from the first non-blank character being ASCII with
 * zero bytes around it (XML 1.0 Appendix F). Unambiguous, so it outranks every label.
 */
function sniffWideEncoding(buffer: Buffer): string | null {
  const [a, b, c, d] = [buffer[0], buffer[1], buffer[2], buffer[3]];
  if (buffer.length < 4) return null;
  if (a === 0 && b === 0 && c === 0 && d !== 0) return 'utf-32be';
  if (a !== 0 && b === 0 && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b !== 0 && c === 0 && d !== 0) return 'utf-16be';
  if (a !== 0 && b === 0 && c !== 0 && d === 0) return 'utf-16le';
  return null;
}

/** The encoding of an XML declaration in the first bytes, read as ASCII. */
function xmlDeclaredCharset(buffer: Buffer): string | null {
  const head = buffer.subarray(0, 1024).toString('latin1');
  const match = /<\?xml[^>]*?encoding\s*=\s*["']?([\w.:-]+)/i.exec(head);
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
