/** Collapse runs of whitespace (incl. NBSP and zero-width space) to one space and trim. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u2028\u2029\ufeff]+/g, ' ').trim();
}

/** Characters of Han, kana and hangul: one of them carries about a word's worth of text. */
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

/**
 * Length of text in "Latin-equivalent" characters: CJK characters count three times, so one
 * threshold fits Japanese, Chinese and Korean as well as alphabetic languages.
 */
export function weightedLength(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  return text.length + 2 * cjk;
}

/** Resolve `href` against `base`; null for anything that is not an http(s) URL. */
export function resolveUrl(href: string | null | undefined, base: string): string | null {
  const trimmed = href?.trim();
  if (!trimmed) return null;
  try {
    const resolved = new URL(trimmed, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}
