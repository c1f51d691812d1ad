import { describe, expect, it } from 'vitest';
import { generateWorld } from '../../src/demo/generator.js';
import { createRng } from '../../src/demo/prng.js';

const baseTime = new Date('2025-03-05T12:00:00Z');
const small = { outlets: 12, stories: 20, articles: 120, baseTime };

describe('createRng', () => {
  it('repeats its sequence for one seed and differs for another', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('generateWorld', () => {
  it('gives the same world for the same seed', () => {
    expect(generateWorld({ seed: 42, ...small })).toEqual(generateWorld({ seed: 42, ...small }));
  });

  it('gives a different world for a different seed', () => {
    const a = generateWorld({ seed: 42, ...small });
    const b = generateWorld({ seed: 43, ...small });
    expect(b.articles.map((x) => x.title)).not.toEqual(a.articles.map((x) => x.title));
    expect(b.outlets.map((x) => x.name)).not.toEqual(a.outlets.map((x) => x.name));
  });

  it('has the requested size, unique ids, and every story covered by two or more outlets', () => {
    const world = generateWorld({ seed: 1, ...small });
    expect(world.outlets).toHaveLength(12);
    expect(world.articles).toHaveLength(120);
    expect(new Set(world.articles.map((a) => a.id)).size).toBe(120);
    expect(new Set(world.outlets.map((o) => o.id)).size).toBe(12);
    const outletsByStory = new Map<string, Set<string>>();
    for (const a of world.articles) outletsByStory.set(a.storyKey, (outletsByStory.get(a.storyKey) ?? new Set()).add(a.outletId));
    expect(outletsByStory.size).toBe(20);
    for (const outlets of outletsByStory.values()) expect(outlets.size).toBeGreaterThanOrEqual(2);
  });

  it('writes articles of several hundred words, published before the base time', () => {
    const world = generateWorld({ seed: 5, ...small });
    for (const article of world.articles) {
      const words = article.paragraphs.join(' ').split(/\s+/).length;
      expect(words).toBeGreaterThan(200);
      expect(article.paragraphs.length).toBeGreaterThanOrEqual(4);
      expect(Date.parse(article.published)).toBeLessThan(baseTime.getTime());
      expect(article.title).not.toMatch(/[{}]/);
      expect(article.paragraphs.join(' ')).not.toMatch(/[{}]/);
    }
  });

  it('keeps every feed within itemsPerFeed by giving busy outlets more section feeds', () => {
    const world = generateWorld({ seed: 9, outlets: 3, stories: 10, articles: 100, baseTime, itemsPerFeed: 15 });
    for (const outlet of world.outlets) {
      const own = world.articles.filter((a) => a.outletId === outlet.id);
      for (const feed of outlet.feeds) {
        expect(own.filter((a) => feed.sections.includes(a.section)).length).toBeLessThanOrEqual(15);
      }
      // Every article is in some feed of its outlet.
      expect(own.every((a) => outlet.feeds.some((f) => f.sections.includes(a.section)))).toBe(true);
    }
  });

  it('mixes feed formats and page templates across outlets', () => {
    const world = generateWorld({ seed: 3, outlets: 40, stories: 10, articles: 40, baseTime });
    expect(new Set(world.outlets.map((o) => o.feedFormat))).toEqual(new Set(['rss2', 'atom', 'rdf']));
    expect(new Set(world.outlets.map((o) => o.template)).size).toBeGreaterThanOrEqual(4);
  });

  it('gives outlets without articles one empty feed (the many-feeds benchmark uses these)', () => {
    const world = generateWorld({ seed: 2, outlets: 30, stories: 1, articles: 2, baseTime });
    expect(world.outlets.every((o) => o.feeds.length === 1)).toBe(true);
    expect(new Set(world.outlets.map((o) => o.id)).size).toBe(30);
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => generateWorld({ seed: 1, outlets: 0, stories: 1, articles: 1, baseTime })).toThrow(/outlets/);
    expect(() => generateWorld({ seed: 1, outlets: 1, stories: 1.5, articles: 1, baseTime })).toThrow(/stories/);
  });
});
