import type { ExtractionHints } from '../model/index.js';

/** What the caller knows about a page besides its bytes. */
export interface ExtractOptions {
  /** The page's address: resolves relative links and is the fallback base URL. */
  url: string;
  /** The HTTP Content-Type header, used for the charset of byte input. */
  contentType?: string | null;
  /** Per-outlet selectors to keep or drop (outlet config). */
  hints?: ExtractionHints;
  /** The feed item's summary; lets us tell a teaser-only page from an article. */
  feedSummary?: string;
  /** Bounds on the work done per page (defaults in DEFAULT_LIMITS). */
  limits?: Partial<ExtractLimits>;
}

/** Bounds that keep extraction cheap on huge or hostile pages. */
export interface ExtractLimits {
  /** Characters of decoded HTML parsed; the rest is dropped. */
  maxInputChars: number;
  /** Element nesting kept; deeper subtrees are cut off before any walk. */
  maxDepth: number;
  /** Fewer body characters than this (or CJK equivalents) makes the page `too_short`. */
  minArticleChars: number;
}

/** Defaults sized for news pages: the largest real pages are a few MB and nest < 100 deep. */
export const DEFAULT_LIMITS: ExtractLimits = {
  maxInputChars: 6_000_000,
  maxDepth: 200,
  minArticleChars: 250,
};

/** Options merged with the defaults. */
export function limitsOf(options: ExtractOptions): ExtractLimits {
  return { ...DEFAULT_LIMITS, ...(options.limits ?? {}) };
}
