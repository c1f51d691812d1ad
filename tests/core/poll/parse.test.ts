import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/core/poll/parse.js';
import { fixture, NOW, rejected } from './helpers.js';

const URL_ = 'https://news.example/rss/world.xml';
const parse = (xml: string | Buffer, extra: { contentType?: string; maxItems?: number } = {}) =>
  parseFeed(typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml, { url: URL_, now: NOW, ...extra });
const rss = (items: string, channel = '<title>T</title><link>https://news.example/</link>') =>
  `<?xml version="1.0"?><rss version="2.0"><channel>${channel}${items}</channel></rss>`;

const illformed = await parseFeed(fixture('illformed-news.xml'), { url: URL_, now: NOW });

describe('parseFeed on an ill-formed, truncated news feed', () => {
  const parsed = illformed;

  it('recovers the feed fields, HTML entities and a bare & included', () => {
    expect(parsed.feed).toEqual({
      title: 'Example News — World & Politics',
      link: 'https://news.example/world/',
      language: 'en-gb',
      ttlMinutes: 30,
    });
    expect(parsed.charset).toBe('utf-8');
  });

  it('keeps the complete items and drops the one cut off', () => {
    expect(parsed.items.map((i) => i.title)).toEqual(['Talks resume in Geneva …', 'Markets close higher']);
    expect(parsed.warnings.some((w) => w.startsWith('truncated'))).toBe(true);
  });

  it('normalises the first item', () => {
    expect(parsed.items[0]).toEqual({
      guid: 'news-1001',
      link: 'https://news.example/world/2025/01/13/talks-resume?utm_source=rss&utm_medium=feed',
      canonicalUrl: 'https://news.example/world/2025/01/13/talks-resume',
      title: 'Talks resume in Geneva …',
      summary: 'Delegates met again on Monday.',
      published: '2025-01-13T00:30:00.000Z',
      author: 'Jane Doe',
      categories: ['Europe', 'Diplomacy'],
      image: 'https://news.example/img/geneva.jpg',
      language: 'en-gb',
    });
  });

  it('normalises the second item: dc:date, RSS author, media thumbnail, GUID falls back to the link', () => {
    const item = parsed.items[1];
    expect(item?.published).toBe('2025-01-12T23:00:00.000Z');
    expect(item?.author).toBe('Business Desk');
    expect(item?.image).toBe('https://cdn.news.example/markets.jpg');
    expect(item?.summary).toBe('Shares rose 2% in Tokyo.');
    expect(item?.guid).toBe('https://news.example/business/markets-close-higher#comments');
    expect(item?.canonicalUrl).toBe('https://news.example/business/markets-close-higher');
  });
});

