import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings, parseOutlets } from '../../src/adapters/config/load.js';
import { keysFor } from '../../src/adapters/keys.js';
import { createLogger } from '../../src/adapters/log/logger.js';
import { createQueues, type Queues } from '../../src/adapters/queue/queues.js';
import { createStore, type Store } from '../../src/adapters/store/store.js';
import { wipeInstance } from '../../src/adapters/store/wipe.js';
import { buildWorkerContext } from '../../app/worker-context.js';
import { initialFeedState } from '../../src/core/model/index.js';
import { pollFeed } from '../../workers/poll.js';
import { reconcileSchedulers } from '../../workers/schedule.js';
import { testPrefix, testRedis } from '../helpers/redis.js';

// The poll stage against loopback servers: what each HTTP answer does to the feed's state
// and to the extract queue.
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler;
const requests: Array<{ url: string; headers: IncomingMessage['headers'] }> = [];
const server: Server = createServer((req, res) => {
  requests.push({ url: req.url ?? '', headers: req.headers });
  handler(req, res);
});
const redis = testRedis();
let base: string;
let store: Store;
let queues: Queues;

const rss = (items: Array<{ guid: string; title: string }>) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>${base}/</link>` +
  items.map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>${base}/a/${i.guid}?utm_source=rss</link></item>`).join('') +
  '</channel></rss>';

async function context() {
  const settings = loadSettings({ STORYDESK_PREFIX: store.keys.prefix, HOST_MIN_DELAY_MS: '0' });
  const outlets = parseOutlets(
    {
      outlets: [
        {
          id: 'loop',
          name: 'Loop',
          homepage: `${base}/`,
          language: 'en',
          country: 'GB',
          kind: 'wire',
          allowPrivateNetwork: true,
          feeds: [{ id: 'loop-main', url: `${base}/feed`, intervalSeconds: 60 }],
        },
      ],
    },
    'test',
  );
  const log = createLogger('silent', { pretty: false });
  return { ctx: await buildWorkerContext({ settings, outlets, store, queues, log, redis, keys: store.keys }), outlets, log };
}

async function pollOnce() {
  const { ctx } = await context();
  const state = (await store.feeds.get('loop-main')) ?? initialFeedState('loop-main', 'loop', `${base}/feed`);
  if (!(await store.feeds.get('loop-main'))) await store.feeds.put(state);
  const result = await pollFeed(ctx, 'loop-main', { ...state, nextPollAt: null });
  return { result, state: (await store.feeds.get('loop-main'))! };
}

beforeEach(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store = createStore(redis, keysFor(testPrefix('poll')));
  queues = createQueues(redis, store.keys);
  requests.length = 0;
});
afterEach(async () => {
  await queues.close();
  await wipeInstance(redis, store.keys);
  await new Promise<void>((r) => server.close(() => r()));
});
afterAll(() => redis.quit());

