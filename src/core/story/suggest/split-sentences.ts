/** Splitting article text (paragraphs separated by blank lines) into sentences. */

/** One sentence of an article, with where it stood. */
export interface Sentence {
  text: string;
  /** Index of the paragraph in the article. */
  paragraph: number;
  /** Index of the sentence in the whole article. */
  index: number;
  /** The text breaks off ("…" or "..." at the end): an excerpt cut, not a full sentence. */
  truncated: boolean;
}

// Words after which a period does not end a sentence (titles, initials, months, "U.S.").
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen lt col maj capt sgt cmdr adm pres st jr sr vs v etc inc corp co ltd ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon dept approx est fig'
  ).split(' '),
);

/** True when the text before a period ends in an abbreviation, an initial or a dotted acronym. */
function endsWithAbbreviation(before: string): boolean {
  const last = /([\p{L}.]+)\.$/u.exec(before)?.[1] ?? '';
  if (last === '') return false;
  if (/^\p{Lu}$/u.test(last)) return true; // an initial: "John F. Kennedy"
  if (/^(\p{L}\.)+\p{L}$/u.test(last)) return true; // "U.S", "e.g"
  return ABBREVIATIONS.has(last.toLowerCase());
}

/** Split one paragraph into sentence strings. */
function splitParagraph(paragraph: string): string[] {
  const out: string[] = [];
  // A candidate end: . ! ? or an ellipsis, optional closing quotes/brackets, then space and a likely sentence start.
  const boundary = /([.!?…]+)(["”’')\]]*)\s+(?=["“‘([]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let match = boundary.exec(paragraph); match; match = boundary.exec(paragraph)) {
    const end = match.index + match[1]!.length + match[2]!.length;
    const before = paragraph.slice(start, match.index + match[1]!.length);
    if (match[1] === '.' && match[2] === '' && endsWithAbbreviation(before)) continue;
    // "No. 10": the number abbreviation only before a digit, so "voted no. John" still ends a sentence.
    if (match[1] === '.' && /\bno\.$/i.test(before) && /\d/.test(paragraph.charAt(match.index + match[0].length))) continue;
    out.push(paragraph.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter((s) => s.length > 0);
}

/** Sentences of an article text, paragraph by paragraph. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  paragraphs.forEach((paragraph, p) => {
    for (const s of splitParagraph(paragraph)) {
      sentences.push({ text: s, paragraph: p, index: sentences.length, truncated: /(\.\.\.|…)$/.test(s) });
    }
  });
  return sentences;
}
