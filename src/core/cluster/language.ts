/** Codes that name no language: undetermined, multiple, not linguistic, uncoded. */
const NO_LANGUAGE = new Set(['und', 'mul', 'zxx', 'mis']);

/**
 * The language key an article is compared under: the primary subtag of its declared
 * language in its shortest standard form ("en-GB" → "en", "eng" and "deu" → "en" and "de", as
 * BCP 47 canonicalises them), the language a name declares ("German", "Deutsch"), or a guess
 * from its script when none is declared. Latin text without a declared language counts as
 * English, the common case of feeds that omit the tag.
 */
export function languageKey(declared: string | null | undefined, sample: string): string {
  const primary = declared?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary && /^[a-z]{2,3}$/.test(primary) && !NO_LANGUAGE.has(primary)) return canonical(primary);
  const named = declared ? languageNamed(declared) : undefined;
  if (named) return named;
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

/** Lower-cased language name → two-letter code, in English and in the language itself ("german", "deutsch" → "de"). */
let NAMES: Map<string, string> | undefined;

/** The code of a language declared by its name ("German", "Deutsch", "English (US)"), if it is one. */
function languageNamed(declared: string): string | undefined {
  if (!NAMES) {
    NAMES = new Map();
    const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (const a of letters) {
      for (const b of letters) {
        const code = a + b;
        const name = english.of(code);
        if (!name) continue;
        NAMES.set(name.toLowerCase(), code);
        const own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
        if (own && !NAMES.has(own.toLowerCase())) NAMES.set(own.toLowerCase(), code);
      }
    }
  }
  return NAMES.get(
    declared
      .replace(/[(,].*$/u, '')
      .trim()
      .toLowerCase(),
  );
}
