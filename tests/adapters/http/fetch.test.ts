import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorydeskError } from '../../../src/core/model/index.js';
import { guardedFetch, type FetchOptions } from '../../../src/adapters/http/fetch.js';
import { userAgent } from '../../../src/adapters/http/user-agent.js';
import { startServer, type LoopbackServer } from './loopback-server.js';

const TEXT = '<rss><channel><title>Loopback news</title></channel></rss>'.repeat(20);

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/plain': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=300' });
    res.end(TEXT);
  },
  '/conditional': (req, res) => {
    if (req.headers['if-none-match'] === '"v1"' && req.headers['if-modified-since'] === 'Wed, 01 Jan 2025 00:00:00 GMT') {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { etag: '"v1"', 'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT' }).end(TEXT);
  },
  '/429-seconds': (req, res) => res.writeHead(429, { 'retry-after': '120' }).end('slow down'),
  '/429-date': (req, res) => res.writeHead(429, { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }).end(),
  '/503-retry': (req, res) => res.writeHead(503, { 'retry-after': '30' }).end(),
  '/503': (req, res) => res.writeHead(503).end(),
  '/410': (req, res) => res.writeHead(410).end(),
  '/404': (req, res) => res.writeHead(404).end(),
  '/408': (req, res) => res.writeHead(408).end(),
  '/301': (req, res) => res.writeHead(301, { location: '/308' }).end(),
  '/308': (req, res) => res.writeHead(308, { location: '/plain' }).end(),
  '/302': (req, res) => res.writeHead(302, { location: '/plain' }).end(),
  '/301-then-302': (req, res) => res.writeHead(301, { location: '/302' }).end(),
  '/loop-a': (req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
  '/to-file': (req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  '/gzip-header': (req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(TEXT)),
  '/gzip-bare': (req, res) => res.writeHead(200, { 'content-type': 'application/xml' }).end(gzipSync(TEXT)),
  '/br': (req, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(TEXT)),
  '/deflate': (req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateSync(TEXT)),
  '/deflate-raw': (req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateRawSync(TEXT)),
  '/bad-gzip': (req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end('this is not gzip at all'),
  '/zstd': (req, res) => res.writeHead(200, { 'content-encoding': 'zstd' }).end('xx'),
  '/trickle': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => res.write('x'), 50);
    res.on('close', () => clearInterval(timer));
  },
  '/no-headers': () => {
    // Accept the request and never answer.
  },
  '/declared-too-large': (req, res) => res.writeHead(200, { 'content-length': '5000' }).end('y'.repeat(5000)),
  '/chunked-too-large': (req, res) => {
    res.writeHead(200);
    for (let i = 0; i < 10; i++) res.write('z'.repeat(500));
    res.end();
  },
  '/gzip-bomb': (req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb),
  '/gzip-bomb-bare': (req, res) => res.writeHead(200).end(bomb),
  '/reset': (req) => req.socket.destroy(),
  '/reset-mid-body': (req, res) => {
    res.writeHead(200, { 'content-length': '1000' });
    res.write('partial');
    setTimeout(() => req.socket.destroy(), 20);
  },
};

// 20 MB of zeros gzip to about 20 KB: far below the cap on the wire, far above it decoded.
const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (route) route(req, res);
    else res.writeHead(404).end();
  });
});
afterAll(() => server.close());

function options(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return {
    timeouts: { connectMs: 2000, firstByteMs: 2000, totalMs: 5000 },
    maxBytes: 1024 * 1024,
    maxRedirects: 5,
    userAgent: userAgent('https://example.org/storydesk'),
    allowPrivateNetwork: true,
    ...overrides,
  };
}

/** The StorydeskError a fetch fails with (fails the test if it succeeds or throws anything else). */
async function failure(path: string, overrides: Partial<FetchOptions> = {}): Promise<StorydeskError> {
  const error = await guardedFetch(path.includes('://') ? path : server.origin + path, options(overrides)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorydeskError);
  return error as StorydeskError;
}

