import iconv from 'iconv-lite';

// A UTF-8 lead byte read as windows-1252 (Â–ô), then 1–3 continuation bytes read the same way
// (0x80–0xBF map to these characters in windows-1252).
const CONTINUATION =
  '\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178';
const RUN = new RegExp(`[\\u00c2-\\u00f4][${CONTINUATION}]{1,3}`, 'g');

/**
 * Undo UTF-8 that was read as windows-1252 and re-encoded ("â€¦" → "…", "Ã©" → "é"), as
 * feeds that pass text through a misconfigured CMS contain. A run is replaced only when its
 * windows-1252 bytes form exactly one valid UTF-8 character, so real text is left alone.
 */
export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4]/.test(text)) return text;
  return text.replace(RUN, (run) => {
    const bytes = iconv.encode(run, 'windows-1252');
    const lead = bytes[0] ?? 0;
    const expected = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (bytes.length < expected) return run;
    try {
      const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, expected));
      return decoded + iconv.decode(bytes.subarray(expected), 'windows-1252');
    } catch {
      return run;
    }
  });
}
