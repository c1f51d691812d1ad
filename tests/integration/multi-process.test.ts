import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysFor } from '../../src/adapters/keys.js';
import { createQueues, type Queues } from '../../src/adapters/queue/queues.js';
import { createStore, type Store } from '../../src/adapters/store/store.js';
import { waitUntilIdle } from '../../src/cli/idle.js';
import {
  buildDemoWorld,
  demoOutlets,
  expectedGroups,
  startOutletsServer,
  type NewsWorld,
  type OutletsServer,
} from '../../src/demo/index.js';
import { startDemoPipeline } from '../helpers/pipeline.js';
import { testPrefix, testRedis, testRedisUrl, wipePrefix } from '../helpers/redis.js';

// Scale-out as operators run it: two `start --role extract` processes and one process with
// every other role (web included), built CLI, one Redis, the demo outlets on loopback.
const MAIN = resolve(import.meta.dirname, '../../dist/app/main.js');
type Line = Record<string, unknown>;

interface Child {
  child: ChildProcess;
  logs: Line[];
  stop(): Promise<void>;
}

function startChild(roles: string, env: NodeJS.ProcessEnv, extra: string[] = []): Child {
  const child = spawn('node', [MAIN, 'start', '--role', roles, ...extra], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: Line[] = [];
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop()!;
    for (const line of lines) if (line.trim().startsWith('{')) logs.push(JSON.parse(line) as Line);
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.once('exit', (code) => {
    if (code) process.stderr.write(`storydesk ${roles} exited ${code}: ${stderr}\n`);
  });
  return {
    child,
    logs,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function until<T>(get: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Articles grouped as sets of URL paths (hosts differ between runs). */
async function grouping(store: Store): Promise<string[]> {
  const stories = await store.stories.getMany(await store.stories.listIds(0, 10_000));
  const groups: string[] = [];
  for (const story of stories) {
    const paths = (await store.articles.getMany(story.articleIds)).map((a) => new URL(a.canonicalUrl).pathname).sort();
    groups.push(paths.join(' '));
  }
  return groups.sort();
}

let world: NewsWorld;
let server: OutletsServer;
let dir: string;
const prefix = testPrefix('multi');
const redis = testRedis();
const keys = keysFor(prefix);
let store: Store;
let queues: Queues;
let extractors: Child[] = [];
let main: Child;
let deskUrl: string;

beforeAll(async () => {
  world = buildDemoWorld({ baseTime: new Date('2026-11-20T12:00:00Z') });
  server = await startOutletsServer(world, { port: 0, host: '127.0.0.1' });
  dir = mkdtempSync(join(tmpdir(), 'storydesk-multi-'));
  const outletsFile = join(dir, 'outlets.yaml');
  writeFileSync(outletsFile, stringify({ outlets: demoOutlets(world, server.baseUrl) }));
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    REDIS_URL: testRedisUrl(),
    STORYDESK_PREFIX: prefix,
    STORYDESK_OUTLETS: outletsFile,
    HOST_MIN_DELAY_MS: '0',
    LOG_LEVEL: 'info',
    HEARTBEAT_MS: '500',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  store = createStore(redis, keys);
  queues = createQueues(redis, keys);
  extractors = [startChild('extract', env, ['--concurrency', '2']), startChild('extract', env, ['--concurrency', '2'])];
  // Both extractors are up before any work exists, so the work can spread.
  await until(
    async () => (await redis.keys(`${keys.heartbeatPattern.slice(0, -1)}extract:*`)).length === 2 || undefined,
    'two extract heartbeats',
  );
  main = startChild('scheduler,poll,cluster,story,web', env);
  deskUrl = String((await until(() => main.logs.find((l) => l.msg === 'desk listening'), 'the desk')).url);
  await waitUntilIdle(store, queues, { quietMs: 1_500, timeoutMs: 90_000 });
}, 120_000);

afterAll(async () => {
  await Promise.all([...extractors, main].filter(Boolean).map((c) => c.stop()));
  await queues?.close();
  await server?.close();
  await wipePrefix(redis, prefix);
  await redis.quit();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('two extract processes and one with the other roles', () => {
  it('spreads the articles across both extract processes and stores each article once', async () => {
    const extracted = extractors.map((e) => e.logs.filter((l) => l.msg === 'article extracted').map((l) => String(l.articleId)));
    expect(extracted[0]!.length).toBeGreaterThan(0);
    expect(extracted[1]!.length).toBeGreaterThan(0);
    const all = extracted.flat();
    expect(new Set(all).size).toBe(all.length); // no article extracted twice
    for (const line of extractors.flatMap((e) => e.logs.filter((l) => l.msg === 'article extracted'))) {
      expect(Object.keys(line)).toEqual(
        expect.arrayContaining(['queue', 'jobId', 'feedId', 'outletId', 'articleId', 'url', 'ms', 'outcome']),
      );
    }
    const expected = expectedGroups(world, server.baseUrl);
    const articles = await store.articles.getMany(await store.articles.recentIds(10_000));
    expect(articles.map((a) => a.canonicalUrl).sort()).toEqual([...expected.keys()].sort());
    expect(new Set(all)).toEqual(new Set(articles.map((a) => a.id)));
    expect(main.logs.filter((l) => l.msg === 'article extracted')).toEqual([]);
  });

  it("serves every process's counters from the one /metrics", async () => {
    const text = await (await fetch(`${deskUrl}/metrics`)).text();
    const perProcess = [...text.matchAll(/^storydesk_jobs_completed_total\{queue="extract",process="([^"]+)"\} (\d+)/gm)];
    expect(perProcess).toHaveLength(2);
    const pids = extractors.map((e) => String(e.child.pid));
    expect(perProcess.map((m) => m[1]!.split(':').at(-1)).sort()).toEqual(pids.sort());
    expect(perProcess.reduce((sum, m) => sum + Number(m[2]), 0)).toBe(await store.articles.count());
    expect(text).toMatch(/^storydesk_workers_live\{role="extract"\} 2$/m);
  });

  it('reports the extract processes in `status --json`', async () => {
    const status = await new Promise<string>((done, fail) => {
      const child = spawn('node', [MAIN, 'status', '--json'], {
        env: { PATH: process.env.PATH, REDIS_URL: testRedisUrl(), STORYDESK_PREFIX: prefix },
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString('utf8');
      });
      child.once('exit', (code) => (code === 0 ? done(out) : fail(new Error(`status exited ${code}`))));
    });
    const extract = (
      JSON.parse(status) as { queues: Array<{ name: string; workers: Array<{ processes: number; concurrency: number }> }> }
    ).queues.find((q) => q.name === 'extract')!;
    expect(extract.workers.reduce((n, w) => n + w.processes, 0)).toBe(2);
    expect(extract.workers.reduce((n, w) => n + w.concurrency, 0)).toBe(4);
  });

  it('groups the articles exactly as a single-process run does', async () => {
    const single = await startDemoPipeline({ world });
    try {
      await single.untilIdle(90_000);
      expect(await grouping(store)).toEqual(await grouping(single.runtime.store));
    } finally {
      await single.stop();
    }
  }, 120_000);
});
