import { Redis } from 'ioredis';
import { keysFor } from '../../../src/adapters/keys.js';
import { createQueues, type Queues } from '../../../src/adapters/queue/queues.js';
import { createStore, type Store } from '../../../src/adapters/store/store.js';
import { progress, waitUntilIdle, type Progress } from '../../../src/cli/idle.js';
import { buildDemoWorld, demoOutlets, expectedGroups, generateWorld, startOutletsServer, type OutletsServer } from '../../../src/demo/index.js';
import type { Outlet } from '../../../src/core/model/index.js';
import { writeOutletsFile } from '../../helpers/processes.js';

/** Short lock and stall intervals: a killed worker's job is back in the queue within seconds. */
export const FAST_RECOVERY = { LOCK_DURATION_MS: '3000', STALLED_INTERVAL_MS: '1000', HEARTBEAT_MS: '500' } as const;

/** The fault runs' news: the hand-written demo stories plus a generated load, each on its own loopback server. */
export interface ServedWorld {
  servers: OutletsServer[];
  outlets: Outlet[];
  outletsFile: string;
  /** canonical URL → story key, for every article the feeds announce. */
  expected: Map<string, string>;
  /** The same for the hand-written demo stories only: well separated, so their grouping is known. */
  demoExpected: Map<string, string>;
  close(): Promise<void>;
}

/**
 * The demo's hand-written stories (well separated: the clusterer groups them the same in any
 * arrival order) plus a generated load of `load.articles` articles spread over 90 days, so
 * that a few hundred jobs are in flight. The generated stories share a few topic templates,
 * so their grouping depends on arrival order; the tests compare groupings on the demo stories.
 */
export async function serveFaultWorld(dir: string, load: { outlets: number; stories: number; articles: number }): Promise<ServedWorld> {
  const baseTime = new Date('2026-11-20T12:00:00Z');
  const demo = buildDemoWorld({ baseTime });
  const generated = generateWorld({ seed: 9, ...load, baseTime, spanHours: 90 * 24 });
  const servers = await Promise.all([demo, generated].map((world) => startOutletsServer(world, { port: 0, host: '127.0.0.1' })));
  // Politeness is per host:port and each world is one server: leave room for the leases a
  // killed process leaves behind until they expire.
  const politeness = { maxConcurrent: 64, minDelayMs: 0 };
  const outlets = [demo, generated].flatMap((world, i) => demoOutlets(world, servers[i]!.baseUrl, { intervalSeconds: 300, politeness }));
  const demoExpected = expectedGroups(demo, servers[0]!.baseUrl);
  const expected = new Map([...demoExpected, ...expectedGroups(generated, servers[1]!.baseUrl)]);
  return {
    servers, outlets, outletsFile: writeOutletsFile(dir, outlets), expected, demoExpected,
    close: async () => void (await Promise.all(servers.map((s) => s.close()))),
  };
}

/** The test's own view of one instance: store and queues on their own connection. */
export interface Inspector {
  redis: Redis;
  store: Store;
  queues: Queues;
  progress(): Promise<Progress>;
  untilIdle(timeoutMs: number): Promise<Progress>;
  close(): Promise<void>;
}

export function inspect(redisUrl: string, prefix: string): Inspector {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const keys = keysFor(prefix);
  const store = createStore(redis, keys);
  const queues = createQueues(redis, keys);
  return {
    redis, store, queues,
    progress: () => progress(store, queues),
    // The timeout says where the pipeline stood, so a failure explains itself.
    untilIdle: (timeoutMs) =>
      waitUntilIdle(store, queues, { quietMs: 1_500, timeoutMs, pollMs: 250 }).catch((error: Error & { progress?: Progress }) => {
        throw new Error(`${error.message}: ${JSON.stringify(error.progress ?? null)}`);
      }),
    close: async () => {
      await queues.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** What a finished run left in the store, reduced to what the guarantees talk about. */
export interface RunOutcome {
  /** Stored articles (one per id by construction of the store). */
  articles: number;
  /** Canonical URLs stored more than once under different ids. */
  duplicatedUrls: string[];
  /** Expected canonical URLs with no stored article. */
  missingUrls: string[];
  /** Stored articles no candidate holds. */
  unclustered: string[];
  /** Article ids listed twice in one candidate, or in two candidates. */
  doubledMembers: string[];
  /** The grouping: each candidate as its sorted canonical URLs, the list sorted. */
  groups: string[][];
  /** Candidates that mix two expected stories. */
  impure: number;
  /** The grouping of the hand-written demo stories: each candidate's demo members, sorted. */
  demoGroups: string[][];
}

/** Read the whole outcome of a run from the store. */
export async function outcomeOf(store: Store, expected: Map<string, string>, demoExpected: Map<string, string>): Promise<RunOutcome> {
  const articles = await store.articles.getMany(await store.articles.recentIds(100_000));
  const urlById = new Map(articles.map((a) => [a.id, a.canonicalUrl]));
  const idsByUrl = new Map<string, string[]>();
  for (const a of articles) idsByUrl.set(a.canonicalUrl, [...(idsByUrl.get(a.canonicalUrl) ?? []), a.id]);
  const stories = await store.stories.getMany(await store.stories.listIds(0, 100_000));
  const seen = new Map<string, number>();
  for (const story of stories) for (const id of story.articleIds) seen.set(id, (seen.get(id) ?? 0) + 1);
  const groups = stories
    .map((s) => s.articleIds.map((id) => urlById.get(id) ?? `missing:${id}`).sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  return {
    articles: articles.length,
    duplicatedUrls: [...idsByUrl].filter(([, ids]) => ids.length > 1).map(([url]) => url),
    missingUrls: [...expected.keys()].filter((url) => !idsByUrl.has(url)),
    unclustered: articles.filter((a) => !seen.has(a.id)).map((a) => a.id),
    doubledMembers: [...seen].filter(([, n]) => n > 1).map(([id]) => id),
    groups,
    impure: groups.filter((g) => new Set(g.map((url) => expected.get(url))).size > 1).length,
    demoGroups: groups.map((g) => g.filter((url) => demoExpected.has(url))).filter((g) => g.length > 0),
  };
}

/** Resolve when `check` holds, polling; reject after `timeoutMs` with `what`. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
