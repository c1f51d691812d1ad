import type { Article, Outlet } from '../../model/index.js';
import { splitSentences, type Sentence } from './split-sentences.js';
import { contentStems } from './content-stems.js';
import { cleanSentence } from './sentence-hygiene.js';
import { sentenceRole, type SentenceRole } from './sentence-role.js';
import type { SentenceCache } from './sentence-cache.js';

/** A sentence of one article, ready for matching: cleaned of datelines and stray marks, with its role. */
export interface GroupSentence extends Sentence {
  articleId: string;
  outletId: string;
  /** Stemmed content words, in order. */
  stems: string[];
  /** What the sentence does: states a fact, forecasts, quotes or argues, or is page furniture. */
  role: SentenceRole;
}

/** One article of the group with what the suggesters need to know about it. */
export interface GroupArticle {
  article: Article;
  outlet: Outlet;
  /** An opinion or analysis piece: it provides a narrative, not facts. */
  opinion: boolean;
  /** A lean given with the article (AllSides "left", "lean right"…), or null. */
  lean: string | null;
  sentences: GroupSentence[];
}

/** The articles of one candidate, in order of first report. */
export interface Group {
  articles: GroupArticle[];
  /** Outlet ids in order of first report. */
  outletOrder: string[];
  outlets: Map<string, Outlet>;
  /** The story's cache of per-article sentence data, when it has one (refreshes of a growing story). */
  cache?: SentenceCache;
}

// Sections whose pieces argue rather than report.
const OPINION_SECTION = /\b(opinion|op-?ed|commentary|editorials?|analysis|column|columnists?|views?|perspective)\b/i;

/** True when an article is opinion or analysis, by its section or its outlet's kind. */
export function isOpinionPiece(article: Article, outlet: Outlet): boolean {
  return outlet.kind === 'opinion' || (article.section !== null && OPINION_SECTION.test(article.section));
}

/** True for a list of outlets rather than a map. */
function isOutletList(outlets: ReadonlyMap<string, Outlet> | readonly Outlet[]): outlets is readonly Outlet[] {
  return Array.isArray(outlets);
}

/** Outlet list or map → map by id (a copy). */
export function outletMap(outlets: ReadonlyMap<string, Outlet> | readonly Outlet[]): Map<string, Outlet> {
  return isOutletList(outlets) ? new Map(outlets.map((o) => [o.id, o])) : new Map(outlets);
}

/** An outlet we know nothing about except its id: named by it, so nothing is dropped. */
function unknownOutlet(id: string): Outlet {
  return { id, name: id, homepage: '', language: 'en', country: '', kind: 'digital', perspective: [], feeds: [] };
}

/**
 * An article's sentences as the suggesters read them: split, cleaned, stemmed and given a role.
 * They depend on the article alone, so a caller may keep them per article between refreshes.
 */
export function articleSentences(article: Article): GroupSentence[] {
  const split = splitSentences(article.text);
  const perParagraph = new Map<number, number>();
  for (const s of split) perParagraph.set(s.paragraph, (perParagraph.get(s.paragraph) ?? 0) + 1);
  return split.map((s) => {
    const text = cleanSentence(s.text);
    return {
      ...s,
      text,
      articleId: article.id,
      outletId: article.outletId,
      stems: contentStems(text),
      role: quotedOrOwnRole(s, text, article.published, perParagraph.get(s.paragraph) === 1),
    };
  });
}

/** A sentence's role; one inside a quotation of several sentences is the speaker's words, however it reads alone. */
function quotedOrOwnRole(sentence: Sentence, text: string, published: string, aloneInParagraph: boolean): SentenceRole {
  const role = sentenceRole(text, published, { aloneInParagraph });
  return sentence.quotation && role !== 'furniture' ? 'quote' : role;
}

/** Build the group: articles sorted by publication (stable), sentences split and stemmed (or taken from the story's cache). */
export function buildGroup(
  articles: readonly Article[],
  outlets: ReadonlyMap<string, Outlet>,
  leans: ReadonlyMap<string, string> = new Map(),
  cache?: SentenceCache,
): Group {
  const sorted = articles
    .map((article, order) => ({ article, order }))
    .sort((a, b) => a.article.published.localeCompare(b.article.published) || a.order - b.order)
    .map((x) => x.article);
  const known = new Map(outlets);
  const groupArticles = sorted.map((article): GroupArticle => {
    const outlet = known.get(article.outletId) ?? unknownOutlet(article.outletId);
    known.set(outlet.id, outlet);
    return {
      article,
      outlet,
      opinion: isOpinionPiece(article, outlet),
      lean: leans.get(article.id) ?? null,
      sentences: cache ? cache.sentencesOf(article, () => articleSentences(article)) : articleSentences(article),
    };
  });
  const outletOrder = [...new Set(groupArticles.map((a) => a.outlet.id))];
  return { articles: groupArticles, outletOrder, outlets: known, ...(cache ? { cache } : {}) };
}
