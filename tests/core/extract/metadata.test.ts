import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/extract/index.js';

const URL = 'https://news.example/2024/story';
const BODY = `<article><div class="article-body">${'<p>The council met on Tuesday evening and voted, after a long debate, to keep the library open on Sundays.</p>'.repeat(4)}</div></article>`;

/** A page with the given head (and optional extra body markup) around a normal article body. */
function page(head: string, body = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}${BODY}</body></html>`;
}

function ld(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

const meta = (head: string, body = '') => extractArticle(page(head, body), { url: URL });

describe('published and modified times', () => {
  const cases: Array<[string, string, string, string | null]> = [
    [
      'JSON-LD NewsArticle',
      ld({ '@type': 'NewsArticle', datePublished: '2024-01-02T03:04:05+02:00', dateModified: '2024-01-03T00:00:00Z' }),
      '',
      '2024-01-02T01:04:05.000Z',
    ],
    [
      'JSON-LD in @graph with @type list',
      ld({ '@graph': [{ '@type': 'WebPage' }, { '@type': ['Article', 'NewsArticle'], datePublished: '2024-01-02' }] }),
      '',
      '2024-01-02T00:00:00.000Z',
    ],
    [
      'JSON-LD wrapped in CDATA with raw newlines',
      `<script type="application/ld+json">//<![CDATA[\n{"@type":"BlogPosting","datePublished":"2024-01-02T10:00:00Z","description":"line one\nline two"}\n//]]></script>`,
      '',
      '2024-01-02T10:00:00.000Z',
    ],
    [
      'article:published_time',
      '<meta property="article:published_time" content="2024-01-02T10:00:00-05:00">',
      '',
      '2024-01-02T15:00:00.000Z',
    ],
    ['meta name=pubdate', '<meta name="pubdate" content="20240102">', '', '2024-01-02T00:00:00.000Z'],
    ['meta itemprop=datePublished', '<meta itemprop="datePublished" content="2024-01-02 08:00">', '', '2024-01-02T08:00:00.000Z'],
    ['dc.date.issued', '<meta name="DC.date.issued" content="2024-01-02">', '', '2024-01-02T00:00:00.000Z'],
    [
      'time itemprop=datePublished',
      '',
      '<time itemprop="datePublished" datetime="2024-01-02T09:00:00Z">2 January</time>',
      '2024-01-02T09:00:00.000Z',
    ],
    ['time pubdate', '', '<time pubdate datetime="2024-01-02T09:00:00+09:00">2 January</time>', '2024-01-02T00:00:00.000Z'],
    ['time element text only', '', '<span itemprop="datePublished">January 2, 2024</span>', '2024-01-02T00:00:00.000Z'],
    ['any time[datetime]', '', '<p class="when"><time datetime="2024-01-02">Jan 2</time></p>', '2024-01-02T00:00:00.000Z'],
  ];
  for (const [form, head, body, expected] of cases) {
    it(`published from ${form}`, () => {
      expect(meta(head, body).published).toBe(expected);
    });
  }

  it('structured data wins over meta tags', () => {
    const head =
      ld({ '@type': 'NewsArticle', datePublished: '2024-01-02T00:00:00Z' }) +
      '<meta property="article:published_time" content="2023-12-31T00:00:00Z">';
    expect(meta(head).published).toBe('2024-01-02T00:00:00.000Z');
  });

  it('modified from JSON-LD, article:modified_time, og:updated_time and itemprop', () => {
    expect(meta(ld({ '@type': 'NewsArticle', dateModified: '2024-02-01T00:00:00Z' })).modified).toBe('2024-02-01T00:00:00.000Z');
    expect(meta('<meta property="article:modified_time" content="2024-02-01T01:00:00Z">').modified).toBe('2024-02-01T01:00:00.000Z');
    expect(meta('<meta property="og:updated_time" content="2024-02-01T02:00:00Z">').modified).toBe('2024-02-01T02:00:00.000Z');
    expect(meta('', '<time itemprop="dateModified" datetime="2024-02-01T03:00:00Z"></time>').modified).toBe('2024-02-01T03:00:00.000Z');
  });

  it('null when the page gives no usable date', () => {
    expect(meta('<meta name="date" content="soon">').published).toBeNull();
  });
});

