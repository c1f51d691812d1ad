import { describe, expect, it } from 'vitest';
import type { Outlet } from '../../../src/core/model/index.js';
import { parseOpml, renderOpml } from '../../../src/core/poll/opml.js';
import { fixture, thrown } from './helpers.js';

const outlet = (id: string, name: string, feeds: Array<[string, string]>): Outlet => ({
  id,
  name,
  homepage: `https://${id}.example/`,
  language: 'en',
  country: 'JP',
  kind: 'newspaper',
  perspective: [],
  feeds: feeds.map(([feedId, url]) => ({ id: feedId, outletId: id, url, intervalSeconds: 600 })),
});

describe('parseOpml', () => {
  it('reads nested outlines, categories, case-insensitive xmlURL, and dedupes', () => {
    expect(parseOpml(fixture('subscriptions.opml'))).toEqual([
      {
        title: 'Kyodo News+',
        xmlUrl: 'https://english.kyodonews.net/rss/news.xml',
        htmlUrl: 'https://english.kyodonews.net/',
        categories: ['News', 'Asia'],
      },
      { title: 'NHK World', xmlUrl: 'https://www3.nhk.or.jp/rss/news/cat0.xml', htmlUrl: null, categories: ['News', 'Asia'] },
      { title: 'Top-level & loose', xmlUrl: 'http://example.org/feed', htmlUrl: null, categories: [] },
    ]);
  });

  it('rejects a document that is not OPML', () => {
    expect(thrown(() => parseOpml('<rss><channel/></rss>')).code).toBe('not_opml');
  });
});

describe('renderOpml', () => {
  const outlets = [
    outlet('kyodo', 'Kyodo News+', [['kyodo-world', 'https://kyodo.example/rss?a=1&b=2']]),
    outlet('jt', 'The "Japan" Times <JT>', [
      ['jt-news', 'https://jt.example/news.xml'],
      ['jt-biz', 'https://jt.example/biz.xml'],
    ]),
  ];

  it('round-trips through parseOpml', () => {
    const text = renderOpml(outlets, { title: 'storydesk feeds', now: new Date('2025-01-14T00:00:00Z') });
    expect(text).toContain('<dateCreated>Tue, 14 Jan 2025 00:00:00 GMT</dateCreated>');
    expect(parseOpml(text)).toEqual([
      { title: 'Kyodo News+', xmlUrl: 'https://kyodo.example/rss?a=1&b=2', htmlUrl: 'https://kyodo.example/', categories: ['Kyodo News+'] },
      {
        title: 'The "Japan" Times <JT> (jt-news)',
        xmlUrl: 'https://jt.example/news.xml',
        htmlUrl: 'https://jt.example/',
        categories: ['The "Japan" Times <JT>'],
      },
      {
        title: 'The "Japan" Times <JT> (jt-biz)',
        xmlUrl: 'https://jt.example/biz.xml',
        htmlUrl: 'https://jt.example/',
        categories: ['The "Japan" Times <JT>'],
      },
    ]);
  });
});
