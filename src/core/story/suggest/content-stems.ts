/**
 * Words of news text for matching sentences across outlets: lower-cased runs of letters and
 * digits, a stop list of function words, and a light suffix stemmer so "talks"/"talk" and
 * "launched"/"launch" meet.
 */

const STOP_WORDS = new Set(
  (
    'a an the of to in on at by for with from as into onto over under about after before ' +
    'and or but nor so yet if then than that this these those there here ' +
    'is are was were be been being am do does did done has have had having ' +
    'it its he him his she her hers they them their theirs we us our you your i me my ' +
    'will would shall should can could may might must ' +
    'not no also just only very more most such some any all each both other which who whom whose what when where why how ' +
    's t d ll re ve m'
  ).split(' '),
);

/** Lower-cased letter/digit runs, as the scorer and ROUGE see them. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** True for function words that carry no content. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** A crude English suffix stemmer: enough to match inflections, never shown to anyone. */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  for (const suffix of ['ingly', 'ings', 'ing', 'edly', 'ies', 'ied', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const base = word.slice(0, -suffix.length);
      return suffix === 'ies' || suffix === 'ied' ? base + 'y' : base;
    }
  }
  return word;
}

/** Stemmed content words of a text, in order (repeats kept). */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !isStopWord(w))
    .map(stem);
}
