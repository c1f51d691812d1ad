import { words } from './content-stems.js';

/**
 * The actors a story is about (countries, blocs, parties), found through the words that name
 * them: "Chinese" and "Beijing" both mean China. Used to tell which of an outlet's perspective
 * tags speaks to this story ("pro-China" on a China–Japan story, not "pro-Russia").
 */
const ALIASES: Record<string, string[]> = {
  China: ['china', 'chinese', 'beijing', 'prc'],
  Japan: ['japan', 'japanese', 'tokyo'],
  US: ['us', 'usa', 'america', 'american', 'americans', 'washington', 'u'],
  Russia: ['russia', 'russian', 'russians', 'moscow', 'kremlin'],
  Ukraine: ['ukraine', 'ukrainian', 'ukrainians', 'kyiv', 'kiev'],
  Taiwan: ['taiwan', 'taiwanese', 'taipei'],
  India: ['india', 'indian', 'delhi'],
  Pakistan: ['pakistan', 'pakistani', 'islamabad'],
  Israel: ['israel', 'israeli', 'israelis'],
  Palestine: ['palestine', 'palestinian', 'palestinians', 'gaza', 'hamas'],
  Iran: ['iran', 'iranian', 'tehran'],
  UK: ['uk', 'britain', 'british', 'london'],
  EU: ['eu', 'european', 'brussels'],
  Germany: ['germany', 'german', 'berlin'],
  France: ['france', 'french', 'paris'],
  Turkey: ['turkey', 'turkish', 'ankara', 'türkiye'],
  'North Korea': ['pyongyang', 'dprk'],
  'South Korea': ['seoul'],
  Korea: ['korea', 'korean'],
  Democrats: ['democrat', 'democrats', 'democratic'],
  Republicans: ['republican', 'republicans', 'gop'],
  NATO: ['nato'],
};

// Lower-cased actor name or alias → actor, looked up once per word (mainActors reads every word
// of a story). The first actor listed that claims a name keeps it, as a scan of ALIASES would.
const ACTOR_BY_NAME = new Map<string, string>();
for (const [actor, aliases] of Object.entries(ALIASES)) {
  for (const name of [actor.toLowerCase(), ...aliases]) if (!ACTOR_BY_NAME.has(name)) ACTOR_BY_NAME.set(name, actor);
}

/** Canonical actor name for a word or tag target ("Chinese" → "China"), or null. */
export function actorOf(word: string): string | null {
  return ACTOR_BY_NAME.get(word.toLowerCase().replace(/\./g, '')) ?? null;
}

/** Actors named in the texts, most named first (ties: first named first). */
export function mainActors(texts: string[]): string[] {
  return rankActors(texts.map(actorCounts));
}

/** How often one text names each actor, in order of first naming. */
export function actorCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  // "U.S." splits into "u", "s": only count "u" when it is that abbreviation.
  const tokens = words(text.replace(/\bU\.S\.?/g, ' usa '));
  for (const token of tokens) {
    if (token === 'u' || token === 'us') continue; // "us" is usually the pronoun
    const actor = actorOf(token);
    if (actor) counts.set(actor, (counts.get(actor) ?? 0) + 1);
  }
  return counts;
}

/** Actors of several texts' counts (actorCounts, in text order), most named first (ties: first named first). */
export function rankActors(perText: readonly ReadonlyMap<string, number>[]): string[] {
  const counts = new Map<string, number>();
  for (const text of perText) for (const [actor, n] of text) counts.set(actor, (counts.get(actor) ?? 0) + n);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([actor]) => actor);
}
