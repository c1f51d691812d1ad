import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorydeskError } from '../../src/core/model/index.js';
import { keysFor } from '../../src/adapters/keys.js';
import { guardedFetch, type FetchOptions } from '../../src/adapters/http/fetch.js';
import { createPoliteness, hostPortOf, type HostLimiter, type PolitenessDefaults } from '../../src/adapters/http/politeness.js';
import { startServer, type LoopbackServer } from '../adapters/http/loopback-server.js';
import { testPrefix, testRedis, wipePrefix } from '../helpers/redis.js';

// Server-side clocks differ from Redis's by the loopback latency of a request: allow that much.
const SLACK_MS = 30;

const fetchOptions: FetchOptions = {
  timeouts: { connectMs: 2000, firstByteMs: 5000, totalMs: 10_000 },
  maxBytes: 10_000,
  maxRedirects: 0,
  userAgent: 'storydesk-test',
  allowPrivateNetwork: true,
};

/** What the server saw: each request's arrival and how many were in flight at once. */
interface ServerView {
  server: LoopbackServer;
  starts: Map<string, number>;
  maxInFlight: number;
}

async function recordingServer(holdMs: number, status = 200, headers: Record<string, string> = {}): Promise<ServerView> {
  const view: ServerView = { server: undefined as unknown as LoopbackServer, starts: new Map(), maxInFlight: 0 };
  let inFlight = 0;
  view.server = await startServer((req, res) => {
    view.starts.set(req.url ?? '', performance.now());
    inFlight++;
    view.maxInFlight = Math.max(view.maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      res.writeHead(status, headers).end('ok');
    }, holdMs);
  });
  servers.push(view.server);
  return view;
}

let prefix: string;
let clients: Redis[] = [];
let servers: LoopbackServer[] = [];

/** A limiter with its own Redis connection, as a separate process would have. */
function processLimiter(defaults: Partial<PolitenessDefaults> = {}): HostLimiter {
  const redis = testRedis();
  clients.push(redis);
  return createPoliteness(redis, keysFor(prefix), { maxConcurrent: 1, minDelayMs: 0, ...defaults });
}

function sortedStarts(view: ServerView): number[] {
  return [...view.starts.values()].sort((a, b) => a - b);
}

beforeEach(() => {
  prefix = testPrefix('polite');
});
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  const [first] = clients;
  if (first) await wipePrefix(first, prefix);
  await Promise.all(clients.map((c) => c.quit()));
  clients = [];
});

