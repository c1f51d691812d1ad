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
    ...pickPublished(page?.published ?? null, item.published, input.firstSeenAt),
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

/** Where an article's time came from. */
export type PublishedSource = 'page' | 'feed' | 'first_seen';

const DAY_MS = 86_400_000;

/**
 * The article's time: the most precise of the page's and the feed's. A page date at exactly
 * midnight UTC is most likely a calendar day without a time (`<meta name="publishdate"
 * content="2026-12-03">`); when the feed gives a time within a day and a half of it, the feed's
 * time is the better reading (a day-only page date would otherwise put an afternoon article
 * hours before its story). Otherwise the page's date wins, then the feed's, then first sight.
 * A date after first sight is not believed, and `publishedIgnored` says which and why.
 */
export function pickPublished(
  page: string | null,
  feed: string | null,
  firstSeen: string,
): { published: string; publishedFrom: PublishedSource; publishedIgnored?: string } {
  const late = (date: string | null) => date !== null && Date.parse(date) > Date.parse(firstSeen) + SKEW_MS;
  const picked = pickBelievable(late(page) ? null : page, late(feed) ? null : feed, firstSeen);
  const ignored = [late(page) ? `page date ${page}` : '', late(feed) ? `feed date ${feed}` : ''].filter(Boolean);
  if (ignored.length === 0) return picked;
  return { ...picked, publishedIgnored: `${ignored.join(' and ')} later than first sight (${firstSeen})` };
}

/**
 * Minutes of clock skew between an outlet's server and ours. A date later than first sight by
 * more is no publication time: a local time written as UTC (Tokyo's evening as "Z"), a
 * placeholder, a typo. Believed, it would put the article in the future, and the clusterer,
 * whose clock follows the latest article, would take every story of the last days for idle.
 */
const SKEW_MS = 15 * 60_000;

function pickBelievable(
  page: string | null,
  feed: string | null,
  firstSeen: string,
): { published: string; publishedFrom: PublishedSource } {
  if (page && feed && isMidnightUtc(page) && !isMidnightUtc(feed) && Math.abs(Date.parse(feed) - Date.parse(page)) < 1.5 * DAY_MS) {
    return { published: feed, publishedFrom: 'feed' };
  }
  if (page) return { published: page, publishedFrom: 'page' };
  if (feed) return { published: feed, publishedFrom: 'feed' };
  return { published: firstSeen, publishedFrom: 'first_seen' };
}

function isMidnightUtc(iso: string): boolean {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && ms % DAY_MS === 0;
}
