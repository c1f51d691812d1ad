import type { Redis } from 'ioredis';

/** What operators need from INFO memory: usage, limit and the eviction policy. */
export interface RedisMemory {
  usedBytes: number;
  peakBytes: number;
  /** 0 when no limit is set. */
  maxBytes: number;
  policy: string;
}

/** INFO memory (works on managed Redis where CONFIG GET is disabled). */
export async function redisMemory(redis: Redis): Promise<RedisMemory> {
  const info = parseInfo(await redis.info('memory'));
  return {
    usedBytes: Number(info.used_memory ?? 0),
    peakBytes: Number(info.used_memory_peak ?? 0),
    maxBytes: Number(info.maxmemory ?? 0),
    policy: info.maxmemory_policy ?? 'unknown',
  };
}

/** `key:value` lines of an INFO section. */
export function parseInfo(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0 && !line.startsWith('#')) fields[line.slice(0, at)] = line.slice(at + 1).trim();
  }
  return fields;
}

/**
 * BullMQ needs `noeviction`: under any other policy Redis may drop queue keys when full and
 * jobs vanish. Returns the warning to log, or null when the policy is safe.
 */
export function evictionWarning(policy: string): string | null {
  if (policy === 'noeviction') return null;
  return `Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction" (other policies may evict queue keys and lose jobs). Set maxmemory-policy noeviction in redis.conf.`;
}
