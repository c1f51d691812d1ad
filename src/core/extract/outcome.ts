import type { ExtractionOutcome } from '../model/index.js';
import type { PageSignals } from './signals.js';
import { weightedLength } from './text.js';

/** Teaser count from which a page without article evidence is an index (section front, home). */
const INDEX_TEASERS = 8;

/**
 * Is this page an article, and if not, why. A short body is a paywall stub when the page
 * says it is locked, video-only when a player is its content, an index when it is a page of
 * teasers, else too short. A body no longer than the feed's own summary counts as short.
 */
export function decideOutcome(
  paragraphs: string[],
  signals: PageSignals,
  minArticleChars: number,
  feedSummary: string | undefined,
): ExtractionOutcome {
  const length = weightedLength(paragraphs.join(' '));
  if (!signals.articleEvidence && signals.teasers >= INDEX_TEASERS) return 'not_article_index';
  const summaryLength = feedSummary ? weightedLength(feedSummary.trim()) : 0;
  const short = length < minArticleChars || (summaryLength > 0 && length <= summaryLength * 1.2);
  if (!short) return 'article';
  if (signals.paywall) return 'paywall';
  if (signals.video) return 'not_article_video';
  if (!signals.articleEvidence && signals.teasers >= 3) return 'not_article_index';
  return 'too_short';
}
