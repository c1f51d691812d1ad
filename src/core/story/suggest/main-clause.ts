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
  return new Set(contentStems(mainClause(text)).slice(0, MAIN_WORDS).map(withoutFinalE));
}

/** A sentence's main clause: its first clause, or its second after a subordinate or prepositional opener. */
function mainClause(text: string): string {
  // A dash aside ("Biden's first trip — delayed by the pandemic — will …") is not a clause boundary.
  const clauses = text.replace(/\s[—–]\s[^—–]*\s[—–]\s/gu, ' ').split(/[,;:]\s+|\s+[—–-]{1,2}\s+|\s*—\s*/u);
  return clauses.length > 1 && SUBORDINATE_OPENER.test(clauses[0]!) ? clauses[1]! : clauses[0]!;
}

/** A sentence's content stems written as mainClauseWords writes them (a final "e" dropped), to look a main clause up in. */
export function comparableWords(text: string): Set<string> {
  return new Set(contentStems(text).map(withoutFinalE));
}

/** A stem without its final "e", so "rate" and "rates" (stemmed "rat") meet. */
function withoutFinalE(stem: string): string {
  return stem.length > 3 ? stem.replace(/e$/u, '') : stem;
}

/**
 * True when a sentence's main clause (its mainClauseWords) is stated inside another sentence
 * (its comparableWords), with sameEvent's share: "Japan plans to double defence spending to 2% of
 * GDP by 2027, a break from …" says again what "…, Tokyo's revised documents, which commit it to
 * doubling defence spending to 2% of GDP by 2027" already says in a clause of its own. The story's
 * topic words (`topic`: its title's) are left out of the count: every sentence of the story shares
 * them ("EU", "Australia"), whatever it says of them.
 */
export function mainClauseStatedIn(main: ReadonlySet<string>, words: ReadonlySet<string>, topic: ReadonlySet<string> = new Set()): boolean {
  let own = 0;
  let shared = 0;
  for (const w of main) {
    if (topic.has(w)) continue;
    own++;
    if (words.has(w)) shared++;
  }
  return sameEventFromCounts(shared, own, own);
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

// Verbs that say a quantity (a currency, an index, a price, a toll) moved up or down, as news
// reports markets and counts: two sentences whose main clause moves the same subject the same
// way report one movement, whatever figures each adds ("The yen firmed to 146.20 per dollar" and
// "The yen strengthened and the Nikkei fell"). Verbs often transitive with another sense
// ("declined to comment", "gained control", "eased rules", "increased spending") are left out.
const MOVES_UP = new Set(
  'rose rise rises risen climbed climbs jumped jumps surged surges soared soars firmed firms strengthened strengthens rallied rallies'.split(
    ' ',
  ),
);
const MOVES_DOWN = new Set(
  'fell fall falls fallen dropped drops slid slides weakened weakens slumped slumps tumbled tumbles plunged plunges sank sinks'.split(' '),
);
// What may follow a movement verb: its measure, its cause, another clause; a noun after it
// ("strengthened ties", "dropped the charges") makes the verb transitive, not a movement.
const AFTER_MOVE = new Set('to by as and after against on in from for while amid since sharply slightly further again'.split(' '));
// The movement words that are nouns too: every form but the past ("rose", "fell", "dropped", "risen").
const NOUN_TOO = /^(?!(?:rose|fell|slid|sank|risen|fallen)$)(?!\p{L}+ed$)/u;
// What follows a noun of movement and not its verb: "falls in prices", "a rise of 5%".
const NOUN_COMPLEMENT = new Set(['in', 'of']);
// A subject is a noun phrase: at most this many words before the verb.
const MAX_SUBJECT_WORDS = 4;

/**
 * The movement a sentence's main clause reports, as "subject stems|up" or "…|down" ("The yen
 * firmed to 146.20 …" → "yen|up"), or undefined when its main clause is no subject moving.
 */
export function mainClauseMove(text: string): string | undefined {
  const tokens = mainClause(text).match(/[\p{L}\p{N}][\p{L}\p{N}'’.%-]*/gu) ?? [];
  for (let i = 1; i <= Math.min(MAX_SUBJECT_WORDS, tokens.length - 1); i++) {
    const verb = tokens[i]!.toLowerCase();
    const direction = MOVES_UP.has(verb) ? 'up' : MOVES_DOWN.has(verb) ? 'down' : undefined;
    if (!direction) continue;
    const next = tokens[i + 1]?.toLowerCase();
    // A form that is also a plural or singular noun ("falls", "rise", "firms") is the noun when a
    // complement of a noun ("in", "of") or a movement verb follows: "Sharp falls in prices hit
    // farmers", "a rise of 5%", "Shipping firms rallied". The subject goes on past it.
    if (next !== undefined && NOUN_TOO.test(verb) && (NOUN_COMPLEMENT.has(next) || MOVES_UP.has(next) || MOVES_DOWN.has(next))) continue;
    if (next !== undefined && !AFTER_MOVE.has(next) && !/^\d/u.test(next)) return undefined;
    const subject = contentStems(tokens.slice(0, i).join(' '));
    return subject.length > 0 ? `${subject.join(' ')}|${direction}` : undefined;
  }
  return undefined;
}