describe('polling a feed', () => {
  it('enqueues each new item once, under the canonical URL, and nothing on a replay', async () => {
    handler = (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(
        rss([
          { guid: 'g1', title: 'One' },
          { guid: 'g2', title: 'Two' },
        ]),
      );
    expect((await pollOnce()).result).toMatchObject({ outcome: 'polled', newItems: 2 });
    const jobs = await queues.extract.getJobs(['waiting']);
    expect(jobs.map((j) => j.data.canonicalUrl).sort()).toEqual([`${base}/a/g1`, `${base}/a/g2`]);
    expect((await pollOnce()).result).toMatchObject({ outcome: 'polled', newItems: 0, updatedItems: 0 });
    expect(await queues.extract.count()).toBe(2);
  });

  it('re-extracts an item whose content changed, under a new job id', async () => {
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([{ guid: 'g1', title: 'One' }]));
    await pollOnce();
    handler = (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([{ guid: 'g1', title: 'One, updated' }]));
    expect((await pollOnce()).result).toMatchObject({ newItems: 0, updatedItems: 1 });
    expect(await queues.extract.count()).toBe(2);
  });

  it('sends the stored validators and spends no parsing on a 304', async () => {
    handler = (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Wed, 18 Nov 2026 10:00:00 GMT' })
        .end(rss([{ guid: 'g1', title: 'One' }]));
    };
    await pollOnce();
    const { result, state } = await pollOnce();
    expect(result.outcome).toBe('not_modified');
    expect(state).toMatchObject({
      status: 'not_modified',
      etag: '"v1"',
      lastModified: 'Wed, 18 Nov 2026 10:00:00 GMT',
      polls: 2,
      consecutiveErrors: 0,
    });
    expect(requests[1]?.headers['if-modified-since']).toBe('Wed, 18 Nov 2026 10:00:00 GMT');
  });

  it('follows a permanent redirect and stores the new URL', async () => {
    handler = (req, res) => {
      if (req.url === '/feed') return void res.writeHead(301, { location: '/moved' }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([{ guid: 'g1', title: 'One' }]));
    };
    const { state } = await pollOnce();
    expect(state.url).toBe(`${base}/moved`);
    await pollOnce();
    expect(requests.at(-1)?.url).toBe('/moved');
  });

  it('marks a vanished feed gone, and records each failure with its code and a later next poll', async () => {
    handler = (_req, res) => res.writeHead(410).end();
    const gone = await pollOnce();
    expect(gone.result).toMatchObject({ outcome: 'failed', errorCode: 'gone' });
    expect(gone.state).toMatchObject({ status: 'gone', consecutiveErrors: 1, lastError: { code: 'gone' } });
    handler = (_req, res) => res.writeHead(500).end();
    const first = await pollOnce();
    const second = await pollOnce();
    expect(second.state).toMatchObject({ status: 'error', consecutiveErrors: 3, lastError: { code: 'http_500' } });
    // Back-off: each failure pushes the next poll further out.
    expect(Date.parse(second.state.nextPollAt!) - Date.parse(second.state.lastFetchAt!)).toBeGreaterThan(
      Date.parse(first.state.nextPollAt!) - Date.parse(first.state.lastFetchAt!),
    );
  });

  it('honours Retry-After on a 429 by pausing the whole host', async () => {
    handler = (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end();
    const { result, state } = await pollOnce();
    expect(result).toMatchObject({ outcome: 'failed', errorCode: 'rate_limited' });
    expect(Date.parse(state.nextPollAt!) - Date.parse(state.lastFetchAt!)).toBeGreaterThanOrEqual(60_000);
    const pausedUntil = Number(await redis.hget(store.keys.host(new URL(base).host), 'pausedUntil'));
    expect(pausedUntil - Date.now()).toBeGreaterThan(60_000);
  });

  it('rejects an HTML page with the feeds it advertises', async () => {
    handler = (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<html><head><link rel="alternate" type="application/rss+xml" href="${base}/real.xml"></head><body>hi</body></html>`);
    const { state } = await pollOnce();
    expect(state.lastError).toMatchObject({ code: 'not_a_feed' });
    expect(state.lastError?.message).toContain(`${base}/real.xml`);
  });
});

describe('feed schedulers', () => {
  it('reconciles with the config: adds new feeds, drops removed ones, and converges when daemons start together', async () => {
    const { outlets, log } = await context();
    const feeds = outlets.flatMap((o) => o.feeds);
    const extra = { id: 'loop-extra', outletId: 'loop', url: `${base}/extra`, intervalSeconds: 120 };
    await Promise.all([
      reconcileSchedulers(queues, store, [...feeds, extra], log, new Date()),
      reconcileSchedulers(queues, store, [...feeds, extra], log, new Date()),
    ]);
    expect((await queues.poll.getJobSchedulers()).map((s) => s.key).sort()).toEqual(['loop-extra', 'loop-main']);
    // Never-polled feeds get one immediate poll each, not one per daemon.
    expect(
      (await queues.poll.getJobs(['waiting']))
        .filter((j) => j.id?.startsWith('first-'))
        .map((j) => j.id)
        .sort(),
    ).toEqual(['first-loop-extra', 'first-loop-main']);
    await reconcileSchedulers(queues, store, feeds, log, new Date());
    expect((await queues.poll.getJobSchedulers()).map((s) => s.key)).toEqual(['loop-main']);
    expect(await store.feeds.get('loop-extra')).toBeNull();
  });
});
