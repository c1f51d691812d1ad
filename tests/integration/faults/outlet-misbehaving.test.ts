import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, parseOutlets } from '../../../src/adapters/config/load.js';
import { createLogger } from '../../../src/adapters/log/logger.js';
import { startRuntime } from '../../../app/runtime.js';
import type { Runtime } from '../../../src/cli/runtime-port.js';
import type { FeedState, Outlet } from '../../../src/core/model/index.js';
import type { PollResult } from '../../../workers/poll.js';
import { testPrefix, testRedisUrl, wipePrefix } from '../../helpers/redis.js';
import { until } from './support.js';

// Fault: one outlet's host hangs, then resets the connection, then answers 500, then
// recovers. Its feed backs off (consecutive errors, last error code, next poll moving out,
// doubling) and recovers; a feed on another host is polled on every round all along.
//
// Time is the feeds' schedule, not the wall clock: each round advances it by the base
// interval (every feed's nextPollAt moves 30 s earlier, as if 30 s had passed), then offers
// each feed a poll, as the scheduler's tick would. A feed that is not due answers `not_due`
// without a request. Rounds take a second, not minutes, and nothing depends on speed.
const BASE_S = 30;
const ROUNDS = 9;
type Mode = 'hang' | 'reset' | 'error' | 'ok';
const BAD_MODES: Mode[] = ['hang', 'reset', 'error']; // then ok for good

interface Host {
  server: Server;
  base: string;
  feedRequests: number;
  hanging: number;
}
let good: Host;
let bad: Host;
let runtime: Runtime;
let prefix: string;
const rounds: Array<{ good: PollResult; bad: PollResult; badState: FeedState; goodState: FeedState; badHangingWhenGoodDone: number }> = [];

function rss(base: string, name: string): string {
  const items = [1, 2].map(
    (n) =>
      `<item><title>${name} item ${n}</title><link>${base}/a/${n}</link><guid>${base}/a/${n}</guid><pubDate>${new Date(Date.UTC(2026, 10, 20, n)).toUTCString()}</pubDate></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>${base}/</link>${items.join('')}</channel></rss>`;
}

async function startHost(name: string, modes: Mode[]): Promise<Host> {
  const host: Host = { server: createServer(), base: '', feedRequests: 0, hanging: 0 };
  host.server.on('request', (req, res) => {
    if (req.url !== '/feed.xml') return void res.writeHead(404).end();
    const mode = modes[host.feedRequests++] ?? 'ok';
    if (mode === 'hang') {
      host.hanging++;
      req.socket.once('close', () => void host.hanging--);
      return;
    }
    if (mode === 'reset') return void req.socket.destroy();
    if (mode === 'error') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error\n');
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(host.base, name));
  });
  await new Promise<void>((done) => host.server.listen(0, '127.0.0.1', done));
  host.base = `http://127.0.0.1:${(host.server.address() as AddressInfo).port}`;
  return host;
}

function outlet(id: string, host: Host): Outlet {
  return {
    id,
    name: id,
    homepage: `${host.base}/`,
    language: 'en',
    country: 'GB',
    kind: 'newspaper',
    perspective: [],
    feeds: [{ id: `${id}-feed`, outletId: id, url: `${host.base}/feed.xml`, intervalSeconds: BASE_S }],
    allowPrivateNetwork: true,
    respectRobots: false,
  };
}

async function pollRound(round: number): Promise<void> {
  const { store, queues } = runtime;
  // Advance the schedule by one base interval.
  for (const state of await store.feeds.list()) {
    if (state.nextPollAt)
      await store.feeds.update(state.feedId, { nextPollAt: new Date(Date.parse(state.nextPollAt) - BASE_S * 1000).toISOString() });
  }
  const [goodJob, badJob] = await Promise.all(
    ['good-feed', 'bad-feed'].map((feedId) => queues.poll.add('poll', { feedId }, { jobId: `round-${round}-${feedId}` })),
  );
  const finished = async (id: string) => (await queues.poll.getJob(id))?.finishedOn !== undefined;
  await until(`good poll of round ${round}`, () => finished(goodJob!.id!), 20_000, 10);
  const badHangingWhenGoodDone = bad.hanging;
  await until(`bad poll of round ${round}`, () => finished(badJob!.id!), 20_000, 10);
  const result = async (id: string) => (await queues.poll.getJob(id))!.returnvalue as PollResult;
  rounds.push({
    good: await result(goodJob!.id!),
    bad: await result(badJob!.id!),
    goodState: (await store.feeds.get('good-feed'))!,
    badState: (await store.feeds.get('bad-feed'))!,
    badHangingWhenGoodDone,
  });
}

