/** A feed's polling health as the desk and `feeds status` show it. */
export type FeedStatus = 'new' | 'ok' | 'not_modified' | 'error' | 'gone' | 'paused';

/** Per-feed state kept in Redis between polls. */
export interface FeedState {
  feedId: string;
  outletId: string;
  /** Current URL (a permanent redirect updates it). */
  url: string;
  status: FeedStatus;
  paused: boolean;
  lastFetchAt: string | null;
  /** When the poller may fetch next (adaptive policy, back-off, Retry-After). */
  nextPollAt: string | null;
  etag: string | null;
  lastModified: string | null;
  consecutiveErrors: number;
  lastError: { code: string; message: string; at: string } | null;
  itemsSeen: number;
  lastNewItemAt: string | null;
  polls: number;
  /** Where the feed was registered: the outlets file, or `storydesk feeds add` at run time. */
  origin: 'config' | 'cli';
  /** Base poll interval of a feed added at run time (config feeds take theirs from the file). */
  intervalSeconds?: number;
}

/** The state of a feed we have never polled. */
export function initialFeedState(feedId: string, outletId: string, url: string, origin: 'config' | 'cli' = 'config'): FeedState {
  return {
    feedId,
    outletId,
    url,
    status: 'new',
    paused: false,
    lastFetchAt: null,
    nextPollAt: null,
    etag: null,
    lastModified: null,
    consecutiveErrors: 0,
    lastError: null,
    itemsSeen: 0,
    lastNewItemAt: null,
    polls: 0,
    origin,
  };
}
