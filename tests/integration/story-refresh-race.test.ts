import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { keysFor } from '../../src/adapters/keys.js';
import { createStore, type Store } from '../../src/adapters/store/store.js';
import { StoryUpdater } from '../../src/adapters/store/story-updater.js';
import type { Outlet } from '../../src/core/model/index.js';
import { random, syntheticArticle } from './concurrency/world.js';
import { testPrefix, testRedis, wipePrefix } from '../helpers/redis.js';

// The story role refreshes while the cluster role adds members to the same candidate (two
// processes since the story role has its own): a refresh that has started must land, or a story
// that keeps growing never gets suggestions and every computed refresh is thrown away.
const redis = testRedis();
let prefix = testPrefix('refresh-race');
let store: Store;
const outlets = new Map<string, Outlet>();

beforeEach(async () => {
  prefix = testPrefix('refresh-race');
  store = createStore(redis, keysFor(prefix));
  const next = random(3);
  for (let i = 0; i < 6; i++) await store.articles.save(syntheticArticle(`a${i}`, i * 5, next));
});
afterAll(async () => {
  await wipePrefix(redis, prefix);
  await redis.quit();
});

/** An updater whose article reads run `meanwhile` first (what another process does while it computes). */
function updaterWith(meanwhile: () => Promise<void>): { updater: StoryUpdater; reads: () => number } {
  let reads = 0;
  const articles = Object.create(store.articles) as Store['articles'];
  articles.getMany = async (ids) => {
    if (reads++ === 0) await meanwhile();
    return store.articles.getMany(ids);
  };
  return { updater: new StoryUpdater({ ...store, articles }, outlets), reads: () => reads };
}

describe('a story refresh racing membership changes', () => {
  it('lands on the grown story when articles join while it computes', async () => {
    const cluster = new StoryUpdater(store, outlets);
    await cluster.addMembers('s', ['a0', 'a1', 'a2', 'a3']);
    const { updater, reads } = updaterWith(async () => void (await cluster.addMembers('s', ['a4'])));
    expect(await updater.refresh('s', 4)).toBe('refreshed');
    const saved = (await store.stories.get('s'))!;
    expect(saved.articleIds).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(saved.facts.length + saved.narratives.length).toBeGreaterThan(0);
    expect(reads()).toBe(1); // computed once, not again for the grown story
    // The join's own job (5 members) refreshes again; a job for 4 members now is superseded.
    expect(await updater.refresh('s', 4)).toBe('superseded');
    expect(await updater.refresh('s', 5)).toBe('refreshed');
  });

  it('computes again when an article left the story meanwhile', async () => {
    const cluster = new StoryUpdater(store, outlets);
    await cluster.addMembers('s', ['a0', 'a1', 'a2', 'a3']);
    const { updater, reads } = updaterWith(async () => {
      const current = (await store.stories.get('s'))!;
      await store.stories.commit({ put: [{ story: { ...current, articleIds: ['a0', 'a1', 'a2'] }, expected: current.version }] });
    });
    expect(await updater.refresh('s', 4)).toBe('refreshed');
    expect((await store.stories.get('s'))!.articleIds).toEqual(['a0', 'a1', 'a2']);
    expect(reads()).toBe(2);
  });
});
