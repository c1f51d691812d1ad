import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { parseOutlets } from '../../src/adapters/config/load.js';
import { keysFor } from '../../src/adapters/keys.js';
import { createLogger } from '../../src/adapters/log/logger.js';
import { createQueues } from '../../src/adapters/queue/queues.js';
import { createStore } from '../../src/adapters/store/store.js';
import type { Outlet } from '../../src/core/model/index.js';
import { reconcileSchedulers } from '../../workers/schedule.js';
import { procUsage, startRole } from './procs.js';
import { memoryByGroup, redisCpuSeconds, usedMemory, wipePrefix, type MemoryBreakdown } from './redis.js';
import { waitForHeartbeat } from './run-pipeline.js';
import { keepAllEvents, stageTiming } from './stages.js';

/** How the many-feeds run is set up. */
export interface FeedsRunOptions {
  repoRoot: string;
  redisUrl: string;
  redis: Redis;
  feeds: number;
  feedsPerOutlet: number;
  intervalSeconds: number;
  outletsFile: string;
  env: Record<string, string>;
  stallMs: number;
}

/** What registering many feeds and polling each once cost. */
export interface FeedsRunResult {
  feeds: number;
  /** reconcileSchedulers for every feed (feed state, first poll job, job scheduler), seconds. */
  setupSeconds: number;
  /** 304 answers served during the cycle. */
  requests: number;
  /** Poll jobs done, by outcome (scheduler ticks that fell in the cycle show up as not_due). */
  outcomes: Record<string, number>;
  cycleSeconds: number;
  pollCpuSeconds: number;
  redisCpuSeconds: number;
  /** Poll process CPU per 1,000 polls (requests), and Redis's on top. */
  cpuSecondsPer1000Polls: number;
  redisCpuSecondsPer1000Polls: number;
  redisBytesPerFeed: number;
  memoryPerFeed: Record<string, number>;
  memory: MemoryBreakdown;
  pollPeakRssMb: number;
}

/**
 * Registers `feeds` feeds, each its own job scheduler, against a loopback server answering
 * every request with 304, and runs one poll cycle (every feed's first poll) through a poll
 * role process. The scheduler set-up runs here, in the bench process, timed alone.
 */
export async function runFeeds(options: FeedsRunOptions): Promise<FeedsRunResult> {
  const { redis } = options;
  const server = await notModifiedServer();
  const prefix = `bench-feeds-${randomUUID().slice(0, 8)}`;
  const keys = keysFor(prefix);
  const outletCount = Math.ceil(options.feeds / options.feedsPerOutlet);
  const outlets: Outlet[] = parseOutlets(
    {
      outlets: Array.from({ length: outletCount }, (_, o) => ({
        id: `outlet-${o}`,
        name: `Outlet ${o}`,
        homepage: `${server.baseUrl}/o${o}/`,
        language: 'en',
        country: 'US',
        kind: 'newspaper',
        allowPrivateNetwork: true,
        politeness: { maxConcurrent: 64, minDelayMs: 0 },
        feeds: Array.from({ length: Math.min(options.feedsPerOutlet, options.feeds - o * options.feedsPerOutlet) }, (_, f) => ({
          id: `o${o}-f${f}`,
          url: `${server.baseUrl}/o${o}/f${f}.xml`,
          intervalSeconds: options.intervalSeconds,
        })),
      })),
    },
    'bench feeds',
  );
  writeFileSync(options.outletsFile, JSON.stringify({ outlets }));
  const env = { ...options.env, REDIS_URL: options.redisUrl, STORYDESK_PREFIX: prefix, STORYDESK_OUTLETS: options.outletsFile };

  const queues = createQueues(redis, keys);
  const store = createStore(redis, keys);
  const poller = startRole(options.repoRoot, 'poll', 'poll', env);
  try {
    await Promise.all(queues.all.map((q) => q.waitUntilReady()));
    await waitForHeartbeat(redis, keys, poller, options.stallMs);
    await keepAllEvents(redis, keys.bullPrefix, ['poll']);
    const memoryBefore = await usedMemory(redis);
    const cpuBefore = procUsage(poller.child.pid!).cpuSeconds;
    const redisCpuBefore = await redisCpuSeconds(redis);
    server.reset();

    const t0 = performance.now();
    await reconcileSchedulers(
      queues,
      store,
      outlets.flatMap((o) => o.feeds),
      createLogger('warn', { pretty: false }),
      new Date(),
    );
    const setupSeconds = (performance.now() - t0) / 1000;

    let lastCount = -1;
    let lastChange = Date.now();
    for (;;) {
      const counts = await queues.poll.getJobCounts('waiting', 'active', 'prioritized');
      const pending = (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0);
      if (server.requests() >= options.feeds && pending === 0) break;
      if (server.requests() !== lastCount) {
        lastCount = server.requests();
        lastChange = Date.now();
      }
      if (Date.now() - lastChange > options.stallMs)
        throw new Error(
          `poll cycle stalled at ${server.requests()} of ${options.feeds} requests; poll output: ${poller.output.slice(-1000)}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
    const cycleSeconds = (performance.now() - t0) / 1000;
    const pollCpuSeconds = procUsage(poller.child.pid!).cpuSeconds - cpuBefore;
    const redisCpu = (await redisCpuSeconds(redis)) - redisCpuBefore;
    const timing = await stageTiming(redis, keys.bullPrefix, 'poll');

    const memory = await memoryByGroup(redis, prefix);
    const eventBytes = Number((await redis.call('MEMORY', 'USAGE', `${keys.bullPrefix}:poll:events`, 'SAMPLES', '0')) ?? 0);
    if (memory['queue poll']) memory['queue poll'].bytes -= eventBytes;
    const memoryAfter = await usedMemory(redis);
    await poller.stop();
    const requests = server.requests();
    return {
      feeds: options.feeds,
      setupSeconds,
      requests,
      outcomes: timing.outcomes,
      cycleSeconds,
      pollCpuSeconds,
      redisCpuSeconds: redisCpu,
      cpuSecondsPer1000Polls: (pollCpuSeconds * 1000) / requests,
      redisCpuSecondsPer1000Polls: (redisCpu * 1000) / requests,
      redisBytesPerFeed: (memoryAfter - memoryBefore - eventBytes) / options.feeds,
      memoryPerFeed: Object.fromEntries(Object.entries(memory).map(([group, m]) => [group, m.bytes / options.feeds])),
      memory,
      pollPeakRssMb: poller.final?.peakRssMb ?? 0,
    };
  } finally {
    await poller.stop();
    await queues.close();
    await wipePrefix(redis, prefix);
    await server.close();
  }
}

/** A loopback server whose every feed is unchanged: 304 with an ETag, whatever was asked. */
async function notModifiedServer(): Promise<{ baseUrl: string; requests(): number; reset(): void; close(): Promise<void> }> {
  let count = 0;
  const server: Server = createServer((_req, res) => {
    count++;
    res.writeHead(304, { ETag: '"unchanged"', 'Cache-Control': 'max-age=60' });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests: () => count,
    reset: () => {
      count = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
