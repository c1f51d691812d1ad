import type { Settings } from '../src/adapters/config/settings.js';
import type { PollOutcome } from '../src/core/poll/next-poll.js';
import type { Logger } from '../src/adapters/log/logger.js';
import type { Queues } from '../src/adapters/queue/queues.js';
import type { Store } from '../src/adapters/store/store.js';
import type { Article, Decision, ExtractedPage, ExtractionHints, FeedItem, FeedState, Outlet } from '../src/core/model/index.js';

/** What a fetch returns to the workers (the guarded client's result, trimmed). */
export interface Fetched {
  status: number;
  notModified: boolean;
  body: Buffer;
  contentType: string | null;
  finalUrl: string;
  permanentRedirect: string | null;
  etag: string | null;
  lastModified: string | null;
  cacheMaxAgeSeconds: number | null;
}

export interface ParsedFeedView {
  feed: { title: string | null; ttlMinutes: number | null };
  items: FeedItem[];
}

/** The cluster stage as the worker sees it: one writer that places an article. */
export interface ClusterPort {
  /**
   * Read the stored article and place it; null when it is not in the store. Idempotent for an
   * article already placed.
   */
  place(
    articleId: string,
  ): Promise<{ article: Article; storyId: string; isNewStory: boolean; duplicateOf: string | null; syndicated: boolean } | null>;
  /** Apply an editor's decision (move, merge, split, reject…) so later placements respect it. */
  apply(decision: Decision): Promise<void>;
}

/**
 * Everything a worker needs, bound once by the composition root (app/runtime.ts).
 * Workers call these ports; they never construct adapters themselves.
 */
export interface WorkerContext {
  settings: Settings;
  outlets: ReadonlyMap<string, Outlet>;
  store: Store;
  queues: Queues;
  log: Logger;
  now(): Date;
  /**
   * Guarded, polite fetch of a feed (conditional when etag/lastModified are given). A 429
   * pauses the whole host, in every process, not just this feed.
   */
  fetchFeed(url: string, outlet: Outlet, conditional: { etag: string | null; lastModified: string | null }): Promise<Fetched>;
  /** Guarded, polite fetch of an article page. */
  fetchPage(url: string, outlet: Outlet): Promise<Fetched>;
  /** robots.txt decision for an article page (true when allowed or not applicable). */
  robotsAllowed(url: string, outlet: Outlet): Promise<boolean>;
  /** Core feed parsing (decode, repair, rss-parser, normalise); throws StorydeskError. */
  parseFeed(bytes: Buffer, meta: { url: string; contentType: string | null; now: Date }): Promise<ParsedFeedView>;
  /** Core extraction; off the main thread when a pool runs it, so a slow page cannot stall job locks. */
  extract(
    bytes: Buffer,
    meta: { url: string; contentType: string | null; hints?: ExtractionHints; feedSummary: string },
  ): ExtractedPage | Promise<ExtractedPage>;
  /** When to poll next after an outcome (adaptive policy, back-off, Retry-After). */
  nextPollAt(state: FeedState, outcome: PollOutcome): Date;
  cluster: ClusterPort;
  /** Add articles to a story candidate (creating it); returns its size. Cheap: no suggestions. */
  addToStory(storyId: string, articleIds: string[]): Promise<number>;
  /** Recompute a candidate's suggestions unless it grew past `members` since (a newer job will). */
  refreshStory(storyId: string, members: number): Promise<'refreshed' | 'superseded' | 'missing'>;
}
