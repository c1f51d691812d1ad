import type { Redis } from 'ioredis';
import type { Settings } from '../adapters/config/settings.js';
import { guardedFetch, type FetchOptions, type FetchResult } from '../adapters/http/fetch.js';
import { createPoliteness } from '../adapters/http/politeness.js';
import { createRobots } from '../adapters/http/robots.js';
import { userAgent } from '../adapters/http/user-agent.js';
import type { ExtractPool } from '../adapters/extract/pool.js';
import type { Keys } from '../adapters/keys.js';
import type { Logger } from '../adapters/log/logger.js';
import type { Queues } from '../adapters/queue/queues.js';
import { ClusterWriter } from '../adapters/store/cluster-writer.js';
import type { Store } from '../adapters/store/store.js';
import { extractArticle } from '../core/extract/index.js';
import type { Outlet } from '../core/model/index.js';
import { nextPollAt } from '../core/poll/next-poll.js';
import { parseFeed } from '../core/poll/parse.js';
import type { Fetched, WorkerContext } from '../../workers/context.js';
import { StoryUpdater } from '../adapters/store/story-updater.js';
import { fetchOptionsFrom } from './inputs.js';

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
  const robots = createRobots({ redis, keys, fetch: (url: string, outlet: Outlet) => politeFetch(url, outlet, fetchOptions(outlet, 'text/plain')), userAgent: agent, log });
  const clusterWriter = new ClusterWriter(redis, keys, { idleWindowMs: settings.CLUSTER_WINDOW_HOURS * 3_600_000 });
  const stories = new StoryUpdater(store, outlets);

  return {
    settings, outlets, store, queues, log,
    now: () => new Date(),
    fetchFeed: (url, outlet, conditional) =>
      politeFetch(url, outlet, { ...fetchOptions(outlet, 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5'), ...conditional }),
    fetchPage: (url, outlet) => politeFetch(url, outlet, fetchOptions(outlet, 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5')),
    robotsAllowed: (url, outlet) => robots.allowed(url, outlet),
    parseFeed: (bytes, meta) => parseFeed(bytes, { url: meta.url, contentType: meta.contentType, now: meta.now, maxItems: settings.POLL_MAX_ITEMS }),
    extract: (bytes, meta) => {
      const options = { url: meta.url, contentType: meta.contentType, hints: meta.hints, feedSummary: meta.feedSummary };
      return deps.extractPool ? deps.extractPool.extract(bytes, options) : extractArticle(bytes, options);
    },
    nextPollAt: (state, outcome) => {
      const baseSeconds = feedIntervals.get(state.feedId) ?? state.intervalSeconds ?? 900;
      const at = nextPollAt(state, outcome, {
        baseSeconds, minSeconds: settings.POLL_MIN_INTERVAL_S, maxSeconds: settings.POLL_MAX_INTERVAL_S,
        backoffCapSeconds: settings.POLL_MAX_INTERVAL_S, jitterRatio: 0, now: new Date(),
      });
      // The scheduler ticks every base interval; a decision landing on the next tick must not
      // make that tick a skip (the scheduler's start offset already spreads feeds out).
      return new Date(at.getTime() - Math.min(60_000, baseSeconds * 200));
    },
    cluster: {
      async place(article) {
        return clusterWriter.add({
          id: article.id, title: article.title, text: article.text, date: article.published, lang: article.lang, outlet: article.outletId, canonicalUrl: article.canonicalUrl,
        });
      },
      apply: (decision) => clusterWriter.apply(decision),
    },
    addToStory: async (storyId, articleIds) => (await stories.addMembers(storyId, articleIds)).articleIds.length,
    refreshStory: (storyId, members) => stories.refresh(storyId, members),
  };
}

function toFetched(result: FetchResult): Fetched {
  return {
    status: result.status, notModified: result.notModified, body: result.body, contentType: result.contentType, finalUrl: result.finalUrl,
    permanentRedirect: result.permanentRedirect, etag: result.etag, lastModified: result.lastModified, cacheMaxAgeSeconds: result.cacheMaxAgeSeconds,
  };
}
