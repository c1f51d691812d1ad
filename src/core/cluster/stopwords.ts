import lists from 'stopwords-iso' with { type: 'json' };

/**
 * English function words and newsroom filler ("said", "reported") that carry no event.
 * Kept short on purpose: idf already discounts common words; this list removes the ones
 * that are common in every story and would otherwise link unrelated stories.
 */
const ENGLISH = `a about above after again against all almost also although am among an and another any anyone
are around as at be became because been before being below between both but by can could did do does doing
done down during each either else even ever every few for from further get gets getting got had has have having
he her here hers herself him himself his how however i if in into is it its itself just least less let like
made make many may me might more most much must my myself near neither no nor not now of off often on once one only
or other others our ours ourselves out over own per rather said same say says saying she should since so some
still such than that the their theirs them themselves then there these they this those though through thus to too
toward towards under until up upon us very via was we were what whatever when where whether which while who whom
whose why will with within without would yet you your yours yourself yourselves
amid told tells tell according report reports reported reporting new news week weeks day days monday tuesday wednesday
thursday friday saturday sunday today yesterday tomorrow year years time times mr mrs ms dr`;

const SETS = new Map<string, ReadonlySet<string>>([['en', new Set(ENGLISH.split(/\s+/).filter(Boolean))]]);

/**
 * The stopwords of a language: English's own list above, any other language's from
 * stopwords-iso (ISO 639-1 codes, 57 languages besides English). Without one, a language's
 * function words ("der", "und", "de", "la") are in every article, and while its window holds
 * few articles idf cannot tell them from content words (the window is read as 1,000 articles,
 * `text.idfMinDocs`): five German reports of five events were one story.
 */
function stopwordsOf(lang: string): ReadonlySet<string> | undefined {
  let set = SETS.get(lang);
  if (!set && Object.hasOwn(lists, lang)) {
    set = new Set((lists as Record<string, string[]>)[lang]!.map((word) => word.toLowerCase()));
    SETS.set(lang, set);
  }
  return set;
}

/** Whether `word` (lower-cased) is a stopword of `lang`; languages without a list have none. */
export function isStopword(word: string, lang: string): boolean {
  return stopwordsOf(lang)?.has(word) ?? false;
}
