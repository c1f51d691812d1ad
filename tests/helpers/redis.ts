import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { keysFor } from '../../src/adapters/keys.js';
import { wipeInstance } from '../../src/adapters/store/wipe.js';

/** The test run's Redis URL (see global-setup). */
export function testRedisUrl(): string {
  return inject('redisUrl');
}

/** A fresh key prefix per test, so tests never see each other's keys. */
export function testPrefix(label = 'test'): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

/** A Redis client for the test Redis; remember to quit it. */
export function testRedis(): Redis {
  return new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
}

/** Delete every key of one prefix (keys look like "{prefix}:…"). */
export async function wipePrefix(redis: Redis, prefix: string): Promise<void> {
  await wipeInstance(redis, keysFor(prefix));
}
