/** Codes that name no language: undetermined, multiple, not linguistic, uncoded. */
const NO_LANGUAGE = new Set(['und', 'mul', 'zxx', 'mis']);

/**
 * The language key an article is compared under: the primary subtag of its declared
 * language in its shortest standard form ("en-GB" → "en", "eng" and "deu" → "en" and "de", as
 * BCP 47 canonicalises them), or a guess from its script when none is declared. Latin text
 * without a declared language counts as English, the common case of feeds that omit the tag.
 */
export function languageKey(declared: string | null | undefined, sample: string): string {
  const primary = declared?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary && /^[a-z]{2,3}$/.test(primary) && !NO_LANGUAGE.has(primary)) return canonical(primary);
  if (/[\u3040-\u30ff]/.test(sample)) return 'ja';
  if (/[\uac00-\ud7af]/.test(sample)) return 'ko';
  if (/[\u4e00-\u9fff]/.test(sample)) return 'zh';
  if (/[\u0400-\u04ff]/.test(sample)) return 'ru';
  if (/[\u0600-\u06ff]/.test(sample)) return 'ar';
  return 'en';
}

/** Languages written without spaces, where one-character words are mostly particles. */
export function isUnspacedScript(lang: string): boolean {
  return lang === 'ja' || lang === 'zh' || lang === 'th';
}

function canonical(code: string): string {
  try {
    return new Intl.Locale(code).language || code;
  } catch {
    return code;
  }
}
