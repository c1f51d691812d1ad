import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

/** What a live process says about itself every few seconds. */
export interface Heartbeat {
  role: string;
  host: string;
  pid: number;
  processId: string;
  startedAt: string;
  at: string;
  concurrency?: number;
}

/**
 * Announce this process's roles in Redis with a TTL of three beats, so worker-only
 * processes (which listen on no port) are visible to /readyz and `storydesk status`.
 */
export function startHeartbeat(
  redis: Redis,
  keys: Keys,
  roles: string[],
  intervalMs: number,
  extra: Record<string, number> = {},
): () => Promise<void> {
  const processId = `${hostname()}:${process.pid}`;
  const startedAt = new Date().toISOString();
  const beat = async () => {
    const at = new Date().toISOString();
    const multi = redis.multi();
    for (const role of roles) {
      const value: Heartbeat = { role, host: hostname(), pid: process.pid, processId, startedAt, at, concurrency: extra[role] };
      multi.set(keys.heartbeat(role, processId), JSON.stringify(value), 'PX', intervalMs * 3);
    }
    await multi.exec().catch(() => undefined); // a missed beat is fine; Redis may be restarting
  };
  void beat();
  const timer = setInterval(() => void beat(), intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await redis.del(...roles.map((role) => keys.heartbeat(role, processId))).catch(() => undefined);
  };
}

/** Every live heartbeat of one instance. */
export async function liveHeartbeats(redis: Redis, keys: Keys): Promise<Heartbeat[]> {
  const found: Heartbeat[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', keys.heartbeatPattern, 'COUNT', 500);
    cursor = next;
    if (batch.length) {
      for (const raw of await redis.mget(batch)) if (raw) found.push(JSON.parse(raw) as Heartbeat);
    }
  } while (cursor !== '0');
  return found.sort((a, b) => a.role.localeCompare(b.role) || a.processId.localeCompare(b.processId));
}
