import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoWorld } from '../../src/demo/articles.js';
import { generateWorld } from '../../src/demo/generator.js';
import { demoOutlets, expectedGroups } from '../../src/demo/outlets.js';
import { startOutletsServer, type OutletsServer } from '../../src/demo/server.js';

const world = buildDemoWorld({ baseTime: new Date('2025-03-05T12:00:00Z'), hostile: true });
let server: OutletsServer;

beforeAll(async () => {
  server = await startOutletsServer(world, { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await server.close();
});

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

function feedUrls(): Array<{ outletId: string; url: string }> {
  return demoOutlets(world, server.baseUrl).flatMap((o) => o.feeds.map((f) => ({ outletId: o.id, url: f.url })));
}

describe('startOutletsServer', () => {
  it('listens on loopback at a free port', () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves each feed with the media type of its format and the charset as the outlet declares it', async () => {
    const expected = { rss2: 'application/rss+xml', atom: 'application/atom+xml', rdf: 'application/rdf+xml' };
    for (const { outletId, url } of feedUrls()) {
      const outlet = world.outlets.find((o) => o.id === outletId)!;
      const { res } = await get(url);
      expect(res.status, url).toBe(200);
      const type = res.headers.get('content-type')!;
      expect(type.startsWith(expected[outlet.feedFormat]), url).toBe(true);
      if (outlet.charsetDeclaration === 'document') expect(type).not.toMatch(/charset/);
      else expect(type).toMatch(/charset=utf-8/);
    }
  });

  it('links every article from some feed, and serves each as an HTML page declaring its canonical URL', async () => {
    const groups = expectedGroups(world, server.baseUrl);
    const parser = new Parser();
    const linked = new Set<string>();
    for (const { outletId, url } of feedUrls()) {
      const { bytes } = await get(url);
      const xml = outletId === 'yamato' ? iconv.decode(bytes, 'Shift_JIS') : bytes.toString('utf8');
      const feed = await parser.parseString(xml);
      for (const item of feed.items) if (item.link) linked.add(item.link.replace(/\?utm_.*$/, ''));
    }
    for (const url of groups.keys()) expect(linked.has(url), url).toBe(true);

    for (const url of groups.keys()) {
      const { res, bytes } = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = url.includes('/yamato/') ? iconv.decode(bytes, 'Shift_JIS') : bytes.toString('utf8');
      expect(html).toContain(`<link rel="canonical" href="${url}">`);
    }
  });

  it('serves tracked feed links (utm parameters) as the same page', async () => {
    const { bytes } = await get(`${server.baseUrl}/thehill/rss/all.xml`);
    const link = /<link>([^<]*utm_source[^<]*)<\/link>/.exec(bytes.toString('utf8'))![1]!.replace(/&amp;/g, '&');
    const { res } = await get(link);
    expect(res.status).toBe(200);
  });

  it('sends the Japanese outlet in real Shift_JIS, declared only inside the documents', async () => {
    const feed = await get(`${server.baseUrl}/yamato/rss/top.xml`);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(feed.bytes)).toThrow();
    const xml = iconv.decode(feed.bytes, 'Shift_JIS');
    expect(xml.startsWith('<?xml version="1.0" encoding="Shift_JIS"?>')).toBe(true);
    expect(xml).toContain('静岡茶の初取引');
    expect(xml).toMatch(/<pubDate>[^<]+\+0900<\/pubDate>/);

    const pageUrl = [...expectedGroups(world, server.baseUrl).keys()].find((u) => u.includes('/yamato/'))!;
    const page = await get(pageUrl);
    expect(page.res.headers.get('content-type')).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(page.bytes)).toThrow();
    const html = iconv.decode(page.bytes, 'Shift_JIS');
    expect(html).toContain('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">');
    expect(html).toMatch(/大和新聞/);
    // The bytes are the Shift_JIS encoding of the outlet's name, not UTF-8.
    expect(page.bytes.includes(iconv.encode('大和新聞', 'Shift_JIS'))).toBe(true);
    expect(page.bytes.includes(Buffer.from('大和新聞', 'utf8'))).toBe(false);
  });

  it('answers 304 to a matching If-None-Match or a later If-Modified-Since, 200 otherwise', async () => {
    const url = `${server.baseUrl}/reuters/rss/world.xml`;
    const first = await get(url);
    const etag = first.res.headers.get('etag')!;
    const lastModified = first.res.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[0-9a-f]+(-gz)?"$/); // fetch asks for gzip by default
    const before = server.stats().notModified;

    const again = await get(url, { 'If-None-Match': etag });
    expect(again.res.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expect((await get(url, { 'If-None-Match': `W/"other", ${etag}` })).res.status).toBe(304);
    expect((await get(url, { 'If-Modified-Since': lastModified })).res.status).toBe(304);
    expect((await get(url, { 'If-None-Match': '"stale"' })).res.status).toBe(200);
    const older = new Date(Date.parse(lastModified) - 60_000).toUTCString();
    expect((await get(url, { 'If-Modified-Since': older })).res.status).toBe(200);
    expect(server.stats().notModified - before).toBe(3);
  });

  it('gzips when the client accepts it, and the gzip ETag also revalidates', async () => {
    const url = [...expectedGroups(world, server.baseUrl).keys()][0]!;
    const plain = await get(url, { 'Accept-Encoding': 'identity' });
    // fetch would decode gzip itself; node:http via fetch keeps headers, so ask for raw bytes with a plain request.
    const { request } = await import('node:http');
    const zipped = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const req = request(url, { headers: { 'Accept-Encoding': 'gzip, deflate' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(plain.res.headers.get('content-encoding')).toBeNull();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.body).equals(plain.bytes)).toBe(true);
    const revalidate = await get(url, { 'If-None-Match': String(zipped.headers['etag']), 'Accept-Encoding': 'gzip' });
    expect(revalidate.res.status).toBe(304);
    expect((await get(url, { 'Accept-Encoding': 'gzip;q=0' })).res.headers.get('content-encoding')).toBeNull();
  });

  it('answers 404 for unknown paths, 405 for other methods, headers only for HEAD', async () => {
    expect((await get(`${server.baseUrl}/nosuchoutlet/feed.xml`)).res.status).toBe(404);
    expect((await get(`${server.baseUrl}/reuters/world/not-an-article`)).res.status).toBe(404);
    const post = await fetch(`${server.baseUrl}/reuters/rss/world.xml`, { method: 'POST' });
    expect(post.status).toBe(405);
    await post.arrayBuffer();
    const head = await fetch(`${server.baseUrl}/reuters/rss/world.xml`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    expect((await get(`${server.baseUrl}/robots.txt`)).res.status).toBe(200);
  });

  it('counts requests per path', async () => {
    server.resetStats();
    const url = `${server.baseUrl}/guardian/feeds/world.atom`;
    await get(url);
    await get(url);
    await get(`${server.baseUrl}/missing`);
    const stats = server.stats();
    expect(stats.total).toBe(3);
    expect(stats.byPath['/guardian/feeds/world.atom']).toBe(2);
    expect(stats.byPath['/missing']).toBe(1);
    expect(stats.byStatus['404']).toBe(1);
  });

  it('holds every answer back by the response delay while one is set', async () => {
    server.resetStats();
    server.setResponseDelay(300);
    try {
      const answered = get(`${server.baseUrl}/guardian/feeds/world.atom`);
      // Timers fire in order of expiry: this one always before the server's 300 ms.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.stats().total).toBe(0);
      expect((await answered).res.status).toBe(200);
      expect(server.stats().total).toBe(1);
    } finally {
      server.setResponseDelay(0);
    }
  });

  it('serves the hostile outlet live markup: scripts, handlers and javascript: links', async () => {
    const feed = (await get(`${server.baseUrl}/hostile/rss/all.xml`)).bytes.toString('utf8');
    expect(feed).toContain('<link>javascript:alert(document.cookie)</link>');
    expect(feed).toContain('<![CDATA[<img src=x onerror=');
    const pageUrl = [...expectedGroups(world, server.baseUrl).keys()].find((u) => u.includes('/hostile/'))!;
    const html = (await get(pageUrl)).bytes.toString('utf8');
    expect(html).toMatch(/<script>document\.title = "pwned"/);
    expect(html).toContain('onclick="alert(');
    expect(html).toContain('href="javascript:alert(');
    // Escaped text too: a title whose text looks like markup.
    expect(html).toContain('&lt;script&gt;alert(&quot;xss-script&quot;)&lt;/script&gt;');
  });
});

describe('startOutletsServer with a generated world', () => {
  it('serves every generated article and feed', async () => {
    const generated = generateWorld({
      seed: 11,
      outlets: 5,
      stories: 8,
      articles: 40,
      baseTime: new Date('2025-03-05T12:00:00Z'),
      itemsPerFeed: 10,
    });
    const gen = await startOutletsServer(generated);
    try {
      for (const outlet of demoOutlets(generated, gen.baseUrl))
        for (const feed of outlet.feeds) expect((await get(feed.url)).res.status).toBe(200);
      for (const url of expectedGroups(generated, gen.baseUrl).keys()) expect((await get(url)).res.status, url).toBe(200);
      expect(gen.stats().byStatus['200']).toBeGreaterThanOrEqual(40);
    } finally {
      await gen.close();
    }
  });
});
