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
  /**
   * A quotation of several sentences that this one is part of, as the indices of its first and
   * last sentence: `"We are ready. The deal is done," she said.` is one speaker's words, the
   * second sentence included although it shows no quotation mark. Null when the sentence is no
   * part of one.
   */
  quotation: { first: number; last: number } | null;
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

/** Whether a double quotation is open after `text`, given whether one was open before it. */
function quotationOpenAfter(text: string, open: boolean): boolean {
  for (const ch of text) {
    if (ch === '“') open = true;
    else if (ch === '”') open = false;
    else if (ch === '"') open = !open;
  }
  return open;
}

/**
 * Marks the sentences of one paragraph that a quotation spans (from the sentence that opens it
 * to the one that closes it, or to the paragraph's end: a quotation that runs on into the next
 * paragraph opens again there, as news style has it).
 */
function markQuotations(paragraph: Sentence[]): void {
  let open = false;
  let first = -1;
  const close = (last: number) => {
    if (first >= 0 && last > first) {
      const quotation = { first: paragraph[first]!.index, last: paragraph[last]!.index };
      for (let k = first; k <= last; k++) paragraph[k]!.quotation = quotation;
    }
    first = -1;
  };
  paragraph.forEach((sentence, k) => {
    const after = quotationOpenAfter(sentence.text, open);
    if (!open && after) first = k;
    else if (open && !after) close(k);
    open = after;
  });
  if (open) close(paragraph.length - 1);
}

/** Sentences of an article text, paragraph by paragraph. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  paragraphs.forEach((paragraph, p) => {
    const own = splitParagraph(paragraph).map(
      (s, k): Sentence => ({ text: s, paragraph: p, index: sentences.length + k, truncated: /(\.\.\.|…)$/.test(s), quotation: null }),
    );
    markQuotations(own);
    sentences.push(...own);
  });
  return sentences;
}
