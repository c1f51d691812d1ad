import type { Redis } from 'ioredis';
import type { Keys } from '../keys.js';

/** Delete every key of one instance (its prefix): the demo's clean start, and tests. */
export async function wipeInstance(redis: Redis, keys: Keys): Promise<number> {
  let removed = 0;
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', keys.all, 'COUNT', 1000);
    cursor = next;
    if (batch.length) removed += await redis.unlink(...batch);
  } while (cursor !== '0');
  return removed;
}
