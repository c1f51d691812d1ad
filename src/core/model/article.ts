/** One item of a feed after normalisation (core/poll output). */
export interface FeedItem {
  guid: string;
  link: string;
  canonicalUrl: string;
  title: string;
  summary: string;
  /** UTC ISO 8601, or null when the feed gives no usable date. */
  published: string | null;
  author: string | null;
  categories: string[];
  image: string | null;
  language: string | null;
}

/**
 * Why a fetched page did not yield an article body. The article is still stored, with the
 * feed's summary as its text, so nothing is lost and the desk can say why.
 */
export type ExtractionOutcome =
  | 'article'
  | 'not_article_index'
  | 'not_article_video'
  | 'paywall'
  | 'too_short'
  | 'fetch_failed'
  /** The extractor hit something it did not foresee; the feed's summary is kept. */
  | 'extraction_failed';

/** What core/extract returns for one page. */
export interface ExtractedPage {
  title: string | null;
  byline: string | null;
  published: string | null;
  modified: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  description: string | null;
  image: string | null;
  section: string | null;
  /** Main text as blocks (paragraphs, headings, list items), never glued together. */
  paragraphs: string[];
  outcome: ExtractionOutcome;
}

/** An article as stored: feed item + extracted page + where it came from. */
export interface Article {
  /** articleIdFor(canonicalUrl). */
  id: string;
  outletId: string;
  feedId: string;
  url: string;
  canonicalUrl: string;
  title: string;
  byline: string | null;
  /** UTC ISO; the most precise of the page's and the feed's date, else the time we first saw it (see pickPublished). */
  published: string;
  /** Which of them `published` is (absent on articles stored before it was recorded). */
  publishedFrom?: 'page' | 'feed' | 'first_seen';
  /** A page or feed date that was not believed (later than first sight), and why. */
  publishedIgnored?: string;
  modified: string | null;
  lang: string;
  description: string | null;
  image: string | null;
  section: string | null;
  /** Paragraphs joined by blank lines. */
  text: string;
  summary: string;
  outcome: ExtractionOutcome;
  /** Error code when outcome is fetch_failed (see docs/errors.md). */
  errorCode?: string;
  fetchedAt: string;
}
