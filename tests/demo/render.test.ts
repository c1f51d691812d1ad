import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { renderAtom, renderRdf, renderRss2, type FeedView } from '../../src/demo/render.js';
import { cdata, escapeMarkup, jsonForScript } from '../../src/demo/render/escape.js';

const tricky = 'Tom & Jerry <b>"quoted"</b> it\'s ]]> done';

function view(summaryIsHtml: boolean): FeedView {
  return {
    title: `Feed ${tricky}`,
    description: 'd',
    homepageUrl: 'http://127.0.0.1:1/x/',
    feedUrl: 'http://127.0.0.1:1/x/feed',
    language: 'en',
    updated: '2025-03-05T10:00:00.000Z',
    encodingLabel: 'utf-8',
    utcOffsetMinutes: 0,
    items: [
      {
        title: tricky,
        link: 'http://127.0.0.1:1/x/a?id=1&b=2',
        guid: 'x-1',
        guidIsPermaLink: false,
        summary: summaryIsHtml ? '<p>html ]]> summary</p>' : tricky,
        summaryIsHtml,
        published: '2025-03-05T09:00:00.000Z',
        updated: '2025-03-05T09:30:00.000Z',
        author: 'A & B',
        categories: ['c<1>'],
        imageUrl: null,
      },
    ],
  };
}

describe('feed renderers', () => {
  for (const [name, render] of [
    ['rss2', renderRss2],
    ['atom', renderAtom],
    ['rdf', renderRdf],
  ] as const) {
    it(`${name}: escapes text so a feed parser reads back exactly what was written`, async () => {
      const feed = await new Parser().parseString(render(view(false)));
      expect(feed.title).toBe(`Feed ${tricky}`);
      expect(feed.items[0]!.title).toBe(tricky);
      expect(feed.items[0]!.link).toBe('http://127.0.0.1:1/x/a?id=1&b=2');
      expect(Date.parse(feed.items[0]!.isoDate!)).toBe(Date.parse('2025-03-05T09:00:00.000Z'));
    });

    it(`${name}: carries HTML summaries as markup`, async () => {
      const feed = await new Parser().parseString(render(view(true)));
      // rss-parser reads Atom's <summary> into `summary`, RSS descriptions into `content`.
      const item = feed.items[0]! as { content?: string; summary?: string };
      expect(item.content ?? item.summary).toContain('<p>html ]]> summary</p>');
    });
  }
});

describe('escaping helpers', () => {
  it('escapes the five markup characters', () => {
    expect(escapeMarkup(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('keeps "]]>" from closing a CDATA section early', () => {
    expect(cdata('a]]>b')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>');
  });

  it('keeps "</script>" out of JSON-LD', () => {
    expect(jsonForScript({ a: '</script><script>x</script>' })).not.toContain('</script>');
    expect(JSON.parse(jsonForScript({ a: '</script>' }))).toEqual({ a: '</script>' });
  });
});
