import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../src/adapters/redis/server.js';
import { keysFor } from '../../../src/adapters/keys.js';
import { createStore } from '../../../src/adapters/store/store.js';
import { initialFeedState } from '../../../src/core/model/index.js';
import { registerMetrics } from '../../../src/web/ops/metrics-route.js';
import { cliPath } from '../../helpers/processes.js';
import { testPrefix, testRedis, testRedisUrl, wipePrefix } from '../../helpers/redis.js';
import { PASSWORD, seedStory, startDesk } from '../../web/helpers/desk-app.js';
import { InjectClient } from '../../web/helpers/inject.js';
import { BOJ } from '../../fixtures/web/world.js';

/** The lower findings of issue 19, each reproduced: Host-header links, feed ids, OPML attribution, /metrics without Redis. */
const run = promisify(execFile);

describe('/published.atom links (Host header)', () => {
  it('uses the configured public URL whatever Host the request names', async () => {
    const desk = await startDesk();
    try {
      await seedStory(desk, 'boj', BOJ);
      const boj = (await desk.store.stories.get('boj'))!;
      await desk.store.stories.save(
        { ...boj, status: 'published', narratives: boj.narratives.map((s) => ({ ...s, text: 'written' })) },
        boj.version,
      );
      const editor = new InjectClient(desk.app, { host: 'evil.example' });
      await editor.signIn('erin', PASSWORD);
      const feed = await editor.get('/published.atom');
      expect(feed.statusCode).toBe(200);
      expect(feed.body).toContain('http://127.0.0.1:3000/stories/boj');
      expect(feed.body).not.toContain('evil.example');
    } finally {
      await desk.close();
    }
  });
});

describe('/metrics while Redis is down', () => {
  it("answers in time with this process's metrics and storydesk_metrics_redis_up 0", async () => {
    const dead = new Redis(`redis://127.0.0.1:${await freePort()}`, {
      maxRetriesPerRequest: null,
      lazyConnect: false,
      retryStrategy: () => 200,
    });
    dead.on('error', () => undefined);
    const app = Fastify();
    registerMetrics(app, {
      redis: dead,
      keys: keysFor('metrics-down'),
      instance: new Registry(),
      local: { processId: 'p1', registry: new Registry() },
      token: undefined,
      redisTimeoutMs: 300,
    });
    try {
      const started = Date.now();
      const response = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('storydesk_metrics_redis_up 0');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await app.close();
      dead.disconnect();
    }
  });
});

describe('feed ids and OPML through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storydesk-feeds-'));
  const prefix = testPrefix('feeds');
  const redis = testRedis();
  const store = createStore(redis, keysFor(prefix));
  let env: NodeJS.ProcessEnv;
  const storydesk = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [cliPath, ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(() => {
    // "local" may fetch its own loopback address; "paper" is an ordinary outlet.
    writeFileSync(
      join(dir, 'outlets.yaml'),
      [
        'outlets:',
        '  - { id: local, name: Local, homepage: "http://127.0.0.1:9/", language: en, country: JP, kind: newspaper, allowPrivateNetwork: true }',
        '  - { id: paper, name: Paper, homepage: "https://paper.example/", language: en, country: US, kind: newspaper }',
        '',
      ].join('\n'),
    );
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      REDIS_URL: testRedisUrl(),
      STORYDESK_PREFIX: prefix,
      STORYDESK_OUTLETS: join(dir, 'outlets.yaml'),
      LOG_LEVEL: 'warn',
    };
  });
  afterAll(async () => {
    await wipePrefix(redis, prefix);
    await redis.quit();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['', 'a:b'])('feeds add --id %j is refused and nothing is stored', async (id) => {
    const result = await storydesk('feeds', 'add', 'paper', 'https://paper.example/rss', '--id', id);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not allowed: lower-case letters, digits and "-"');
    expect(await store.feeds.list()).toEqual([]);
  });

  it.each(['', '../../etc/x', 'a:b', 'UPPER', `x${'y'.repeat(64)}`])('the feed store refuses id %j whoever writes it', async (id) => {
    await expect(store.feeds.put(initialFeedState(id, 'paper', 'https://paper.example/rss', 'cli'))).rejects.toMatchObject({
      code: 'invalid_feed_id',
    });
    expect(await store.feeds.list()).toEqual([]);
  });

  it('OPML attributes a feed by its xmlUrl and never lends private-network access to another address', async () => {
    writeFileSync(
      join(dir, 'feeds.opml'),
      `<?xml version="1.0"?><opml version="2.0"><body>
<outline text="redis" xmlUrl="http://127.0.0.1:6379/" htmlUrl="http://127.0.0.1:9/"/>
<outline text="elsewhere" xmlUrl="https://elsewhere.example/rss" htmlUrl="https://paper.example/"/>
<outline text="paper" xmlUrl="https://paper.example/rss" htmlUrl="https://elsewhere.example/"/>
</body></opml>`,
    );
    const result = await storydesk('feeds', 'import-opml', join(dir, 'feeds.opml'));
    expect(result.stdout).toContain('imported 1 of 3 feeds');
    expect(result.stderr).toContain('skipped http://127.0.0.1:6379/: outlet "local" may fetch private-network addresses');
    expect(result.stderr).toContain('skipped https://elsewhere.example/rss: no configured outlet has its host');
    expect((await store.feeds.list()).map((f) => [f.outletId, f.url])).toEqual([['paper', 'https://paper.example/rss']]);
    // Granting it is possible, but only when said.
    const granted = await storydesk('feeds', 'add', 'local', 'http://127.0.0.1:6379/', '--allow-private-network');
    expect(granted.code).toBe(0);
  });
});
