import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../src/adapters/config/settings.js';
import { guardedFetch, type FetchOptions } from '../../src/adapters/http/fetch.js';
import { extractArticle } from '../../src/core/extract/index.js';
import { StorydeskError } from '../../src/core/model/index.js';
import { parseFeed } from '../../src/core/poll/parse.js';
import { startServer, type LoopbackServer } from '../adapters/http/loopback-server.js';

// Size bombs against the configured caps (the defaults of the config schema), over loopback
// HTTP through the guarded client and straight into the core stages. Each test asserts the cap
// was applied and that resident memory grew by far less than the bomb's size.

const settings = settingsSchema.parse({});
const CAP = settings.FETCH_MAX_BYTES;
const MAX_ITEMS = settings.POLL_MAX_ITEMS;
const MB = 1024 * 1024;
const NOW = new Date('2025-06-01T00:00:00Z');

const ITEM = (i: number) =>
  `<item><title>Item ${i}</title><link>https://bomb.example/${i}</link><description>${'filler '.repeat(20)}</description></item>\n`;
const FEED_HEAD =
  '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bomb</title><link>https://bomb.example/</link>\n';
const FEED_TAIL = '</channel></rss>';

/** 16 MiB of zeros, gzipped once (about 16 KB); gzip members concatenate into one valid stream. */
const ZERO_MEMBER = gzipSync(Buffer.alloc(16 * MB));
/** Members needed to expand past 1 GiB. */
const MEMBERS = Math.ceil((1024 * MB + 1) / (16 * MB)) + 1;

/** Bytes the server managed to hand to the socket before the client hung up, per route. */
const written = new Map<string, number>();

/** Wait until the response can take more, or is gone; leaves no listener behind. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Write `total` bytes of feed items, honouring backpressure, until done or the client leaves. */
async function streamFeed(res: ServerResponse, route: string, total: number): Promise<void> {
  let sent = 0;
  const chunk = Buffer.from(Array.from({ length: 200 }, (_, i) => ITEM(i)).join(''));
  const write = (data: Buffer | string) => {
    sent += Buffer.byteLength(data);
    written.set(route, sent);
    return res.write(data);
  };
  write(FEED_HEAD);
  while (sent < total && !res.destroyed) {
    if (!write(chunk)) await drained(res);
  }
  if (!res.destroyed) res.end(FEED_TAIL);
}

async function streamGzipBomb(res: ServerResponse, route: string): Promise<void> {
  let sent = 0;
  for (let i = 0; i < MEMBERS && !res.destroyed; i++) {
    sent += ZERO_MEMBER.length;
    written.set(route, sent);
    if (!res.write(ZERO_MEMBER)) await drained(res);
  }
  if (!res.destroyed) res.end();
}

let server: LoopbackServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    const route = req.url ?? '/';
    if (route === '/feed-50mb-declared') {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(50 * MB) });
      void streamFeed(res, route, 50 * MB);
    } else if (route === '/feed-50mb-chunked') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      void streamFeed(res, route, 50 * MB);
    } else if (route === '/feed-under-cap') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      void streamFeed(res, route, CAP - 64 * 1024);
    } else if (route === '/gzip-bomb-header') {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      void streamGzipBomb(res, route);
    } else if (route === '/gzip-bomb-bare') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      void streamGzipBomb(res, route);
    } else {
      res.writeHead(404).end();
    }
  });
});
afterAll(() => server.close());

function fetchOptions(): FetchOptions {
  return {
    timeouts: { connectMs: 10_000, firstByteMs: 30_000, totalMs: 100_000 },
    maxBytes: CAP,
    maxRedirects: settings.FETCH_MAX_REDIRECTS,
    userAgent: 'storydesk-size-bombs',
    allowedAddresses: ['127.0.0.1'],
  };
}

