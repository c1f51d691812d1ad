import { createServer as createNetServer } from 'node:net';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keysFor } from '../../src/adapters/keys.js';
import { guardedFetch, type FetchOptions } from '../../src/adapters/http/fetch.js';
import { createRobots } from '../../src/adapters/http/robots.js';
import { startServer, type LoopbackServer } from '../adapters/http/loopback-server.js';
import { testPrefix, testRedis, wipePrefix } from '../helpers/redis.js';

const UA = 'storydesk/0.1.0 (+https://example.org/contact)';
const fetchOptions: FetchOptions = {
  timeouts: { connectMs: 2000, firstByteMs: 2000, totalMs: 5000 },
  maxBytes: 600 * 1024,
  maxRedirects: 5,
  userAgent: UA,
  allowPrivateNetwork: true,
};

let prefix: string;
let redis: Redis;
let server: LoopbackServer | undefined;
const warnings: object[] = [];

/** A checker wired as the composition root wires it, with its own view of "the process". */
function checker() {
  return createRobots<null>({
    redis,
    keys: keysFor(prefix),
    fetch: (url) => guardedFetch(url, fetchOptions),
    userAgent: UA,
    log: { warn: (obj) => void warnings.push(obj) },
    ttlSeconds: 3600,
  });
}

async function robotsServer(status: number, body = ''): Promise<LoopbackServer> {
  server = await startServer((req, res) => {
    if (req.url === '/robots.txt') res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
    else res.writeHead(200).end('page');
  });
  return server;
}

beforeEach(() => {
  prefix = testPrefix('robots');
  redis = testRedis();
  warnings.length = 0;
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await wipePrefix(redis, prefix);
  await redis.quit();
});

describe('robots.txt through the guarded client, cached in Redis', () => {
  it('applies the rules for our user agent, with crawl-delay, and fetches once per origin', async () => {
    const site = await robotsServer(200, 'User-agent: *\nDisallow: /\n\nUser-agent: storydesk\nCrawl-delay: 3\nDisallow: /drafts\n');
    const [a, b] = [checker(), checker()];
    const page = await a.decide(`${site.origin}/news/1`, null);
    expect(page).toEqual({ allowed: true, source: 'rules', crawlDelayMs: 3000, errorCode: null });
    expect(await b.allowed(`${site.origin}/drafts/2?x=1`, null)).toBe(false);
    await Promise.all([a.allowed(`${site.origin}/a`, null), a.allowed(`${site.origin}/b`, null)]);
    expect(site.requests.filter((r) => r.url === '/robots.txt')).toHaveLength(1);
    const ttl = await redis.ttl(keysFor(prefix).robots(site.origin));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  it('allows all when robots.txt is missing (404)', async () => {
    const site = await robotsServer(404);
    expect(await checker().decide(`${site.origin}/news/1`, null)).toEqual({
      allowed: true,
      source: 'missing',
      crawlDelayMs: null,
      errorCode: 'http_404',
    });
    expect(warnings).toEqual([]);
  });

  it('allows, and warns, when robots.txt answers 5xx', async () => {
    const site = await robotsServer(500);
    const decision = await checker().decide(`${site.origin}/news/1`, null);
    expect(decision).toEqual({ allowed: true, source: 'unreachable', crawlDelayMs: null, errorCode: 'http_500' });
    expect(warnings).toEqual([{ origin: site.origin, code: 'http_500' }]);
    // Remembered for a short while only, so a recovered site is read again soon.
    expect(await redis.ttl(keysFor(prefix).robots(site.origin))).toBeLessThanOrEqual(600);
  });

  it('allows, and warns, when the origin is unreachable', async () => {
    const port = await closedPort();
    const decision = await checker().decide(`http://127.0.0.1:${port}/news/1`, null);
    expect(decision).toMatchObject({ allowed: true, source: 'unreachable', errorCode: 'connection_refused' });
    expect(warnings).toHaveLength(1);
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createNetServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
