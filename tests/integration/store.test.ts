import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { keysFor } from '../../src/adapters/keys.js';
import { createStore, type Store } from '../../src/adapters/store/store.js';
import { StaleVersionError } from '../../src/adapters/store/stories.js';
import { emptyCandidate } from '../../src/adapters/store/story-updater.js';
import { wipeInstance } from '../../src/adapters/store/wipe.js';
import { initialFeedState } from '../../src/core/model/index.js';
import { testPrefix, testRedis } from '../helpers/redis.js';

const redis = testRedis();
let store: Store;

beforeEach(() => {
  store = createStore(redis, keysFor(testPrefix('store')));
});
afterAll(() => redis.quit());

describe('redis store', () => {
  it('tells new, replayed and changed feed items apart', async () => {
    expect(await store.feeds.markSeen('f1', 'guid-1', 'v1')).toBe('new');
    expect(await store.feeds.markSeen('f1', 'guid-1', 'v1')).toBe('same');
    expect(await store.feeds.markSeen('f1', 'guid-1', 'v2')).toBe('changed');
    expect(await store.feeds.markSeen('f2', 'guid-1', 'v2')).toBe('new');
  });

  it('keeps feed state and registers a feed once', async () => {
    const feed = { id: 'f1', outletId: 'o1', url: 'https://example.org/feed', intervalSeconds: 600 };
    await store.feeds.getOrInit(feed);
    await store.feeds.update('f1', { polls: 3 });
    expect((await store.feeds.getOrInit(feed)).polls).toBe(3);
    expect(await store.feeds.list()).toEqual([{ ...initialFeedState('f1', 'o1', feed.url), polls: 3 }]);
  });

  it('refuses a save carrying an older version, with a clear message', async () => {
    const story = emptyCandidate('s1', new Date(0).toISOString());
    const v1 = await store.stories.save(story, 0);
    expect(v1.version).toBe(1);
    await store.stories.save({ ...v1, title: 'first editor' }, 1);
    const stale = store.stories.save({ ...v1, title: 'second editor' }, 1);
    await expect(stale).rejects.toBeInstanceOf(StaleVersionError);
    await expect(stale).rejects.toThrow(/changed by someone else/);
    expect((await store.stories.get('s1'))?.title).toBe('first editor');
  });

  it('wipes one instance and nothing else', async () => {
    const other = createStore(redis, keysFor(testPrefix('other')));
    await store.feeds.markSeen('f', 'g', 'v');
    await other.feeds.markSeen('f', 'g', 'v');
    expect(await wipeInstance(redis, store.keys)).toBeGreaterThan(0);
    expect(await store.feeds.markSeen('f', 'g', 'v')).toBe('new');
    expect(await other.feeds.markSeen('f', 'g', 'v')).toBe('same');
  });
});