/** Run `work` while sampling resident memory; returns its result and the peak growth in bytes. */
async function withPeakRss<T>(work: () => Promise<T> | T): Promise<{ value: T | StorydeskError; growth: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const value = await Promise.resolve()
      .then(work)
      .catch((error: unknown) => {
        if (error instanceof StorydeskError) return error;
        throw error;
      });
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, growth: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

describe('size bombs over HTTP, through the guarded client', () => {
  it.each(['/feed-50mb-declared', '/feed-50mb-chunked'])('a 50 MB feed (%s) is refused at the byte cap', async (route) => {
    const { value, growth } = await withPeakRss(() => guardedFetch(`${server.origin}${route}`, fetchOptions()));
    expect(value).toBeInstanceOf(StorydeskError);
    expect((value as StorydeskError).code).toBe('too_large');
    expect((value as StorydeskError).permanent).toBe(true);
    // The download stopped near the cap, far short of 50 MB (socket buffers hold a few MB more).
    expect(written.get(route) ?? 0).toBeLessThan(CAP + 16 * MB);
    expect(growth).toBeLessThan(CAP * 8);
  });

  it('a feed just under the cap is fetched whole, and parsing keeps at most the configured items', async () => {
    const result = await guardedFetch(`${server.origin}/feed-under-cap`, fetchOptions());
    expect(result.body.length).toBeLessThanOrEqual(CAP);
    expect(result.body.length).toBeGreaterThan(CAP - MB);
    const parsed = await parseFeed(result.body, {
      url: `${server.origin}/feed-under-cap`,
      contentType: result.contentType,
      now: NOW,
      maxItems: MAX_ITEMS,
    });
    expect(parsed.items.length).toBe(MAX_ITEMS);
    expect(parsed.warnings.some((w) => w.startsWith('too_many_items'))).toBe(true);
  });

  it.each(['/gzip-bomb-header', '/gzip-bomb-bare'])('a gzip stream expanding past 1 GB (%s) is cut at the cap', async (route) => {
    const { value, growth } = await withPeakRss(() => guardedFetch(`${server.origin}${route}`, fetchOptions()));
    expect(value).toBeInstanceOf(StorydeskError);
    expect((value as StorydeskError).code).toBe('too_large');
    // Few compressed bytes crossed the wire: the decoded size tripped the cap, not the wire size.
    expect(written.get(route) ?? 0).toBeLessThan(CAP);
    expect(growth).toBeLessThan(CAP * 8);
  });
});

describe('size bombs straight into the core stages', () => {
  it('gzip bytes that expand past 1 GB are refused by parseFeed with too_large', async () => {
    const bomb = Buffer.concat(Array.from({ length: MEMBERS }, () => ZERO_MEMBER));
    for (const maxBytes of [undefined, CAP]) {
      const { value, growth } = await withPeakRss(() => parseFeed(bomb, { url: 'https://bomb.example/feed', now: NOW, maxBytes }));
      expect(value).toBeInstanceOf(StorydeskError);
      expect((value as StorydeskError).code).toBe('too_large');
      expect(growth).toBeLessThan(512 * MB);
    }
  });

  it('a feed with 100,000 items keeps only maxItems of them, the first ones', async () => {
    const parts = [FEED_HEAD];
    for (let i = 0; i < 100_000; i++) parts.push(ITEM(i));
    parts.push(FEED_TAIL);
    const bytes = Buffer.from(parts.join(''));
    const { value, growth } = await withPeakRss(() =>
      parseFeed(bytes, { url: 'https://bomb.example/feed', now: NOW, maxItems: MAX_ITEMS }),
    );
    expect(value).not.toBeInstanceOf(StorydeskError);
    const parsed = value as Exclude<typeof value, StorydeskError>;
    expect(parsed.items.length).toBe(MAX_ITEMS);
    expect(parsed.items[0]?.link).toBe('https://bomb.example/0');
    expect(parsed.items.at(-1)?.link).toBe(`https://bomb.example/${MAX_ITEMS - 1}`);
    expect(parsed.warnings).toContain(`too_many_items: kept the first ${MAX_ITEMS} of 100000 items`);
    expect(growth).toBeLessThan(2048 * MB);
  });

  it('a page with 100,000 nested elements is extracted with its depth cut, article intact', async () => {
    const article = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Paragraph ${i} of a real article about the harbour reopening, with enough words to count as body text for the extractor.</p>`,
    ).join('');
    const html =
      `<!DOCTYPE html><html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>${article}</article>` +
      `<div class="deep">${'<div>'.repeat(100_000)}<p>DEEP-MARKER text at the bottom</p>${'</div>'.repeat(100_000)}</div></body></html>`;
    const { value, growth } = await withPeakRss(() => extractArticle(html, { url: 'https://bomb.example/harbour' }));
    const page = value as ReturnType<typeof extractArticle>;
    expect(page.outcome).toBe('article');
    expect(page.paragraphs.join('\n')).toContain('Paragraph 5 of a real article');
    expect(page.paragraphs.join('\n')).not.toContain('DEEP-MARKER');
    expect(growth).toBeLessThan(1024 * MB);
  });

  it('a feed item with 100,000 nested elements parses, with the nesting dropped', async () => {
    const xml = `${FEED_HEAD}${ITEM(1)}<item><title>Deep</title><link>https://bomb.example/deep</link><description>${'<x>'.repeat(100_000)}bottom${'</x>'.repeat(100_000)}</description></item>${FEED_TAIL}`;
    const { value, growth } = await withPeakRss(() =>
      parseFeed(Buffer.from(xml), { url: 'https://bomb.example/feed', now: NOW, maxItems: MAX_ITEMS }),
    );
    expect(value).not.toBeInstanceOf(StorydeskError);
    const parsed = value as Exclude<typeof value, StorydeskError>;
    expect(parsed.items.map((i) => i.link)).toEqual(['https://bomb.example/1', 'https://bomb.example/deep']);
    expect(parsed.warnings.some((w) => w.startsWith('dropped_element'))).toBe(true);
    expect(growth).toBeLessThan(1024 * MB);
  });
});
