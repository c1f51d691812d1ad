import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHeartbeat } from '../../src/adapters/heartbeat.js';
import { keysFor, type Keys } from '../../src/adapters/keys.js';
import { createQueues, type Queues } from '../../src/adapters/queue/queues.js';
import { requeueFailed } from '../../src/adapters/queue/requeue.js';
import { pruneStore, saveLastPrune, type Retention } from '../../src/adapters/store/prune.js';
import { createStore, type Store } from '../../src/adapters/store/store.js';
import { DATA_VERSION, ensureDataVersion } from '../../src/adapters/store/version.js';
import { initialFeedState, type Article, type StoryCandidate } from '../../src/core/model/index.js';
import { emptyCandidate } from '../../src/adapters/store/story-updater.js';
import { testPrefix, testRedis, testRedisUrl, wipePrefix } from '../helpers/redis.js';

const run = promisify(execFile);
const MAIN = resolve(import.meta.dirname, '../../dist/app/main.js');
const NOW = new Date('2026-06-01T00:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const silent = pino({ level: 'silent' });

let redis: Redis;
let prefix: string;
let keys: Keys;
let store: Store;
let queues: Queues;

beforeEach(() => {
  redis = testRedis();
  prefix = testPrefix('opsstore');
  keys = keysFor(prefix);
  store = createStore(redis, keys);
  queues = createQueues(redis, keys);
});
afterEach(async () => {
  await queues.close();
  await wipePrefix(redis, prefix);
  await redis.quit();
});

function article(id: string, published: string, text = `text of ${id}`): Article {
  return {
    id,
    outletId: 'o',
    feedId: 'f',
    url: `http://x/${id}`,
    canonicalUrl: `http://x/${id}`,
    title: id,
    byline: null,
    published,
    modified: null,
    lang: 'en',
    description: null,
    image: null,
    section: null,
    text,
    summary: `summary of ${id}`,
    outcome: 'article',
    fetchedAt: published,
  };
}

async function story(id: string, status: StoryCandidate['status'], updatedAt: string, articles: Article[]): Promise<void> {
  for (const a of articles) await store.articles.save(a);
  await store.stories.save({ ...emptyCandidate(id, updatedAt), status, articleIds: articles.map((a) => a.id) }, -1);
  await store.stories.setStoryOf(
    articles.map((a) => a.id),
    id,
  );
  await store.stories.appendHistory(id, { kind: 'edit', storyId: id, by: 'erin', at: updatedAt, fields: ['title'] });
}

describe('retention prune', () => {
  const retention: Retention = { articleTextDays: 30, articlesDays: 90, candidatesDays: 60, clusterWindowHours: 72 };

  it('removes old unpublished candidates and old loose articles, clears old texts, keeps published stories whole', async () => {
    await story('old-published', 'published', daysAgo(400), [article('p1', daysAgo(400)), article('p2', daysAgo(399))]);
    await story('old-rejected', 'rejected', daysAgo(100), [article('r1', daysAgo(100)), article('r2', daysAgo(45))]);
    await story('old-candidate', 'candidate', daysAgo(70), [article('c1', daysAgo(70))]);
    await story('fresh', 'candidate', daysAgo(1), [article('f1', daysAgo(200)), article('f2', daysAgo(1))]);
    await store.articles.save(article('loose-old', daysAgo(95)));
    await store.articles.save(article('loose-mid', daysAgo(40)));

    const report = await pruneStore(store, retention, NOW);
    expect(report).toMatchObject({ candidatesRemoved: 2, articlesRemoved: 2, textsCleared: 4 });
    expect((await store.stories.listIds()).sort()).toEqual(['fresh', 'old-published']);
    expect(await store.stories.history('old-rejected')).toEqual([]);
    // r1 (its candidate is gone and it is past 90 days) and loose-old are removed; c1 (70 days) stays, unassigned.
    expect((await store.articles.recentIds(100)).sort()).toEqual(['c1', 'f1', 'f2', 'loose-mid', 'p1', 'p2', 'r2']);
    expect(await store.stories.storyOf('c1')).toBeNull();
    expect(await store.stories.storyOf('r2')).toBeNull();
    const texts = Object.fromEntries(
      (await store.articles.getMany(['p1', 'c1', 'f1', 'f2', 'loose-mid', 'r2'])).map((a) => [a.id, a.text]),
    );
    expect(texts).toEqual({ p1: 'text of p1', c1: '', f1: '', f2: 'text of f2', 'loose-mid': '', r2: '' });
    expect((await store.articles.get('f1'))?.summary).toBe('summary of f1');

    expect(await pruneStore(store, retention, NOW)).toMatchObject({ candidatesRemoved: 0, articlesRemoved: 0, textsCleared: 0 });
  });

  it('keeps everything with 0 days, and never removes a candidate the clusterer may still extend', async () => {
    await story('recent', 'candidate', daysAgo(2), [article('a', daysAgo(2))]);
    expect(await pruneStore(store, { articleTextDays: 0, articlesDays: 0, candidatesDays: 0, clusterWindowHours: 72 }, NOW)).toMatchObject({
      candidatesRemoved: 0,
      articlesRemoved: 0,
      textsCleared: 0,
    });
    expect(await pruneStore(store, { articleTextDays: 0, articlesDays: 0, candidatesDays: 1, clusterWindowHours: 72 }, NOW)).toMatchObject({
      candidatesRemoved: 0,
    });
    expect(await pruneStore(store, { articleTextDays: 0, articlesDays: 0, candidatesDays: 1, clusterWindowHours: 24 }, NOW)).toMatchObject({
      candidatesRemoved: 1,
    });
  });
});

describe('data version', () => {
  it('stamps a fresh instance, treats unversioned data as version 1, refuses newer data', async () => {
    expect(await ensureDataVersion(redis, keys, silent)).toEqual({ from: null, to: DATA_VERSION });
    expect(await redis.get(keys.version)).toBe(String(DATA_VERSION));
    await redis.set(keys.version, String(DATA_VERSION + 1));
    await expect(ensureDataVersion(redis, keys, silent)).rejects.toMatchObject({ code: 'data_version_newer' });
  });

  it('runs the migrations from the stored version up, once, in order', async () => {
    await store.feeds.put(initialFeedState('f', 'o', 'http://x/feed'));
    const ran: number[] = [];
    const migrations = { 1: async () => void ran.push(1), 2: async () => void ran.push(2) };
    expect(await ensureDataVersion(redis, keys, silent, { target: 3, migrations })).toEqual({ from: 1, to: 3 });
    expect(ran).toEqual([1, 2]);
    expect(await redis.get(keys.version)).toBe('3');
    expect(await redis.exists(keys.versionLock)).toBe(0);
    await ensureDataVersion(redis, keys, silent, { target: 3, migrations });
    expect(ran).toEqual([1, 2]);
    await expect(ensureDataVersion(redis, keys, silent, { target: 4, migrations })).rejects.toMatchObject({
      code: 'data_version_unsupported',
    });
  });
});

describe('requeue', () => {
  it('moves failed jobs back to waiting with their attempts reset', async () => {
    for (const id of ['a', 'b', 'c']) await queues.poll.add('poll', { feedId: id }, { jobId: id, attempts: 2, backoff: 0 });
    const worker = new Worker(
      'poll',
      async () => {
        throw new Error('outlet down');
      },
      { connection: redis.duplicate(), prefix: keys.bullPrefix },
    );
    while ((await queues.poll.getFailedCount()) < 3) await new Promise((r) => setTimeout(r, 50));
    await worker.close();
    expect((await queues.poll.getJob('a'))?.attemptsMade).toBe(2);

    expect(await requeueFailed(queues.poll)).toBe(3);
    expect(await queues.poll.getFailedCount()).toBe(0);
    expect(await queues.poll.getWaitingCount()).toBe(3);
    expect((await queues.poll.getJob('a'))?.attemptsMade).toBe(0);
    expect(await requeueFailed(queues.extract)).toBe(0);
  });
});

describe('storydesk status --json', () => {
  it('reports queues, workers per host, failing and stale feeds, Redis and the last prune', async () => {
    const now = Date.now();
    await store.feeds.put({
      ...initialFeedState('good', 'o1', 'http://x/good'),
      status: 'ok',
      polls: 3,
      lastNewItemAt: new Date(now - 3_600_000).toISOString(),
    });
    await store.feeds.put({
      ...initialFeedState('broken', 'o2', 'http://x/broken'),
      status: 'error',
      polls: 4,
      consecutiveErrors: 4,
      lastError: { code: 'http_404', message: 'not found', at: new Date(now).toISOString() },
    });
    await store.feeds.put({
      ...initialFeedState('quiet', 'o3', 'http://x/quiet'),
      status: 'not_modified',
      polls: 9,
      lastNewItemAt: new Date(now - 10 * 86_400_000).toISOString(),
    });
    await queues.extract.add('extract', { articleId: 'x1' } as never, { jobId: 'x1', timestamp: now - 90_000 });
    await queues.extract.add('extract', { articleId: 'x2' } as never, { jobId: 'x2' });
    await queues.cluster.add('cluster', { articleId: 'x0' }, { jobId: 'x0', delay: 60_000 });
    // A paused queue keeps its jobs in a list of its own; they still wait.
    await queues.maintenance.pause();
    await queues.maintenance.add('prune', { task: 'prune' }, { jobId: 'm1', timestamp: now - 30_000 });
    await saveLastPrune(store, {
      at: '2026-05-31T00:00:00.000Z',
      ms: 12,
      candidatesRemoved: 2,
      articlesRemoved: 5,
      textsCleared: 7,
      cutoffs: { articleText: null, articles: null, candidates: null },
    });
    await redis.set(keys.version, '1');
    const stop = startHeartbeat(redis, keys, ['extract', 'cluster', 'story'], 5_000, { extract: 4, cluster: 1, story: 3 });
    await new Promise((r) => setTimeout(r, 50));

    const { stdout } = await run('node', [MAIN, 'status', '--json'], {
      env: { ...process.env, REDIS_URL: testRedisUrl(), STORYDESK_PREFIX: prefix },
    });
    await stop();
    const status = JSON.parse(stdout);
    expect(status.prefix).toBe(prefix);
    expect(status.dataVersion).toBe(1);
    expect(status.queues.map((q: { name: string }) => q.name)).toEqual(['poll', 'extract', 'cluster', 'story', 'maintenance']);
    const extract = status.queues[1];
    expect(extract.counts).toEqual({ waiting: 2, active: 0, delayed: 0, failed: 0, completed: 0, paused: 0 });
    expect(extract.oldestWaiting.jobId).toBe('x1');
    expect(extract.oldestWaiting.ageSeconds).toBeGreaterThanOrEqual(90);
    expect(extract.workers).toEqual([{ host: expect.any(String), processes: 1, concurrency: 4 }]);
    expect(status.queues[2].counts.delayed).toBe(1);
    expect(status.queues[0].workers).toEqual([]);
    // The story role consumes the story queue (suggestion refreshes), here 3 at once.
    expect(status.queues[3].workers).toEqual([{ host: expect.any(String), processes: 1, concurrency: 3 }]);
    expect(status.queues[4]).toMatchObject({ isPaused: true, counts: { waiting: 1, paused: 1 }, oldestWaiting: { jobId: 'm1' } });
    expect(extract.isPaused).toBe(false);
    expect(status.processes.map((p: { role: string }) => p.role)).toEqual(['cluster', 'extract', 'story']);
    expect(status.feeds.total).toBe(3);
    expect(status.feeds.failing).toEqual([
      { feedId: 'broken', outletId: 'o2', status: 'error', errorCode: 'http_404', consecutiveErrors: 4, lastNewItemAt: null },
    ]);
    expect(status.feeds.stale.map((f: { feedId: string }) => f.feedId)).toEqual(['quiet']);
    expect(status.redis).toMatchObject({ policy: expect.any(String), usedBytes: expect.any(Number) });
    expect(status.redis.warning === null).toBe(status.redis.policy === 'noeviction');
    expect(status.lastPrune).toMatchObject({ candidatesRemoved: 2, articlesRemoved: 5, textsCleared: 7 });

    const text = await run('node', [MAIN, 'status'], { env: { ...process.env, REDIS_URL: testRedisUrl(), STORYDESK_PREFIX: prefix } });
    expect(text.stdout).toMatch(/^ {2}extract +2 +0 +0 +0 +0 +\d+s \(x1\)/m);
    expect(text.stdout).toMatch(/^ {2}maintenance \(paused\) +1 /m);
    expect(text.stdout).toContain('failing  broken (o2): http_404, 4 error(s) in a row');
    expect(text.stdout).toContain('removed 2 candidate(s), 5 article(s), cleared 7 text(s)');
  });
});
