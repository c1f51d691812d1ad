/**
 * Second references by surname. News introduces a person once by full name ("Haruka Mori, a
 * researcher at …") and then writes "Mori said …"; a suggestion lifted from later in the article
 * names someone the reader of the story has never met. The story's suggestions are read in order
 * (facts, then predictions), so a surname is given its full name where it first opens one.
 */
import { actorOf } from './main-actors.js';

// Words that stand before a surname without being a first name: titles and offices ("Foreign
// Minister Hayashi", "Gov. Newsom"), honorifics, and words that open a sentence or a phrase.
const NOT_FIRST_NAMES = new Set(
  (
    'mr mrs ms miss dr prof sir dame lord lady president vice prime minister secretary senator sen rep representative ' +
    'gov governor mayor general gen judge justice chancellor chairman chairwoman chair director commissioner ambassador ' +
    'spokesman spokeswoman spokesperson speaker leader king queen prince princess pope coach manager chief officer ' +
    'captain capt sgt lt col adm cmdr deputy foreign finance defence defense trade premier economist analyst professor ' +
    'the a an and or but of in on at by for from with to as if when while after before this that these those his her their its our ' +
    'said says told according'
  ).split(' '),
);

// A sentence that opens on one capitalised word and then a lower-case word: "Mori said …", "Yamada also pressed …".
const SURNAME_OPENER = /^(\p{Lu}[\p{Ll}'’-]+)\s+(?=\p{Ll})/u;

/** The full name an article gives the surname a sentence opens on ("Haruka Mori" for "Mori said …"), or null. */
export function fullNameOf(sentence: string, articleTexts: readonly string[]): string | null {
  const opener = SURNAME_OPENER.exec(sentence);
  if (!opener) return null;
  const surname = opener[1]!;
  // A country, bloc or party ("Democrats said …") is no surname; nor a common noun that only opens
  // the sentence with a capital ("Officials said …" where the articles write "officials").
  if (actorOf(surname) !== null) return null;
  // Each pattern is tried only on texts that hold the word at all (a plain substring search, which is
  // cheap next to the patterns' look-behinds at every position): the same answers, read faster.
  const lowerWord = surname.toLowerCase();
  const lower = new RegExp(String.raw`(?<![\p{L}\p{N}'’-])${lowerWord}(?![\p{L}\p{N}'’-])`, 'u');
  if (articleTexts.some((t) => t.includes(lowerWord) && lower.test(t))) return null;
  const found = new Set<string>();
  const named = new RegExp(String.raw`(?<![\p{L}\p{N}'’.-])(\p{Lu}[\p{Ll}'’-]+)\s+${surname}(?![\p{L}\p{N}'’-])`, 'gu');
  for (const text of articleTexts) {
    if (!text.includes(surname)) continue;
    for (const m of text.matchAll(named)) if (!NOT_FIRST_NAMES.has(m[1]!.toLowerCase())) found.add(`${m[1]} ${surname}`);
  }
  // Two people of one surname ("Ann Lee", "Tom Lee"): which one is meant is not for us to guess.
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * The suggestions, in reading order, with a surname that opens one given its full name (as the
 * articles give it) unless an earlier suggestion names that person in full already.
 */
export function introduceNames(texts: readonly string[], articleTexts: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const full = fullNameOf(text, articleTexts);
    const introduced = full === null || out.some((t) => t.includes(full)) || text.includes(full);
    out.push(introduced ? text : text.replace(SURNAME_OPENER, `${full} `));
  }
  return out;
}
