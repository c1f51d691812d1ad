import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { keysFor } from '../../src/adapters/keys.js';
import { freePort, startRedisServer } from '../../src/adapters/redis/server.js';
import { wipeInstance } from '../../src/adapters/store/wipe.js';

/** The Redis a bench run uses: REDIS_URL, or a private redis-server it started (and stops). */
export interface BenchRedis {
  url: string;
  /** Pid of the private server (null when REDIS_URL was given): its CPU is read from /proc. */
  pid: number | null;
  stop(): Promise<void>;
}

/** REDIS_URL when set, else a private redis-server (no persistence) on a free loopback port. */
export async function startBenchRedis(): Promise<BenchRedis> {
  const given = process.env.REDIS_URL;
  if (given) return { url: given, pid: null, stop: async () => {} };
  const dir = mkdtempSync(path.join(tmpdir(), 'storydesk-bench-redis-'));
  const server = await startRedisServer({ port: await freePort(), dir, appendOnly: false });
  return {
    url: server.url,
    pid: server.pid,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** INFO memory's used_memory in bytes. */
export async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

/** CPU seconds the Redis server has used so far (INFO cpu, user + sys, main thread and children). */
export async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return field('used_cpu_user') + field('used_cpu_sys');
}

/** What one key family of an instance holds, from MEMORY USAGE of each key. */
export type MemoryBreakdown = Record<string, { keys: number; bytes: number }>;

/**
 * MEMORY USAGE of every key under the prefix, grouped by what it stores. The order of the
 * patterns matters: the first match names the group.
 */
export async function memoryByGroup(redis: Redis, prefix: string): Promise<MemoryBreakdown> {
  const root = `{${prefix}}:`;
  const groups: Array<[string, RegExp]> = [
    ['article', /^article:[^:]+$/],
    ['article indexes', /^(articles:by-time|article-story)$/],
    ['story', /^(story:|stories:by-time)/],
    ['clusterer', /^clusterer:/],
    ['feed seen guids', /^feed:[^:]+:seen$/],
    ['feed state', /^(feed:|feeds$)/],
    ['queue poll', /^q:poll:/],
    ['queue extract', /^q:extract:/],
    ['queue cluster', /^q:cluster:/],
    ['queue story', /^q:story:/],
  ];
  const out: MemoryBreakdown = {};
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${root}*`, 'COUNT', 1000);
    cursor = next;
    if (!batch.length) continue;
    const pipe = redis.pipeline();
    for (const key of batch) pipe.call('MEMORY', 'USAGE', key, 'SAMPLES', '0');
    const sizes = (await pipe.exec()) ?? [];
    batch.forEach((key, i) => {
      const rest = key.slice(root.length);
      const group = groups.find(([, re]) => re.test(rest))?.[0] ?? 'other';
      const entry = (out[group] ??= { keys: 0, bytes: 0 });
      entry.keys += 1;
      entry.bytes += Number(sizes[i]?.[1] ?? 0);
    });
  } while (cursor !== '0');
  return out;
}

/** Delete every key of one prefix. */
export async function wipePrefix(redis: Redis, prefix: string): Promise<void> {
  await wipeInstance(redis, keysFor(prefix));
}
