import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startRedisServer, type RedisServer } from '../../src/adapters/redis/server.js';

/**
 * Integration tests use a real Redis: REDIS_URL when set, otherwise a private redis-server
 * from PATH on a free port, so a test run never touches an operator's data.
 */
let server: RedisServer | undefined;
let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  let url = process.env.REDIS_URL;
  if (!url) {
    dir = mkdtempSync(join(tmpdir(), 'storydesk-test-redis-'));
    server = await startRedisServer({ port: await freePort(), dir, appendOnly: false });
    url = server.url;
  }
  project.provide('redisUrl', url);
  process.env.STORYDESK_TEST_REDIS_URL = url;
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}
