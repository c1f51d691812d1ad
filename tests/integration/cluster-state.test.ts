import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createClusterer } from '../../src/core/cluster/index.js';
import { keysFor } from '../../src/adapters/keys.js';
import { loadClusterer, readEpoch, saveChanges } from '../../src/adapters/store/cluster-state.js';
import { ClusterWriter } from '../../src/adapters/store/cluster-writer.js';
import { longStream } from '../fixtures/cluster/load.js';
import { testPrefix, testRedis, testRedisUrl, wipePrefix } from '../helpers/redis.js';

const redis = testRedis();
const prefixes: string[] = [];
afterEach(async () => {
  for (const prefix of prefixes.splice(0)) await wipePrefix(redis, prefix);
});
afterAll(async () => {
  await redis.quit();
});

/** A key prefix of this test's own, wiped after it. */
function freshKeys() {
  const prefix = testPrefix('cluster');
  prefixes.push(prefix);
  return { prefix, keys: keysFor(prefix) };
}

describe('clusterer state in Redis', () => {
  it('a clusterer restarted from Redis continues exactly as an uninterrupted one', async () => {
    const { keys } = freshKeys();
    const stream = longStream(8, 2);
    const uninterrupted = createClusterer();
    const expected = stream.map((a) => uninterrupted.add(a));

    const half = Math.floor(stream.length / 2);
    const first = await loadClusterer(redis, keys);
    const got = [];
    for (const [i, article] of stream.slice(0, half).entries()) {
      got.push(first.add(article));
      // Each save bumps the epoch in its own MULTI and returns it.
      expect(await saveChanges(redis, keys, first.takeChanges())).toBe(i + 1);
    }
    expect(await readEpoch(redis, keys)).toBe(half);
    const restarted = await loadClusterer(redis, keys);
    for (const article of stream.slice(half)) {
      got.push(restarted.add(article));
      await saveChanges(redis, keys, restarted.takeChanges());
    }
    expect(got).toEqual(expected);
    // What Redis holds is the whole state, not just enough to pass: reload and compare.
    expect((await loadClusterer(redis, keys)).snapshot()).toEqual(uninterrupted.snapshot());
  });

  it('writes a bounded number of commands per article and removes evicted stories', async () => {
    const { keys } = freshKeys();
    const clusterer = await loadClusterer(redis, keys);
    const stream = longStream(6, 30);
    let maxCommands = 0;
    for (const article of stream) {
      clusterer.add(article);
      const changes = clusterer.takeChanges();
      const commands =
        1 + [changes.stories, changes.removedStories, changes.articles, changes.removedArticles].filter((l) => l.length).length + 2 + 1;
      maxCommands = Math.max(maxCommands, commands);
      expect(changes.stories.length).toBeLessThanOrEqual(2);
      await saveChanges(redis, keys, changes);
    }
    expect(maxCommands).toBeLessThanOrEqual(8);
    const storedStories = await redis.hkeys(keys.cluster('stories'));
    expect(storedStories.sort()).toEqual(clusterer.snapshot().stories.map((s) => s.id));
    expect(storedStories.every((id) => id.endsWith('-5'))).toBe(true);
  });

  it('two writers taking turns place every article as one uninterrupted writer would', async () => {
    const { keys } = freshKeys();
    const stream = longStream(6, 3);
    const uninterrupted = createClusterer();
    const expected = stream.map((a) => uninterrupted.add(a));
    // Each writer holds its state between jobs; the epoch tells it when the other one wrote.
    const writers = [new ClusterWriter(redis, keys), new ClusterWriter(redis, keys)];
    const got = [];
    for (const [i, article] of stream.entries()) {
      const writer = writers[Math.floor(i / 3) % 2]!;
      got.push(await writer.addRead(Promise.resolve(article)));
      expect(await writer.addRead(Promise.resolve(null))).toBeNull();
    }
    expect(got).toEqual(expected);
    expect(await readEpoch(redis, keys)).toBe(stream.length);
  });

  it('a save Redis refuses is placed again by the retried job, and Redis ends with the whole state', async () => {
    const { prefix, keys } = freshKeys();
    const stream = longStream(4, 2);
    const uninterrupted = createClusterer();
    for (const article of stream) uninterrupted.add(article);
    // A real refusal: an ACL user that may write every part of the state but, while `refuse`
    // is on, not the articles hash, so the transaction aborts (EXECABORT) and nothing is written.
    const user = `sd-${prefix}`;
    const parts = ['meta', 'stories', 'df', 'epoch'].map((part) => `~${keys.cluster(part)}`);
    const allow = (articles: boolean) =>
      redis.call(
        'ACL',
        'SETUSER',
        user,
        'reset',
        'on',
        'nopass',
        '+@all',
        '%R~*',
        ...parts,
        ...(articles ? [`~${keys.cluster('articles')}`] : []),
      );
    await allow(true);
    const url = new URL(testRedisUrl());
    url.username = user;
    const limited = new Redis(url.toString(), { maxRetriesPerRequest: null });
    try {
      const writer = new ClusterWriter(limited, keys);
      const failAt = Math.floor(stream.length / 2);
      for (const [i, article] of stream.entries()) {
        if (i === failAt) {
          await allow(false);
          await expect(writer.add(article)).rejects.toMatchObject({ code: 'cluster_state_write' });
          await allow(true);
        }
        await writer.add(article); // the job's retry (or first try)
      }
      expect((await loadClusterer(redis, keys)).snapshot()).toEqual(uninterrupted.snapshot());
    } finally {
      await limited.quit();
      await redis.call('ACL', 'DELUSER', user);
    }
  });

  it('an editor decision is persisted and respected after a restart', async () => {
    const { keys } = freshKeys();
    const stream = longStream(1, 1);
    const clusterer = await loadClusterer(redis, keys);
    const assigned = new Map(stream.map((a) => [a.id, clusterer.add(a).storyId]));
    const quake = assigned.get('a-quake-1-0')!;
    clusterer.applyDecision({ kind: 'reject', storyId: quake, by: 'ed', at: '2024-03-05T00:00:00Z' });
    await saveChanges(redis, keys, clusterer.takeChanges());
    const restarted = await loadClusterer(redis, keys);
    const next = restarted.add({
      ...stream[0]!,
      id: 'a-quake-new',
      outlet: 'Elsewhere',
      canonicalUrl: null,
      title: 'Aomori earthquake: tsunami advisory lifted',
      text: '',
    });
    expect(next.storyId).not.toBe(quake);
  });
});
