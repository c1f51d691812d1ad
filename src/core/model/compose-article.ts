import type { Article, ExtractedPage, ExtractionOutcome, FeedItem } from './article.js';

/**
 * The stored article from what the feed said and what the page gave. The page wins where it
 * has a value; the feed's summary stands in as text when the page yielded no body, so
 * nothing is lost and the desk can say why (outcome, errorCode).
 */
export function composeArticle(input: {
  id: string;
  outletId: string;
  feedId: string;
  item: FeedItem;
  page: ExtractedPage | null;
  outcome?: ExtractionOutcome;
  errorCode?: string;
  outletLanguage: string;
  maxChars: number;
  firstSeenAt: string;
  fetchedAt: string;
}): Article {
  const { item, page } = input;
  const body = page?.paragraphs.length ? page.paragraphs.join('\n\n') : item.summary;
  const article: Article = {
    id: input.id,
    outletId: input.outletId,
    feedId: input.feedId,
    url: item.link,
    canonicalUrl: item.canonicalUrl,
    title: page?.title || item.title || item.link,
    byline: page?.byline ?? item.author,
    published: page?.published ?? item.published ?? input.firstSeenAt,
    modified: page?.modified ?? null,
    lang: normaliseLang(page?.lang ?? item.language ?? input.outletLanguage),
    description: page?.description ?? null,
    image: page?.image ?? item.image,
    section: page?.section ?? null,
    text: body.length > input.maxChars ? body.slice(0, input.maxChars) : body,
    summary: item.summary,
    outcome: input.outcome ?? page?.outcome ?? 'fetch_failed',
    fetchedAt: input.fetchedAt,
  };
  if (input.errorCode) article.errorCode = input.errorCode;
  return article;
}

/** "en-GB" → "en", "ja_JP" → "ja": clustering compares by primary language. */
export function normaliseLang(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0] || 'und';
}