beforeAll(async () => {
  [good, bad] = await Promise.all([startHost('Good Herald', []), startHost('Bad Bugle', BAD_MODES)]);
  prefix = testPrefix('fault-outlet');
  const settings = loadSettings({
    STORYDESK_PREFIX: prefix,
    LOG_LEVEL: 'info',
    HOST_MIN_DELAY_MS: '0',
    POLL_CONCURRENCY: '4',
    POLL_MIN_INTERVAL_S: String(BASE_S),
    POLL_MAX_INTERVAL_S: '3600',
    FETCH_CONNECT_TIMEOUT_MS: '1000',
    FETCH_FIRST_BYTE_TIMEOUT_MS: '2000',
    FETCH_TOTAL_TIMEOUT_MS: '3000',
  });
  const outlets = parseOutlets({ outlets: [outlet('good', good), outlet('bad', bad)] }, 'fault outlets');
  const log = createLogger('info', { pretty: false, destination: new Writable({ write: (_c, _e, done) => done() }) });
  // The poll role only: no scheduler, so the rounds below are the only polls.
  runtime = await startRuntime({ settings, outlets }, testRedisUrl(), log, { roles: ['poll'] });
  for (const o of outlets) for (const feed of o.feeds) await runtime.store.feeds.getOrInit(feed);
  for (let round = 1; round <= ROUNDS; round++) await pollRound(round);
}, 120_000);

afterAll(async () => {
  if (runtime) {
    await wipePrefix(runtime.redis, prefix);
    await runtime.stop();
  }
  for (const host of [good, bad]) {
    host?.server.closeAllConnections();
    host?.server.close();
  }
});

const backoffSeconds = (s: FeedState) => (Date.parse(s.nextPollAt!) - Date.parse(s.lastFetchAt!)) / 1000;

describe('fault: an outlet that hangs, resets, answers 500, then recovers', () => {
  it('records each failure on the feed: consecutive errors and the error code', () => {
    const failures = rounds.filter((r) => r.bad.outcome === 'failed');
    expect(failures.map((r) => r.bad.errorCode)).toEqual(['timeout_first_byte', 'connection_reset', 'http_500']);
    expect(failures.map((r) => [r.badState.status, r.badState.consecutiveErrors, r.badState.lastError?.code])).toEqual([
      ['error', 1, 'timeout_first_byte'],
      ['error', 2, 'connection_reset'],
      ['error', 3, 'http_500'],
    ]);
  });

  it('backs off: the next poll moves out, doubling per failure, and no request is made before it', () => {
    const failures = rounds.filter((r) => r.bad.outcome === 'failed');
    // Doubling from the base interval, less the scheduler-tick slack of 6 s: 24, 54, 114 s after
    // the poll started (plus however long the failing fetch took, at most its 3 s timeout).
    const delays = failures.map((r) => backoffSeconds(r.badState));
    [24, 54, 114].forEach((expected, i) => {
      expect(delays[i]).toBeGreaterThanOrEqual(expected - 0.5);
      expect(delays[i]).toBeLessThanOrEqual(expected + 3.5);
    });
    // The schedule, round by round: polled when due, skipped while backing off.
    expect(rounds.map((r) => r.bad.outcome)).toEqual([
      'failed',
      'failed',
      'not_due',
      'failed',
      'not_due',
      'not_due',
      'not_due',
      'polled',
      'polled',
    ]);
    expect(bad.feedRequests).toBe(5);
  });

  it('recovers: the first good answer clears the errors and brings the feed back to its base interval', () => {
    const recovered = rounds[7]!;
    expect(recovered.bad).toMatchObject({ outcome: 'polled', newItems: 2 });
    expect(recovered.badState).toMatchObject({ status: 'ok', consecutiveErrors: 0, lastError: null });
    expect(backoffSeconds(recovered.badState)).toBeLessThanOrEqual(BASE_S);
    expect(rounds[8]!.bad.outcome).toBe('polled');
  });

  it('polls the other host on every round, on time, even while the bad host hangs', () => {
    expect(rounds.map((r) => r.good.outcome)).toEqual(Array(ROUNDS).fill('polled'));
    expect(rounds.map((r) => r.goodState.consecutiveErrors)).toEqual(Array(ROUNDS).fill(0));
    expect(rounds.every((r) => backoffSeconds(r.goodState) <= BASE_S)).toBe(true);
    expect(good.feedRequests).toBe(ROUNDS);
    expect(rounds.at(-1)!.goodState.polls).toBe(ROUNDS);
    // Round 1: the good feed's poll finished while the bad host still held its request.
    expect(rounds[0]!.badHangingWhenGoodDone).toBe(1);
  });
});
