import type { Redis } from 'ioredis';
import type { Settings } from '../src/adapters/config/settings.js';
import { guardedFetch, type FetchOptions, type FetchResult } from '../src/adapters/http/fetch.js';
import { createPoliteness } from '../src/adapters/http/politeness.js';
import { createRobots } from '../src/adapters/http/robots.js';
import { userAgent } from '../src/adapters/http/user-agent.js';
import type { ExtractPool } from '../src/adapters/extract/pool.js';
import type { Keys } from '../src/adapters/keys.js';
import type { Logger } from '../src/adapters/log/logger.js';
import type { Queues } from '../src/adapters/queue/queues.js';
import { ClusterWriter } from '../src/adapters/store/cluster-writer.js';
import type { Store } from '../src/adapters/store/store.js';
import { extractArticle } from '../src/core/extract/index.js';
import { clusterArticleOf } from '../src/core/cluster/index.js';
import type { Outlet } from '../src/core/model/index.js';
import { nextPollAt } from '../src/core/poll/next-poll.js';
import { parseFeed } from '../src/core/poll/parse.js';
import type { Fetched, WorkerContext } from '../workers/context.js';
import { StoryUpdater } from '../src/adapters/store/story-updater.js';
import { fetchOptionsFrom } from '../src/cli/inputs.js';

/** Poll interval of a feed the config no longer lists (removed since it was scheduled): the config's default. */
const MS_PER_HOUR = 3_600_000;
const FALLBACK_INTERVAL_SECONDS = 900;
/**
 * A next-poll time is moved this much earlier than the policy says, so that the scheduler's
 * tick landing on it (every base interval, from a jittered start) finds the feed due rather
 * than skipping it for a whole interval: a fifth of the interval, and never more than a minute.
 */
const DUE_EARLY_FRACTION = 0.2;
const DUE_EARLY_MAX_MS = 60_000;
/** What the poller accepts for a feed: the syndication types first, any XML next, anything last. */
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

export interface ContextDeps {
  settings: Settings;
  outlets: readonly Outlet[];
  store: Store;
  queues: Queues;
  log: Logger;
  redis: Redis;
  keys: Keys;
  /** Runs extraction in worker threads; without it extraction runs inline. */
  extractPool?: ExtractPool;
}

/**
 * The composition root of the workers: binds each port of WorkerContext to its adapter or
 * core function, with the limits from config.
 */
export async function buildWorkerContext(deps: ContextDeps): Promise<WorkerContext & { outlets: Map<string, Outlet> }> {
  const { settings, store, queues, log, redis, keys } = deps;
  const outlets = new Map(deps.outlets.map((o) => [o.id, o]));
  const feedIntervals = new Map(deps.outlets.flatMap((o) => o.feeds.map((f) => [f.id, f.intervalSeconds] as const)));
  const politeness = createPoliteness(redis, keys, { maxConcurrent: settings.HOST_MAX_CONCURRENT, minDelayMs: settings.HOST_MIN_DELAY_MS });
  const agent = userAgent(settings.STORYDESK_CONTACT_URL);
  const fetchOptions = (outlet: Outlet, accept: string): FetchOptions => ({
    ...fetchOptionsFrom(settings, accept),
    allowPrivateNetwork: outlet.allowPrivateNetwork ?? false,
  });
  const politeFetch = (url: string, outlet: Outlet, options: FetchOptions) =>
    politeness.withHost(url, outlet.politeness, () => guardedFetch(url, options)).then(toFetched);
  const robots = createRobots({
    redis,
    keys,
    fetch: (url: string, outlet: Outlet) => politeFetch(url, outlet, fetchOptions(outlet, 'text/plain')),
    userAgent: agent,
    log,
  });
  const clusterWriter = new ClusterWriter(redis, keys, { idleWindowMs: settings.CLUSTER_WINDOW_HOURS * MS_PER_HOUR });
  const stories = new StoryUpdater(store, outlets);

  return {
    settings,
    outlets,
    store,
    queues,
    log,
    now: () => new Date(),
    fetchFeed: (url, outlet, conditional) => politeFetch(url, outlet, { ...fetchOptions(outlet, FEED_ACCEPT), ...conditional }),
    fetchPage: (url, outlet) => politeFetch(url, outlet, fetchOptions(outlet, PAGE_ACCEPT)),
    robotsAllowed: (url, outlet) => robots.allowed(url, outlet),
    parseFeed: (bytes, meta) =>
      parseFeed(bytes, { url: meta.url, contentType: meta.contentType, now: meta.now, maxItems: settings.POLL_MAX_ITEMS }),
    extract: (bytes, meta) => {
      const options = { url: meta.url, contentType: meta.contentType, hints: meta.hints, feedSummary: meta.feedSummary };
      return deps.extractPool ? deps.extractPool.extract(bytes, options) : extractArticle(bytes, options);
    },
    nextPollAt: (state, outcome) => {
      const baseSeconds = feedIntervals.get(state.feedId) ?? state.intervalSeconds ?? FALLBACK_INTERVAL_SECONDS;
      const at = nextPollAt(state, outcome, {
        baseSeconds,
        minSeconds: settings.POLL_MIN_INTERVAL_S,
        maxSeconds: settings.POLL_MAX_INTERVAL_S,
        // No jitter here: the scheduler's jittered start already spreads the feeds out.
        backoffCapSeconds: settings.POLL_MAX_INTERVAL_S,
        jitterRatio: 0,
        now: new Date(),
      });
      return new Date(at.getTime() - Math.min(DUE_EARLY_MAX_MS, Math.round(baseSeconds * 1000 * DUE_EARLY_FRACTION)));
    },
    cluster: {
      async place(articleId) {
        // The article's read and the writer's epoch check go out together: one round trip.
        const reading = store.articles.get(articleId);
        const assignment = await clusterWriter.addRead(reading.then((article) => article && clusterArticleOf(article)));
        const article = await reading;
        return assignment && article && { article, ...assignment };
      },
      apply: (decision) => clusterWriter.apply(decision),
    },
    addToStory: async (storyId, articleIds) => (await stories.addMembers(storyId, articleIds)).articleIds.length,
    refreshStory: (storyId, members) => stories.refresh(storyId, members),
  };
}

function toFetched(result: FetchResult): Fetched {
  return {
    status: result.status,
    notModified: result.notModified,
    body: result.body,
    contentType: result.contentType,
    finalUrl: result.finalUrl,
    permanentRedirect: result.permanentRedirect,
    etag: result.etag,
    lastModified: result.lastModified,
    cacheMaxAgeSeconds: result.cacheMaxAgeSeconds,
  };
}
