import { SUBORDINATE_OPENER } from './compress-sentence.js';
import { contentStems } from './content-stems.js';

// Who did what to what: the first content words of the main clause (the details after them differ between outlets).
const MAIN_WORDS = 8;
// Two main clauses report one event when they share this many words, and half of the shorter one's.
const MIN_SHARED = 4;
const MAIN_SHARE = 0.5;

/**
 * What a sentence is mainly about: the first content words of its first clause (up to the first
 * comma, semicolon, colon or dash), or of the second when the first is a subordinate or
 * prepositional opener ("After talks in Tokyo, Japan and China agreed …"). Two outlets that report
 * one event with different details ("The Bank of Japan raised its short-term policy rate to
 * 0.75% …" and "Japan's central bank has raised interest rates to their highest level in 30
 * years, …") word this part alike. A final "e" is dropped from each stem, so "rate" and "rates"
 * (stemmed "rat") meet.
 */
export function mainClauseWords(text: string): Set<string> {
  // A dash aside ("Biden's first trip — delayed by the pandemic — will …") is not a clause boundary.
  const clauses = text.replace(/\s[—–]\s[^—–]*\s[—–]\s/gu, ' ').split(/[,;:]\s+|\s+[—–-]{1,2}\s+|\s*—\s*/u);
  const main = clauses.length > 1 && SUBORDINATE_OPENER.test(clauses[0]!) ? clauses[1]! : clauses[0]!;
  return new Set(
    contentStems(main)
      .slice(0, MAIN_WORDS)
      .map((w) => (w.length > 3 ? w.replace(/e$/u, '') : w)),
  );
}

/** True when two facts report the same event: their main clauses mostly agree (mainClauseWords of each). */
export function sameEvent(a: { main: ReadonlySet<string> }, b: { main: ReadonlySet<string> }): boolean {
  const [small, large] = a.main.size <= b.main.size ? [a.main, b.main] : [b.main, a.main];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return sameEventFromCounts(shared, a.main.size, b.main.size);
}

/** sameEvent from the number of main-clause words two facts share and each one's number of them (the same test). */
export function sameEventFromCounts(shared: number, sizeA: number, sizeB: number): boolean {
  return shared >= MIN_SHARED && shared >= MAIN_SHARE * Math.min(sizeA, sizeB);
}