describe('guardedFetch: responses', () => {
  it('returns a 200 body with headers, content type, cache max-age and sends our User-Agent', async () => {
    const result = await guardedFetch(`${server.origin}/plain`, options());
    expect(result.status).toBe(200);
    expect(result.notModified).toBe(false);
    expect(result.body.toString()).toBe(TEXT);
    expect(result.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(result.cacheMaxAgeSeconds).toBe(300);
    expect(result.finalUrl).toBe(`${server.origin}/plain`);
    expect(result.redirects).toEqual([]);
    expect(result.permanentRedirect).toBeNull();
    const seen = server.requests.at(-1)!;
    expect(seen.headers['user-agent']).toMatch(/^storydesk\/\d+\.\d+\.\d+ \(\+https:\/\/example\.org\/storydesk\)$/);
    expect(seen.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('sends ETag and Last-Modified and reports a 304 as notModified, keeping the validators', async () => {
    const first = await guardedFetch(`${server.origin}/conditional`, options());
    expect(first.etag).toBe('"v1"');
    expect(first.lastModified).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
    const second = await guardedFetch(`${server.origin}/conditional`, options({ etag: first.etag, lastModified: first.lastModified }));
    expect(second.status).toBe(304);
    expect(second.notModified).toBe(true);
    expect(second.body.length).toBe(0);
    expect(second.etag).toBe('"v1"');
    expect(second.lastModified).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
  });

  it('maps 429 with Retry-After seconds to rate_limited with the delay', async () => {
    const error = await failure('/429-seconds');
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.permanent).toBe(false);
  });

  it('maps 429 with a Retry-After HTTP date to the time left until that date', async () => {
    const error = await failure('/429-date');
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBeGreaterThan(50_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('maps 503 with Retry-After to rate_limited and a bare 503 to a transient http_503', async () => {
    const limited = await failure('/503-retry');
    expect([limited.code, limited.retryAfterMs]).toEqual(['rate_limited', 30_000]);
    const down = await failure('/503');
    expect([down.code, down.permanent]).toEqual(['http_503', false]);
  });

  it('maps 410 to a permanent gone, 404 to a permanent http_404 and 408 to a transient http_408', async () => {
    const gone = await failure('/410');
    expect([gone.code, gone.permanent]).toEqual(['gone', true]);
    const missing = await failure('/404');
    expect([missing.code, missing.permanent]).toEqual(['http_404', true]);
    const timeout = await failure('/408');
    expect([timeout.code, timeout.permanent]).toEqual(['http_408', false]);
  });
});

describe('guardedFetch: redirects', () => {
  it('follows 301 then 308 and reports the final URL as a permanent redirect', async () => {
    const result = await guardedFetch(`${server.origin}/301`, options());
    expect(result.body.toString()).toBe(TEXT);
    expect(result.redirects).toEqual([`${server.origin}/308`, `${server.origin}/plain`]);
    expect(result.finalUrl).toBe(`${server.origin}/plain`);
    expect(result.permanentRedirect).toBe(`${server.origin}/plain`);
  });

  it('does not call a 302, or a chain containing one, permanent', async () => {
    expect((await guardedFetch(`${server.origin}/302`, options())).permanentRedirect).toBeNull();
    const mixed = await guardedFetch(`${server.origin}/301-then-302`, options());
    expect(mixed.finalUrl).toBe(`${server.origin}/plain`);
    expect(mixed.permanentRedirect).toBeNull();
  });

  it('detects a redirect loop', async () => {
    expect((await failure('/loop-a')).code).toBe('redirect_loop');
  });

  it('stops after maxRedirects', async () => {
    expect((await failure('/301', { maxRedirects: 1 })).code).toBe('too_many_redirects');
  });

  it('refuses non-http schemes, also as a redirect target, and unparsable URLs', async () => {
    expect((await failure('file:///etc/passwd')).code).toBe('unsupported_scheme');
    expect((await failure('/to-file')).code).toBe('unsupported_scheme');
    expect((await failure('http://exa mple.com:99999/')).code).toBe('bad_url');
  });
});

describe('guardedFetch: decoding', () => {
  it.each(['/gzip-header', '/gzip-bare', '/br', '/deflate', '/deflate-raw'])('decodes %s', async (path) => {
    const result = await guardedFetch(server.origin + path, options());
    expect(result.body.toString()).toBe(TEXT);
  });

  it('reports a body that does not decode, or an unknown coding, as decompress', async () => {
    expect((await failure('/bad-gzip')).code).toBe('decompress');
    expect((await failure('/zstd')).code).toBe('decompress');
  });
});

describe('guardedFetch: bounds', () => {
  it('times out a body that trickles past the total time', async () => {
    const error = await failure('/trickle', { timeouts: { connectMs: 1000, firstByteMs: 1000, totalMs: 300 } });
    expect(error.code).toBe('timeout_body');
  });

  it('times out a server that never sends headers', async () => {
    const error = await failure('/no-headers', { timeouts: { connectMs: 1000, firstByteMs: 200, totalMs: 5000 } });
    expect(error.code).toBe('timeout_first_byte');
  });

  it('refuses a body over the cap, declared or streamed', async () => {
    expect((await failure('/declared-too-large', { maxBytes: 1000 })).code).toBe('too_large');
    expect((await failure('/chunked-too-large', { maxBytes: 1000 })).code).toBe('too_large');
  });

  it('cuts a gzip bomb at the cap, with or without Content-Encoding', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await failure('/gzip-bomb', { maxBytes: 1024 * 1024 })).code).toBe('too_large');
    expect((await failure('/gzip-bomb-bare', { maxBytes: 1024 * 1024 })).code).toBe('too_large');
  });

  it('reports a connection reset before and during the body', async () => {
    expect((await failure('/reset')).code).toBe('connection_reset');
    expect((await failure('/reset-mid-body')).code).toBe('connection_reset');
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect((await failure('/no-headers', { signal: controller.signal })).code).toBe('aborted');
  });
});
