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

/**
 * What one article text says of a surname (see fullNameOf): whether it uses the word in lower case,
 * and the full names it gives it, in order. Kept per article by a caller that asks again (a story's
 * cache), in `TextNames`, one per article text.
 */
interface SurnameUse {
  lower?: boolean;
  full?: readonly string[];
}

/** Surname → what one article text says of it, filled as surnames are asked. */
export type TextNames = Map<string, SurnameUse>;

/**
 * The full name an article gives the surname a sentence opens on ("Haruka Mori" for "Mori said …"),
 * or null. `kept`, one per article text, keeps each text's answers for the next ask.
 */
export function fullNameOf(sentence: string, articleTexts: readonly string[], kept?: readonly TextNames[]): string | null {
  const opener = SURNAME_OPENER.exec(sentence);
  if (!opener) return null;
  const surname = opener[1]!;
  // A country, bloc or party ("Democrats said …") is no surname; nor a common noun that only opens
  // the sentence with a capital ("Officials said …" where the articles write "officials").
  if (actorOf(surname) !== null) return null;
  // Each pattern is tried only on texts that hold the word at all (a plain substring search, which is
  // cheap next to the patterns' look-behinds at every position): the same answers, read faster.
  const lowerWord = surname.toLowerCase();
  let lower: RegExp | undefined;
  const usesLower = (t: string) => {
    lower ??= new RegExp(String.raw`(?<![\p{L}\p{N}'’-])${lowerWord}(?![\p{L}\p{N}'’-])`, 'u');
    return t.includes(lowerWord) && lower.test(t);
  };
  if (articleTexts.some((t, i) => answer(kept?.[i], surname, 'lower', () => usesLower(t)))) return null;
  const found = new Set<string>();
  let named: RegExp | undefined;
  const fullNames = (text: string): string[] => {
    if (!text.includes(surname)) return [];
    named ??= new RegExp(String.raw`(?<![\p{L}\p{N}'’.-])(\p{Lu}[\p{Ll}'’-]+)\s+${surname}(?![\p{L}\p{N}'’-])`, 'gu');
    return [...text.matchAll(named)].filter((m) => !NOT_FIRST_NAMES.has(m[1]!.toLowerCase())).map((m) => `${m[1]} ${surname}`);
  };
  articleTexts.forEach((text, i) => {
    for (const name of answer(kept?.[i], surname, 'full', () => fullNames(text))) found.add(name);
  });
  // Two people of one surname ("Ann Lee", "Tom Lee"): which one is meant is not for us to guess.
  return found.size === 1 ? [...found][0]! : null;
}

/** One text's answer about a surname, from `kept` when asked before (and kept there). */
function answer<K extends keyof SurnameUse>(
  kept: TextNames | undefined,
  surname: string,
  key: K,
  compute: () => NonNullable<SurnameUse[K]>,
) {
  if (!kept) return compute();
  let use = kept.get(surname);
  if (!use) kept.set(surname, (use = {}));
  return (use[key] ??= compute()) as NonNullable<SurnameUse[K]>;
}

/**
 * The suggestions, in reading order, with a surname that opens one given its full name (as the
 * articles give it) unless an earlier suggestion names that person in full already.
 */
export function introduceNames(texts: readonly string[], articleTexts: readonly string[], kept?: readonly TextNames[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const full = fullNameOf(text, articleTexts, kept);
    const introduced = full === null || out.some((t) => t.includes(full)) || text.includes(full);
    out.push(introduced ? text : text.replace(SURNAME_OPENER, `${full} `));
  }
  return out;
}
