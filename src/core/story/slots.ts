import type { Group, GroupArticle, GroupSentence } from './group.js';
import { SAME_FACT_THRESHOLD, sentenceMatch } from './matching.js';
import { perspectiveLabel } from './perspective.js';

/** A suggested narrative slot: who provides it, under which label, and what only they say. */
export interface SuggestedSlot {
  /** Short perspective label ("Pro-China"). */
  label: string;
  outletId: string;
  /** The outlet's articles in the group. */
  articles: string[];
  /** Sentences of this outlet that no other outlet says, in reading order. */
  excerpts: string[];
}

const MAX_EXCERPTS = 3;
const MIN_EXCERPT_WORDS = 3;

/** Opinion, state media and opinion pieces provide narratives first. */
function providesFirst(articles: GroupArticle[]): boolean {
  return articles.some((a) => a.opinion || a.outlet.kind === 'state-media' || a.outlet.kind === 'opinion');
}

/** The outlet's sentences that no sentence of another outlet matches. */
export function ownSentences(outletId: string, all: GroupSentence[]): GroupSentence[] {
  const others = all.filter((s) => s.outletId !== outletId);
  return all.filter(
    (s) =>
      s.outletId === outletId &&
      s.stems.length >= MIN_EXCERPT_WORDS &&
      others.every((o) => sentenceMatch(s, o) < SAME_FACT_THRESHOLD),
  );
}

/**
 * One slot per outlet that can provide a narrative: opinion and state-media outlets (and
 * outlets whose piece is opinion) first, then the rest in order of first report. A wire
 * service that says nothing of its own gets no slot: it reports, it does not frame.
 */
export function suggestNarratives(group: Group, actors: string[]): SuggestedSlot[] {
  const all = group.articles.flatMap((a) => a.sentences);
  const slots = group.outletOrder.map((outletId) => {
    const articles = group.articles.filter((a) => a.outlet.id === outletId);
    const first = articles[0]!;
    const excerpts = ownSentences(outletId, all)
      .slice(0, MAX_EXCERPTS)
      .map((s) => s.text);
    const slot: SuggestedSlot = {
      label: perspectiveLabel(first.outlet, { lean: articles.find((a) => a.lean)?.lean ?? null, actors }),
      outletId,
      articles: articles.map((a) => a.article.id),
      excerpts,
    };
    return { slot, first: providesFirst(articles), canProvide: first.outlet.kind !== 'wire' || excerpts.length > 0 };
  });
  return [...slots.filter((s) => s.first), ...slots.filter((s) => !s.first)].filter((s) => s.canProvide).map((s) => s.slot);
}
