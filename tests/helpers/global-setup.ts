import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startRedisServer, type RedisServer } from '../../src/adapters/redis/server.js';

/**
 * Integration tests use a real Redis: REDIS_URL when set, otherwise a private redis-server
 * from PATH on a free port, so a test run never touches an operator's data.
 *
 * Every test process gets a private TMPDIR (os.tmpdir() and child processes follow it). At
 * the end it must be empty: a test that leaves files behind fails the run, naming them, and
 * the folder is removed either way.
 */
let server: RedisServer | undefined;
let dir: string | undefined;
let tmp: string | undefined;
let outerTmp: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  outerTmp = process.env.TMPDIR;
  tmp = mkdtempSync(join(tmpdir(), 'storydesk-test-tmp-'));
  process.env.TMPDIR = tmp;
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
  if (!tmp) return;
  const left = readdirSync(tmp);
  rmSync(tmp, { recursive: true, force: true });
  if (outerTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = outerTmp;
  if (left.length > 0) {
    // Vitest reports an error thrown here but still exits 0: set the exit code ourselves.
    process.stderr.write(`tests left ${left.length} entries in the temp dir: ${left.join(', ')}\n`);
    process.exitCode = 1;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}
