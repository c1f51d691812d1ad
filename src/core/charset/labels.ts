import iconv from 'iconv-lite';

/** The charset parameter of a Content-Type header, lower-cased, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  // `charset:iso-8859-1` (a colon) is a bogus parameter, not a charset: browsers ignore it, so do we.
  const match = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return match?.[1] ? match[1].toLowerCase() : null;
}

// Browsers read these labels as their supersets (WHATWG Encoding), and feeds use a few
// spellings of their own (`u16`, `utf_16`); map them all to names iconv-lite knows.
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'ansi_x3.4-1968': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  tis620: 'windows-874',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  'shift-jis': 'shift_jis',
  ms_kanji: 'shift_jis',
  'windows-31j': 'shift_jis',
  cp932: 'shift_jis',
  'x-euc-jp': 'euc-jp',
  eucjp: 'euc-jp',
  gb2312: 'gbk',
  'gb_2312-80': 'gbk',
  'x-gbk': 'gbk',
  'euc-cn': 'gbk',
  chinese: 'gbk',
  csgb2312: 'gbk',
  'big5-hkscs': 'big5hkscs',
  'x-x-big5': 'big5',
  'cn-big5': 'big5',
  euckr: 'euc-kr',
  'ks_c_5601-1987': 'euc-kr',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  unicode: 'utf-16le',
  'ucs-2': 'utf-16le',
  u16: 'utf-16',
  utf16: 'utf-16',
  utf_16: 'utf-16',
  u32: 'utf-32',
  utf32: 'utf-32',
  utf_32: 'utf-32',
  'utf-16be': 'utf-16be',
  'utf-16le': 'utf-16le',
  koi8r: 'koi8-r',
  cp1251: 'windows-1251',
  cp1252: 'windows-1252',
};

/** Normalise a declared name to one iconv-lite knows, or null (unknown names are ignored). */
export function supportedCharset(name: string | null | undefined): string | null {
  if (!name) return null;
  const lower = name
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  const resolved = ALIASES[lower] ?? ALIASES[lower.replace(/_/g, '-')] ?? lower;
  return iconv.encodingExists(resolved) ? resolved : null;
}

/** Single-byte Latin labels that servers and CMSs put on UTF-8 bytes by default. */
export function isLatinLabel(charset: string): boolean {
  return charset === 'windows-1252' || charset === 'iso-8859-15' || charset === 'windows-1250';
}
