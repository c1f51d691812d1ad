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
 * the folder is removed either way. Each project runs this setup, so each folder is made in
 * the machine's temp dir (never inside another project's), with a short name: Chromium's
 * socket path under it must stay within 107 bytes.
 */
let server: RedisServer | undefined;
let dir: string | undefined;
let tmp: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const base = process.env.STORYDESK_TEST_BASE_TMPDIR ?? tmpdir();
  process.env.STORYDESK_TEST_BASE_TMPDIR = base;
  tmp = mkdtempSync(join(base, 'sd-test-'));
  process.env.TMPDIR = tmp;
  let url = process.env.REDIS_URL;
  if (!url) {
    dir = mkdtempSync(join(base, 'sd-test-redis-'));
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
