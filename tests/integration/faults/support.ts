import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { keysFor } from '../../../src/adapters/keys.js';
import { createQueues, type Queues } from '../../../src/adapters/queue/queues.js';
import { createStore, type Store } from '../../../src/adapters/store/store.js';
import { progress, waitUntilIdle, type Progress } from '../../../src/cli/idle.js';
import {
  buildDemoWorld,
  demoOutlets,
  expectedGroups,
  generateWorld,
  startOutletsServer,
  type OutletsServer,
} from '../../../src/demo/index.js';
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
export async function serveFaultWorld(
  dir: string,
  load: { outlets: number; stories: number; articles: number },
  extra: { outlets: Outlet[]; urls: string[] } = { outlets: [], urls: [] },
): Promise<ServedWorld> {
  const baseTime = new Date('2026-11-20T12:00:00Z');
  const demo = buildDemoWorld({ baseTime });
  const generated = generateWorld({ seed: 9, ...load, baseTime, spanHours: 90 * 24 });
  const servers = await Promise.all([demo, generated].map((world) => startOutletsServer(world, { port: 0, host: '127.0.0.1' })));
  // Politeness is per host:port and each world is one server: leave room for the leases a
  // killed process leaves behind until they expire.
  const politeness = { maxConcurrent: 64, minDelayMs: 0 };
  const outlets = [
    ...[demo, generated].flatMap((world, i) => demoOutlets(world, servers[i]!.baseUrl, { intervalSeconds: 300, politeness })),
    ...extra.outlets,
  ];
  const demoExpected = expectedGroups(demo, servers[0]!.baseUrl);
  const expected = new Map([
    ...demoExpected,
    ...expectedGroups(generated, servers[1]!.baseUrl),
    ...extra.urls.map((url) => [url, `extra-${url}`] as const),
  ]);
  return {
    servers,
    outlets,
    outletsFile: writeOutletsFile(dir, outlets),
    expected,
    demoExpected,
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
    redis,
    store,
    queues,
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

/** An outlet whose article pages hang until released: jobs that outlast any shutdown grace. */
export interface SlowOutlet {
  outlet: Outlet;
  /** The article URLs its feed lists (also their canonical URLs). */
  urls: string[];
  /** Page requests waiting for an answer right now. */
  held(): number;
  /** Answer every held and future page request at once. */
  release(): void;
  close(): Promise<void>;
}

/** One RSS feed of `items` articles on its own loopback server; pages hang until `release()`. */
export async function startSlowOutlet(items: number): Promise<SlowOutlet> {
  const held: Array<() => void> = [];
  let released = false;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if (path === '/feed.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss());
    const n = Number(/^\/story-(\d+)$/.exec(path)?.[1] ?? NaN);
    if (!Number.isInteger(n)) return void res.writeHead(404).end();
    const answer = () => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(n));
    if (released) answer();
    else held.push(answer);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const urls = Array.from({ length: items }, (_, i) => `${base}/story-${i + 1}`);
  const title = (n: number) => `Slowtown lighthouse keeper number ${n} retires after ${20 + n} years`;
  const rss = () =>
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Slow Gazette</title><link>${base}/</link>` +
    urls
      .map(
        (url, i) =>
          `<item><title>${title(i + 1)}</title><link>${url}</link><guid>${url}</guid><description>Keeper ${i + 1} retires.</description><pubDate>${new Date(Date.UTC(2026, 10, 20, 6, i)).toUTCString()}</pubDate></item>`,
      )
      .join('') +
    '</channel></rss>';
  const page = (n: number) =>
    `<!doctype html><html lang="en"><head><title>${title(n)}</title><link rel="canonical" href="${base}/story-${n}"></head><body><article><h1>${title(n)}</h1>` +
    Array.from(
      { length: 6 },
      (_, p) =>
        `<p>Paragraph ${p + 1} about keeper ${n} of the Slowtown lighthouse, who climbed ${100 + n * 7} steps every night and logged ${n * 13} passing ships in the harbour ledger.</p>`,
    ).join('') +
    '</article></body></html>';
  const outlet: Outlet = {
    id: 'slow-gazette',
    name: 'Slow Gazette',
    homepage: `${base}/`,
    language: 'en',
    country: 'GB',
    kind: 'newspaper',
    perspective: [],
    feeds: [{ id: 'slow-gazette-main', outletId: 'slow-gazette', url: `${base}/feed.xml`, intervalSeconds: 300 }],
    allowPrivateNetwork: true,
    politeness: { maxConcurrent: 16, minDelayMs: 0 },
  };
  return {
    outlet,
    urls,
    held: () => held.length,
    release: () => {
      released = true;
      for (const answer of held.splice(0)) answer();
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