describe('per-host politeness across processes', () => {
  it('never runs more than maxConcurrent requests on one host at once', async () => {
    const view = await recordingServer(60);
    const [a, b] = [processLimiter(), processLimiter()];
    const politeness = { maxConcurrent: 2, minDelayMs: 0 };
    const runs = Array.from({ length: 12 }, (_, i) =>
      (i % 2 ? a : b).withHost(view.server.origin, politeness, () => guardedFetch(`${view.server.origin}/r${i}`, fetchOptions)),
    );
    const results = await Promise.all(runs);
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(view.starts.size).toBe(12);
    expect(view.maxInFlight).toBe(2);
  });

  it('spaces request starts on one host by minDelayMs', async () => {
    const view = await recordingServer(5);
    const [a, b] = [processLimiter(), processLimiter()];
    const politeness = { maxConcurrent: 4, minDelayMs: 150 };
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? a : b).withHost(view.server.origin, politeness, () => guardedFetch(`${view.server.origin}/s${i}`, fetchOptions)),
      ),
    );
    const starts = sortedStarts(view);
    expect(starts).toHaveLength(6);
    // One request held up in the event loop can shorten the gap after it, so each gap gets twice
    // the slack, and the cumulative spacing from the first start gets it once.
    for (let i = 1; i < starts.length; i++) {
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(150 - 2 * SLACK_MS);
      expect(starts[i]! - starts[0]!).toBeGreaterThanOrEqual(i * 150 - SLACK_MS);
    }
  });

  it('keeps hosts independent: another port is not held up by a busy one', async () => {
    const slow = await recordingServer(400);
    const other = await recordingServer(5);
    const limiter = processLimiter();
    const politeness = { maxConcurrent: 1, minDelayMs: 0 };
    const first = limiter.withHost(slow.server.origin, politeness, () => guardedFetch(`${slow.server.origin}/hold`, fetchOptions));
    await sleep(50);
    const queued = limiter.withHost(slow.server.origin, politeness, () => guardedFetch(`${slow.server.origin}/queued`, fetchOptions));
    await limiter.withHost(other.server.origin, politeness, () => guardedFetch(`${other.server.origin}/free`, fetchOptions));
    await Promise.all([first, queued]);
    expect(other.starts.get('/free')!).toBeLessThan(slow.starts.get('/queued')!);
  });

  it('makes every process wait while a host is paused', async () => {
    const view = await recordingServer(5);
    const [a, b] = [processLimiter(), processLimiter()];
    const pausedAt = performance.now();
    await a.pauseHost(hostPortOf(view.server.origin), 300);
    await b.withHost(view.server.origin, undefined, () => guardedFetch(`${view.server.origin}/after-pause`, fetchOptions));
    expect(view.starts.get('/after-pause')! - pausedAt).toBeGreaterThanOrEqual(300 - SLACK_MS);
  });

  it('pauses the whole host after a 429 and refuses to wait past maxWaitMs', async () => {
    const limited = await recordingServer(5, 429, { 'retry-after': '5' });
    const a = processLimiter();
    const b = processLimiter({ maxWaitMs: 500 });
    const error = await a
      .withHost(limited.server.origin, undefined, () => guardedFetch(`${limited.server.origin}/feed-1`, fetchOptions))
      .catch((e: unknown) => e);
    expect((error as StorydeskError).code).toBe('rate_limited');
    // Another feed on the same host, from another process: refused without a request.
    const refused = await b
      .withHost(limited.server.origin, undefined, () => guardedFetch(`${limited.server.origin}/feed-2`, fetchOptions))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StorydeskError);
    expect((refused as StorydeskError).code).toBe('rate_limited');
    expect((refused as StorydeskError).retryAfterMs).toBeGreaterThan(4000);
    expect([...limited.starts.keys()]).toEqual(['/feed-1']);
  });

  it('lets a dead process’s lease expire instead of blocking the host forever', async () => {
    const view = await recordingServer(5);
    const crashed = processLimiter({ leaseTtlMs: 300 });
    const survivor = processLimiter();
    const takenAt = performance.now();
    await crashed.acquire(view.server.origin); // never released, never renewed: the process "died"
    await survivor.withHost(view.server.origin, undefined, () => guardedFetch(`${view.server.origin}/after-crash`, fetchOptions));
    expect(view.starts.get('/after-crash')! - takenAt).toBeGreaterThanOrEqual(300 - SLACK_MS);
  });

  it('keeps a live lease alive past its TTL by renewing it', async () => {
    const view = await recordingServer(5);
    // Renewed every third of the TTL, the lease lapses only if the process stalls for two thirds
    // of it: 600 ms keeps that clear of a loaded CI machine's pauses (150 ms did not, at load 6).
    const [a, b] = [processLimiter({ leaseTtlMs: 600 }), processLimiter({ leaseTtlMs: 600 })];
    let endedAt = 0;
    const long = a.withHost(view.server.origin, undefined, async () => {
      await guardedFetch(`${view.server.origin}/long`, fetchOptions);
      await sleep(1_800); // three TTLs
      endedAt = performance.now();
    });
    await sleep(20);
    await b.withHost(view.server.origin, undefined, () => guardedFetch(`${view.server.origin}/next`, fetchOptions));
    await long;
    expect(view.starts.get('/next')!).toBeGreaterThanOrEqual(endedAt);
  });

  it('gives up with host_busy after maxWaitMs when the host stays full', async () => {
    const holder = processLimiter();
    const waiter = processLimiter({ maxWaitMs: 200 });
    const lease = await holder.acquire('http://busy.example/');
    const error = await waiter.withHost('http://busy.example/', undefined, async () => 'ran').catch((e: unknown) => e);
    await lease.release();
    expect((error as StorydeskError).code).toBe('host_busy');
    expect(await waiter.withHost('http://busy.example/', undefined, async () => 'ran')).toBe('ran');
  });
});
