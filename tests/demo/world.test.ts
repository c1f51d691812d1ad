import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { outletsFileSchema } from '../../src/adapters/config/outlets.js';
import { buildDemoWorld, DEMO_STORY_KEYS } from '../../src/demo/articles.js';
import { demoOutlets, expectedGroups } from '../../src/demo/outlets.js';
import { HOSTILE_OUTLET_NAME } from '../../src/demo/stories/hostile.js';

const baseTime = new Date('2025-03-05T12:00:00Z');
const world = buildDemoWorld({ baseTime });

describe('the hand-written demo world', () => {
  it('has at least six outlets, every feed format, and one Shift_JIS outlet', () => {
    expect(world.outlets.length).toBeGreaterThanOrEqual(6);
    expect(new Set(world.outlets.map((o) => o.feedFormat))).toEqual(new Set(['rss2', 'atom', 'rdf']));
    const sjis = world.outlets.filter((o) => o.charset === 'shift_jis');
    expect(sjis).toHaveLength(1);
    expect(sjis[0]!.language).toBe('ja');
  });

  it('covers every shared story key from two or more outlets, and single-outlet keys from one article', () => {
    expect(DEMO_STORY_KEYS.length).toBeGreaterThanOrEqual(4);
    for (const key of DEMO_STORY_KEYS) {
      const outlets = new Set(world.articles.filter((a) => a.storyKey === key).map((a) => a.outletId));
      expect(outlets.size, key).toBeGreaterThanOrEqual(2);
    }
    const solo = world.articles.filter((a) => !(DEMO_STORY_KEYS as readonly string[]).includes(a.storyKey));
    expect(solo.length).toBeGreaterThanOrEqual(4);
    expect(new Set(solo.map((a) => a.storyKey)).size).toBe(solo.length);
  });

  it('has articles of 4 to 10 paragraphs, unique ids, all published before the base time', () => {
    expect(new Set(world.articles.map((a) => a.id)).size).toBe(world.articles.length);
    for (const article of world.articles) {
      expect(article.paragraphs.length, article.id).toBeGreaterThanOrEqual(4);
      expect(article.paragraphs.length, article.id).toBeLessThanOrEqual(10);
      expect(Date.parse(article.published)).toBeLessThan(baseTime.getTime());
      if (article.modified) expect(article.modified > article.published).toBe(true);
      expect(
        world.outlets.some((o) => o.id === article.outletId && o.feeds.some((f) => f.sections.includes(article.section))),
        article.id,
      ).toBe(true);
    }
  });

  it('places articles relative to the base time it is given', () => {
    const later = buildDemoWorld({ baseTime: new Date(baseTime.getTime() + 86_400_000) });
    expect(Date.parse(later.articles[0]!.published) - Date.parse(world.articles[0]!.published)).toBe(86_400_000);
  });

  it('writes the Japanese outlet in Japanese that Shift_JIS can carry without loss', () => {
    const japanese = world.articles.filter((a) => a.outletId === 'yamato');
    expect(japanese.length).toBeGreaterThanOrEqual(3);
    for (const article of japanese) {
      const text = [article.title, article.summary, article.author, article.imageCaption, ...article.paragraphs, ...article.tags].join(
        '\n',
      );
      expect(text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(iconv.decode(iconv.encode(text, 'Shift_JIS'), 'Shift_JIS')).toBe(text);
    }
  });

  it('adds the hostile outlet only when asked', () => {
    expect(world.outlets.some((o) => o.hostile)).toBe(false);
    const hostile = buildDemoWorld({ baseTime, hostile: true });
    const outlet = hostile.outlets.find((o) => o.hostile)!;
    expect(outlet.name).toBe(HOSTILE_OUTLET_NAME);
    expect(outlet.name).toMatch(/<script>/);
    expect(hostile.articles.filter((a) => a.outletId === outlet.id).every((a) => /<(script|img|svg)/.test(a.title + a.summary))).toBe(true);
    expect(hostile.bogusItems[0]!.link).toMatch(/^javascript:/);
  });
});

describe('demoOutlets and expectedGroups', () => {
  const baseUrl = 'http://127.0.0.1:4000';

  it('builds outlet configs the config schema accepts, pointing at the server', () => {
    const outlets = demoOutlets(buildDemoWorld({ baseTime, hostile: true }), baseUrl);
    expect(() => outletsFileSchema.parse({ outlets })).not.toThrow();
    for (const outlet of outlets) {
      expect(outlet.allowPrivateNetwork).toBe(true);
      for (const feed of outlet.feeds) expect(feed.url.startsWith(`${baseUrl}/${outlet.id}/`)).toBe(true);
    }
    const byId = new Map(outlets.map((o) => [o.id, o]));
    expect(byId.get('chinamil')).toMatchObject({ kind: 'state-media', perspective: ['pro-China'], name: 'China Military' });
    expect(byId.get('thehill')).toMatchObject({ kind: 'opinion', perspective: ['US-centre', 'anti-China'] });
    expect(byId.get('kyodo')!.name).toBe('Kyodo News+');
  });

  it('maps every article URL to its story key', () => {
    const groups = expectedGroups(world, `${baseUrl}/`);
    expect(groups.size).toBe(world.articles.length);
    for (const url of groups.keys()) expect(url.startsWith(`${baseUrl}/`) && !url.startsWith(`${baseUrl}//`)).toBe(true);
    expect(new Set(groups.values())).toEqual(new Set(world.articles.map((a) => a.storyKey)));
  });
});
