import { tokenize } from '../../core/cluster/index.js';
import type { Article, Outlet, StoryCandidate } from '../../core/model/index.js';
import { leanLabel } from '../../core/story/index.js';

/** Who did not cover a story, among the configured outlets (Ground News calls it a blindspot). */
export interface MissingCoverage {
  /** Configured outlets with no article in the candidate, by name. */
  outlets: Outlet[];
  /** Countries of configured outlets that no covering outlet comes from. */
  countries: string[];
  /** Leans and perspective tags of configured outlets that no covering outlet carries. */
  leans: string[];
  /** How many of each were configured (to say "3 of 12"). */
  configured: { outlets: number; countries: number; leans: number };
}

/** The leans an outlet carries: its perspective tags, with AllSides leans in their short form. */
export function leansOf(outlet: Outlet): string[] {
  return [...new Set(outlet.perspective.map((tag) => leanLabel(tag) ?? tag.trim()).filter(Boolean))];
}

/** Configured outlets, countries and leans that are absent from `covering` (outlet ids of the candidate). */
export function missingCoverage(covering: readonly string[], outlets: ReadonlyMap<string, Outlet>): MissingCoverage {
  const inside = new Set(covering);
  const all = [...outlets.values()];
  const present = all.filter((o) => inside.has(o.id));
  const countries = new Set(all.map((o) => o.country).filter(Boolean));
  const leans = new Set(all.flatMap(leansOf));
  const coveredCountries = new Set(present.map((o) => o.country));
  const coveredLeans = new Set(present.flatMap(leansOf));
  const byName = (a: string, b: string) => a.localeCompare(b);
  return {
    outlets: all.filter((o) => !inside.has(o.id)).sort((a, b) => byName(a.name, b.name)),
    countries: [...countries].filter((c) => !coveredCountries.has(c)).sort(byName),
    leans: [...leans].filter((l) => !coveredLeans.has(l)).sort(byName),
    configured: { outlets: all.length, countries: countries.size, leans: leans.size },
  };
}

/** A single-outlet candidate that probably belongs to this story. */
export interface StrayCandidate {
  id: string;
  title: string;
  outletId: string;
  /** Shared content words over the geometric mean of both sides' word counts (0..1). */
  score: number;
  shared: string[];
}

/** How many words of each article (headline first) describe it for the comparison. */
const WORDS_PER_ARTICLE = 80;
/**
 * Below this share of common words a single-outlet candidate is not pointed to. It is a floor
 * for a pointer the editor judges, not a clustering threshold: the list is ranked and short.
 */
const MIN_SCORE = 0.2;
/** Pointers shown at most. */
const MAX_STRAYS = 5;
/** Only candidates this close in time (ms) to the story's span are compared. */
const WINDOW_MS = 4 * 24 * 3600_000;

/** The content words of a set of articles: headline and lead, stemmed, stopwords out. */
export function wordsOf(articles: readonly Article[]): Set<string> {
  const words = new Set<string>();
  for (const a of articles) {
    const lead = a.text.slice(0, 1200);
    for (const token of tokenize(`${a.title}\n${lead}`, a.lang || 'en', WORDS_PER_ARTICLE).words) words.add(token.term);
  }
  return words;
}

/**
 * Open candidates covered by one outlet (not in this story) that share enough content words
 * with it, best first: the stray pieces an editor may want to merge in.
 */
export function strayCandidates(
  story: { id: string; articles: readonly Article[] },
  others: ReadonlyArray<{ story: StoryCandidate; articles: readonly Article[] }>,
): StrayCandidate[] {
  const mine = wordsOf(story.articles);
  if (!mine.size) return [];
  const times = story.articles.map((a) => Date.parse(a.published)).filter(Number.isFinite);
  const from = Math.min(...times) - WINDOW_MS;
  const to = Math.max(...times) + WINDOW_MS;
  const found: StrayCandidate[] = [];
  for (const other of others) {
    const { story: candidate, articles } = other;
    if (candidate.id === story.id || !articles.length || (candidate.status !== 'candidate' && candidate.status !== 'in_review')) continue;
    const outletIds = new Set(articles.map((a) => a.outletId));
    if (outletIds.size !== 1) continue;
    const when = Date.parse(articles[0]!.published);
    if (times.length && Number.isFinite(when) && (when < from || when > to)) continue;
    const theirs = wordsOf(articles);
    const shared = [...theirs].filter((w) => mine.has(w));
    const score = shared.length / Math.sqrt(mine.size * theirs.size || 1);
    const outletId = [...outletIds][0]!;
    if (score >= MIN_SCORE) found.push({ id: candidate.id, title: candidate.title ?? candidate.suggestedTitle, outletId, score, shared });
  }
  return found.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, MAX_STRAYS);
}
