import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedGroups } from '../../src/demo/index.js';
import { startDemoPipeline, type DemoPipeline } from '../helpers/pipeline.js';

// The whole pipeline on the demo outlets: scheduler → poll → extract → cluster → store,
// on a real Redis with real BullMQ, fetching over loopback HTTP.
let demo: DemoPipeline;

beforeAll(async () => {
  demo = await startDemoPipeline();
  await demo.untilIdle();
}, 90_000);
afterAll(() => demo?.stop());

describe('demo outlets end to end', () => {
  it('stores every article the feeds announce, exactly once', async () => {
    const expected = expectedGroups(demo.world, demo.server.baseUrl);
    const articles = await demo.runtime.store.articles.getMany(await demo.runtime.store.articles.recentIds(10_000));
    expect(articles.map((a) => a.canonicalUrl).sort()).toEqual([...expected.keys()].sort());
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    expect(articles.filter((a) => a.outcome === 'article').length).toBeGreaterThan(articles.length * 0.8);
  });

  it('puts the articles of each story together and nothing else with them', async () => {
    const expected = expectedGroups(demo.world, demo.server.baseUrl);
    const { store } = demo.runtime;
    const stories = await store.stories.getMany(await store.stories.listIds(0, 10_000));
    const byKey = new Map<string, Set<string>>();
    for (const story of stories) {
      const keys = new Set((await store.articles.getMany(story.articleIds)).map((a) => expected.get(a.canonicalUrl)));
      // Purity: one story candidate never mixes two expected stories.
      expect([...keys], `candidate ${story.id} "${story.suggestedTitle}"`).toHaveLength(1);
      const [key] = [...keys];
      byKey.set(key!, new Set([...(byKey.get(key!) ?? []), story.id]));
    }
    // Completeness: each multi-outlet story is one candidate.
    for (const key of new Set(expected.values())) {
      if (key.startsWith('solo-')) continue;
      expect(byKey.get(key)?.size, `story ${key}`).toBe(1);
    }
  });

  it('gives candidates suggestions: a title and facts', async () => {
    const { store } = demo.runtime;
    const stories = await store.stories.getMany(await store.stories.listIds(0, 10_000));
    const big = stories.filter((s) => s.articleIds.length >= 3);
    expect(big.length).toBeGreaterThanOrEqual(4);
    for (const story of big) {
      expect(story.suggestedTitle.length).toBeGreaterThan(10);
      expect(story.facts.length).toBeGreaterThan(0);
    }
  });

  it('adds nothing on a re-poll of every feed', async () => {
    const { store, queues } = demo.runtime;
    const before = await store.articles.count();
    const extractBefore = await queues.extract.getJobCountByTypes('completed', 'failed', 'waiting', 'active', 'delayed');
    for (const state of await store.feeds.list()) {
      await store.feeds.update(state.feedId, { nextPollAt: null, etag: null, lastModified: null });
      await queues.poll.add('poll', { feedId: state.feedId });
    }
    await demo.untilIdle();
    expect(await store.articles.count()).toBe(before);
    expect(await queues.extract.getJobCountByTypes('completed', 'failed', 'waiting', 'active', 'delayed')).toBe(extractBefore);
    const polled = demo.logs.filter((l) => l.msg === 'feed polled');
    expect(polled.at(-1)).toMatchObject({ newItems: 0, updatedItems: 0 });
  });
});
