import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import type { Logger } from '../log/logger.js';
import { answers, startRedisServer } from './server.js';

/** Where Redis is, and how to stop the one we started (if we did). */
export interface RedisHandle {
  url: string;
  /** Stops a private redis-server started by us; no-op otherwise. */
  stop(): Promise<void>;
}

/** Port of the private redis-server storydesk starts when it finds no other Redis. */
export const PRIVATE_PORT = 6389;

export const NO_REDIS_HELP = [
  'storydesk needs Redis and found none: REDIS_URL is not set, nothing answers on 127.0.0.1:6379,',
  'and there is no redis-server on PATH to start a private one. Either start one with',
  '`docker compose up -d redis` (from this repository), or install the OS package',
  '(Debian/Ubuntu: `sudo apt-get install redis-server`; macOS: `brew install redis`),',
  'or point storydesk at an existing server with REDIS_URL=redis://host:6379.',
].join('\n');

/**
 * REDIS_URL when set; else a Redis on 127.0.0.1:6379; else a private redis-server from
 * PATH with its data under <dataDir>/redis (append-only file on), stopped on exit.
 */
export async function resolveRedis(redisUrl: string | undefined, dataDir: string, log: Logger): Promise<RedisHandle> {
  if (redisUrl) return { url: redisUrl, stop: async () => {} };
  if (await answers(6379)) return { url: 'redis://127.0.0.1:6379', stop: async () => {} };
  // Another storydesk process (or CLI command) already runs the private server: share it,
  // never start a second server on the same data directory.
  const port = PRIVATE_PORT;
  if (await answers(port)) return { url: `redis://127.0.0.1:${port}`, stop: async () => {} };
  if (spawnSync('redis-server', ['--version']).error) throw new Error(NO_REDIS_HELP);

  const dir = resolve(dataDir, 'redis');
  const server = await startRedisServer({ port, dir, appendOnly: true });
  log.info({ port, dir }, 'started a private redis-server (no REDIS_URL and nothing on 127.0.0.1:6379)');
  return { url: server.url, stop: server.stop };
}

/** A connection for workers and long-lived roles: waits through Redis restarts. */
export function connectRedis(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: name, enableReadyCheck: true });
}
