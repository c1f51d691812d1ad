import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntime } from '../../app/runtime.js';
import { loadSettings, parseOutlets } from '../../src/adapters/config/load.js';
import { createLogger } from '../../src/adapters/log/logger.js';
import type { Runtime } from '../../src/cli/runtime-port.js';
import type { Article } from '../../src/core/model/index.js';
import { testPrefix, testRedisUrl, wipePrefix } from '../helpers/redis.js';
import { until } from './faults/support.js';

// A feed whose item is dated in the future (a placeholder year) next to one dated an hour ago,
// through the real poll and extract workers: the late date is not believed, the article keeps
// the time it was first seen, and the log and the article say why.
let server: Server;
let runtime: Runtime;
let prefix: string;
const logs: Array<Record<string, unknown>> = [];
const articles: Article[] = [];
const anHourAgo = new Date(Date.now() - 3_600_000);

function feed(base: string): string {
  const item = (n: number, date: string) =>
    `<item><title>Harbour item ${n}</title><link>${base}/a/${n}</link><guid>${base}/a/${n}</guid><pubDate>${date}</pubDate></item>`;
  const items = [item(1, 'Thu, 01 Jan 2099 00:00:00 GMT'), item(2, anHourAgo.toUTCString())];
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title><link>${base}/</link>${items.join('')}</channel></rss>`;
}

function page(n: number): string {
  const text = `The harbour authority reopened berth ${n} after repairs to the quay wall that took three weeks.`;
  return `<!doctype html><html lang="en"><head><title>Harbour item ${n}</title></head><body><article><h1>Harbour item ${n}</h1><p>${text}</p><p>${text}</p></article></body></html>`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === '/feed.xml') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(base));
    const n = /^\/a\/(\d)$/.exec(req.url ?? '')?.[1];
    if (n) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(Number(n)));
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  prefix = testPrefix('future-date');
  const settings = loadSettings({ STORYDESK_PREFIX: prefix, LOG_LEVEL: 'info', HOST_MIN_DELAY_MS: '0' });
  const outlets = parseOutlets(
    {
      outlets: [
        {
          id: 'harbour',
          name: 'Harbour',
          homepage: `${base}/`,
          language: 'en',
          country: 'GB',
          kind: 'newspaper',
          perspective: [],
          feeds: [{ id: 'harbour-feed', outletId: 'harbour', url: `${base}/feed.xml`, intervalSeconds: 60 }],
          allowPrivateNetwork: true,
          respectRobots: false,
        },
      ],
    },
    'future-date outlets',
  );
  const destination = new Writable({
    write: (chunk, _encoding, done) => {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log = createLogger('info', { pretty: false, destination });
  runtime = await startRuntime({ settings, outlets }, testRedisUrl(), log, { roles: ['poll', 'extract'] });
  await runtime.store.feeds.getOrInit(outlets[0]!.feeds[0]!);
  await runtime.queues.poll.add('poll', { feedId: 'harbour-feed' });
  await until('both articles extracted', async () => (await runtime.store.articles.count()) === 2, 30_000);
  const ids = await runtime.store.articles.recentIds(10);
  articles.push(...(await runtime.store.articles.getMany(ids)));
}, 60_000);

afterAll(async () => {
  if (runtime) {
    await wipePrefix(runtime.redis, prefix);
    await runtime.stop();
  }
  server?.closeAllConnections();
  server?.close();
});

describe('a feed date after the article was first seen', () => {
  it('is not believed: the article keeps the time it was first seen, and says why', () => {
    const late = articles.find((a) => a.url.endsWith('/a/1'))!;
    expect(late.publishedFrom).toBe('first_seen');
    expect(Date.parse(late.published)).toBeLessThanOrEqual(Date.now());
    expect(late.publishedIgnored).toMatch(/^feed date 2099-01-01T00:00:00\.000Z later than first sight \(/);
  });

  it('leaves a believable date alone', () => {
    const fine = articles.find((a) => a.url.endsWith('/a/2'))!;
    expect(fine).toMatchObject({ publishedFrom: 'feed', published: new Date(Math.floor(anHourAgo.getTime() / 1000) * 1000).toISOString() });
    expect(fine.publishedIgnored).toBeUndefined();
  });

  it('is reported in the log as a warning on that article', () => {
    const late = articles.find((a) => a.url.endsWith('/a/1'))!;
    const warned = logs.filter((line) => line.msg === 'publication date not believed');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ level: 40, articleId: late.id, publishedIgnored: late.publishedIgnored });
  });
});