describe('bylines', () => {
  const person = (name: string) => ({ '@type': 'Person', name });
  const cases: Array<[string, string, string, string | null]> = [
    ['JSON-LD author string', ld({ '@type': 'NewsArticle', author: 'Jane Doe' }), '', 'Jane Doe'],
    ['JSON-LD Person', ld({ '@type': 'NewsArticle', author: person('Jane Doe') }), '', 'Jane Doe'],
    ['JSON-LD list of Persons', ld({ '@type': 'NewsArticle', author: [person('Jane Doe'), person('John Roe')] }), '', 'Jane Doe, John Roe'],
    [
      'JSON-LD @id reference into @graph',
      ld({
        '@graph': [
          { '@type': 'Person', '@id': '#a', name: 'Jane Doe' },
          { '@type': 'NewsArticle', author: { '@id': '#a' } },
        ],
      }),
      '',
      'Jane Doe',
    ],
    ['JSON-LD Organization', ld({ '@type': 'NewsArticle', author: { '@type': 'Organization', name: 'Reuters' } }), '', 'Reuters'],
    ['meta name=author', '<meta name="author" content="Jane Doe">', '', 'Jane Doe'],
    ['meta byl with "By"', '<meta name="byl" content="By JANE DOE and JOHN ROE">', '', 'JANE DOE and JOHN ROE'],
    [
      'article:author URL is skipped for the byline element',
      '<meta property="article:author" content="https://facebook.com/jane">',
      '<p class="byline">By Jane Doe</p>',
      'Jane Doe',
    ],
    ['itemprop author with name', '', '<span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span>', 'Jane Doe'],
    ['rel=author link', '', '<a rel="author" href="/jane">Jane Doe</a>', 'Jane Doe'],
    ['byline class with prefix', '', '<div class="byline">Written by Jane Doe |</div>', 'Jane Doe'],
    ['none', '', '', null],
  ];
  for (const [form, head, body, expected] of cases) {
    it(`byline from ${form}`, () => {
      expect(meta(head, body).byline).toBe(expected);
    });
  }
});

describe('other metadata', () => {
  it('title: JSON-LD headline, og:title, h1, then <title> without the site name', () => {
    expect(meta(ld({ '@type': 'NewsArticle', headline: 'From JSON-LD' }) + '<meta property="og:title" content="From OG">').title).toBe(
      'From JSON-LD',
    );
    expect(meta('<meta property="og:title" content="From OG">').title).toBe('From OG');
    expect(meta('<title>Library stays open on Sundays | The Town Gazette</title>').title).toBe('Library stays open on Sundays');
    expect(meta('<title>x</title>', '<h1>The headline</h1>').title).toBe('The headline');
  });

  it('lang from <html lang>, else content-language or og:locale, normalised', () => {
    expect(extractArticle(`<html lang="pt_br"><body>${BODY}</body></html>`, { url: URL }).lang).toBe('pt-BR');
    expect(meta('<meta property="og:locale" content="en_GB">').lang).toBe('en-GB');
    expect(meta('<meta http-equiv="content-language" content="de">').lang).toBe('de');
    expect(meta(ld({ '@type': 'NewsArticle', inLanguage: 'ko-KR' })).lang).toBe('ko-KR');
  });

  it('canonical, image and section resolve against the page (or <base>)', () => {
    const page = meta(
      '<base href="https://cdn.example/base/"><link rel="canonical" href="/2024/story"><meta property="og:image" content="img/a.jpg"><meta property="article:section" content="Local">',
    );
    expect(page.canonicalUrl).toBe('https://cdn.example/2024/story');
    expect(page.image).toBe('https://cdn.example/base/img/a.jpg');
    expect(page.section).toBe('Local');
    expect(meta('<meta property="og:url" content="https://news.example/og">').canonicalUrl).toBe('https://news.example/og');
    expect(meta('<link rel="canonical" href="javascript:alert(1)">').canonicalUrl).toBeNull();
    expect(
      meta(
        ld({
          '@type': 'NewsArticle',
          image: [{ '@type': 'ImageObject', url: 'https://img.example/1.jpg' }],
          articleSection: ['World', 'Asia'],
        }),
      ).image,
    ).toBe('https://img.example/1.jpg');
    expect(meta(ld({ '@type': 'NewsArticle', articleSection: ['World', 'Asia'] })).section).toBe('World');
  });

  it('description from og:description, else meta description', () => {
    expect(meta('<meta name="description" content="  The   short one. ">').description).toBe('The short one.');
  });
});