describe('parseFeed recovery', () => {
  it('drops invalid control characters', async () => {
    const parsed = await parse(rss('<item><title>Bad\u0001 \u000bchars</title><link>https://a.example/1</link></item>'));
    expect(parsed.items[0]?.title).toBe('Bad chars');
  });

  it('closes mismatched and unclosed elements', async () => {
    const parsed = await parse(
      '<rss version="2.0"><channel><title>T</title><item><title>One</title><link>https://a.example/1</link>' +
        '</item><item><title>Two<link>https://a.example/2</link></item></channel>',
    );
    expect(parsed.items.map((i) => i.link)).toEqual(['https://a.example/1', 'https://a.example/2']);
  });

  it('keeps the text of a description nested thousands of tags deep', async () => {
    // In CDATA, out of the feed reader's reach: the HTML of the description itself nests 5,000
    // deep, and 5,000 self-closed scripts (which HTML leaves open) follow.
    const html = `${'<i>'.repeat(5000)}Deep text.${'</i>'.repeat(5000)} ${'<script/>'.repeat(5000)}After the scripts.`;
    const parsed = await parse(
      rss(`<item><title>T</title><link>https://a.example/1</link><description><![CDATA[${html}]]></description></item>`),
    );
    expect(parsed.items[0]?.summary).toBe('Deep text. After the scripts.');
  });

  it('decodes entities declared in the DOCTYPE', async () => {
    const parsed = await parse(
      '<!DOCTYPE rss [<!ENTITY brand "Storydesk">]><rss version="2.0"><channel><title>&brand; news</title></channel></rss>',
    );
    expect(parsed.feed.title).toBe('Storydesk news');
  });

  it('reads RSS without a channel and without a version', async () => {
    const parsed = await parse('<rss><item><title>Loose</title><link>https://a.example/x</link></item></rss>');
    expect(parsed.items.map((i) => i.title)).toEqual(['Loose']);
  });

  it('reads RSS 1.0 (RDF), including a prefixed RSS namespace', async () => {
    const parsed = await parse(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        xmlns:r="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <r:channel rdf:about="https://a.example/"><r:title>RDF feed</r:title><r:link>https://a.example/</r:link></r:channel>
      <r:item rdf:about="https://a.example/1"><r:title>First</r:title><r:link>https://a.example/1</r:link><dc:date>2024-05-01T10:00:00Z</dc:date></r:item>
    </rdf:RDF>`);
    expect(parsed.feed.title).toBe('RDF feed');
    expect(parsed.items[0]).toMatchObject({
      title: 'First',
      link: 'https://a.example/1',
      published: '2024-05-01T10:00:00.000Z',
      guid: 'https://a.example/1',
    });
  });

  it('reads Atom 1.0 with xml:lang, xml:base, html titles, categories and updated dates', async () => {
    const parsed = await parse(`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja" xml:base="https://blog.example/ja/">
      <title type="html">Blog &lt;b&gt;JP&lt;/b&gt;</title><link rel="alternate" href="https://blog.example/"/>
      <entry><title type="text">A &lt;tag&gt; in text</title><link rel="alternate" type="text/html" href="posts/1"/><id>tag:blog.example,2024:1</id>
        <updated>2024-03-08T00:00:00+09:00</updated><category term="tech" label="Technology"/><author><name>Aoi</name></author>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <em>world</em></p></div></content></entry>
    </feed>`);
    expect(parsed.feed).toMatchObject({ title: 'Blog JP', language: 'ja' });
    expect(parsed.items[0]).toMatchObject({
      title: 'A <tag> in text',
      link: 'https://blog.example/ja/posts/1',
      guid: 'tag:blog.example,2024:1',
      published: '2024-03-07T15:00:00.000Z',
      categories: ['Technology'],
      author: 'Aoi',
      summary: 'Hello world',
      language: 'ja',
    });
  });

  it('reads Atom 0.3 with issued dates and a prefixed Atom namespace', async () => {
    const parsed = await parse(`<a:feed version="0.3" xmlns:a="http://purl.org/atom/ns#"><a:title>Old</a:title>
      <a:entry><a:title mode="escaped">Old &amp;amp; gold</a:title>
      <a:link rel="alternate" type="text/html" href="https://old.example/1"/><a:issued>2004-01-02T03:04:05Z</a:issued></a:entry></a:feed>`);
    expect(parsed.items[0]).toMatchObject({ title: 'Old & gold', link: 'https://old.example/1', published: '2004-01-02T03:04:05.000Z' });
  });

  it('survives an Atom date JavaScript cannot read and a link given as text', async () => {
    const parsed = await parse(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><entry><title>e</title>' +
        '<link>https://a.example/e</link><published>sometime soon</published></entry></feed>',
    );
    expect(parsed.items[0]).toMatchObject({ link: 'https://a.example/e', published: null });
    expect(parsed.warnings).toContain('bad_date: dropped 1 entry date(s) that could not be read');
  });

  it('drops an entry without fields (xml2js would hand rss-parser a bare string)', async () => {
    const parsed = await parse(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><entry>only text</entry><entry><title>kept</title></entry></feed>',
    );
    expect(parsed.items.map((i) => i.title)).toEqual(['kept']);
    expect(parsed.warnings).toContain('empty_item: dropped 1 item(s) without any field');
  });

  it('reads a tag whose name is not an XML name as text', async () => {
    const parsed = await parse(rss('<item><title>t</title><a10:>x</a10:><bad"name>y</item>'));
    expect(parsed.items[0]?.title).toBe('t');
  });

  it('closes an element left open before the items start', async () => {
    const parsed = await parse(rss('<itunes:category text="Tech"><item><title>a</title></item><item><title>b</title></item>'));
    expect(parsed.items.map((i) => i.title)).toEqual(['a', 'b']);
  });

  it('finds a feed wrapped in an XHTML page', async () => {
    const parsed = await parse(
      '<html xmlns="http://www.w3.org/1999/xhtml"><body><feed xmlns="http://www.w3.org/2005/Atom">' +
        '<title>Wrapped</title><entry><title>In</title></entry></feed></body></html>',
    );
    expect(parsed.feed.title).toBe('Wrapped');
    expect(parsed.items).toHaveLength(1);
  });

  it('gunzips gzip bytes served without Content-Encoding', async () => {
    const parsed = await parse(gzipSync(Buffer.from(rss('<item><title>Zipped</title></item>'))));
    expect(parsed.items[0]?.title).toBe('Zipped');
    expect(parsed.warnings.some((w) => w.startsWith('gzip'))).toBe(true);
  });

  it('keeps the first maxItems items and says so', async () => {
    const items = Array.from({ length: 5 }, (_, i) => `<item><title>n${i}</title></item>`).join('');
    const parsed = await parse(rss(items), { maxItems: 3 });
    expect(parsed.items.map((i) => i.title)).toEqual(['n0', 'n1', 'n2']);
    expect(parsed.warnings).toContain('too_many_items: kept the first 3 of 5 items');
  });

  it('gives the same result after a failed parse (a fresh rss-parser each time)', async () => {
    const good = rss('<item><title>Stable</title><link>https://a.example/s</link></item>');
    const before = await parse(good);
    await rejected(parse('<html><body>nope</body></html>'));
    await rejected(parse(''));
    expect(await parse(good)).toEqual(before);
  });
});

describe('parseFeed rejections (typed)', () => {
  it('an HTML page names the feeds it advertises', async () => {
    const error = await rejected(parseFeed(fixture('html-with-alternates.html'), { url: 'https://news.example/world/', now: NOW }));
    expect(error.code).toBe('not_a_feed');
    expect(error.message).toContain('https://news.example/feeds/world.rss');
    expect(error.message).toContain('https://news.example/feeds/all.atom');
    expect(error.message).not.toContain('style.css');
    expect(error.permanent).toBe(true);
  });

  it('an empty body and a blank document are empty; non-empty text without elements is not XML, not "empty"', async () => {
    expect((await rejected(parse(''))).code).toBe('empty');
    expect((await rejected(parse('  \n '))).code).toBe('empty');
    const garbage = await rejected(parse('just text'));
    expect(garbage.code).toBe('not_a_feed');
    expect(garbage.message).toMatch(/not XML/);
    expect(garbage.message).not.toMatch(/empty/);
  });

  it('other XML, an Atom entry and JSON are not feeds', async () => {
    expect((await rejected(parse('<note><to>x</to></note>'))).message).toContain('<note>');
    expect((await rejected(parse('<entry xmlns="http://www.w3.org/2005/Atom"><title>x</title></entry>'))).code).toBe('not_a_feed');
    expect((await rejected(parse('{"version":"https://jsonfeed.org/version/1.1"}'))).code).toBe('not_a_feed');
  });

  it('corrupt gzip is decompress_failed', async () => {
    expect((await rejected(parse(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03])))).code).toMatch(/decompress_failed|empty/);
  });

  it('never throws anything but StorydeskError on any cut of a feed', async () => {
    const bytes = fixture('illformed-news.xml');
    for (let end = 0; end <= bytes.length; end += 7) {
      try {
        await parse(bytes.subarray(0, end));
      } catch (error) {
        expect((error as { name?: string }).name).toBe('StorydeskError');
        expect((error as { code?: string }).code).not.toBe('internal');
      }
    }
  });
});
