import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Cluster, Redis } from 'ioredis';
import { StorydeskError, type Politeness } from '../../core/model/index.js';
import type { Keys } from '../keys.js';

/** Politeness defaults from config, plus the limiter's own bounds. */
export interface PolitenessDefaults extends Politeness {
  /** A lease not renewed for this long is dropped, so a dead process never blocks a host. */
  leaseTtlMs?: number;
  /** Longest wait for a turn before giving up with `host_busy` (or `rate_limited` when paused). */
  maxWaitMs?: number;
  /** Pause after a 429 that gave no Retry-After. */
  rateLimitPauseMs?: number;
  /** Upper bound on any pause, whatever Retry-After a host sends. */
  maxPauseMs?: number;
}

/** One granted turn on a host; renew it while working, release it when done. */
export interface HostLease {
  hostPort: string;
  id: string;
  /** Push the expiry forward; false when the lease had already expired. */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

/** Per-host politeness shared by every process through Redis. */
export interface HostLimiter {
  /** Wait for a turn on the URL's host, run `fn`, release; a `rate_limited` error pauses the host. */
  withHost<T>(url: string, politeness: Partial<Politeness> | undefined, fn: () => Promise<T>): Promise<T>;
  /** Wait for a turn on the URL's host (the caller must release the lease). */
  acquire(url: string, politeness?: Partial<Politeness>): Promise<HostLease>;
  /** No request starts on `hostPort` for `ms` (capped by maxPauseMs), in any process. */
  pauseHost(hostPort: string, ms: number): Promise<void>;
}

// Redis's clock, not ours: processes on several hosts must agree on "now".
const NOW = `
redis.replicate_commands()
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/** Reply {0, 0} granted, {1, ms} paused, {2, ms} full, {3, ms} too soon after the last start. */
const ACQUIRE = `${NOW}
local ttl = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local paused = tonumber(redis.call('HGET', KEYS[1], 'pausedUntil') or '0')
if paused > now then return {1, paused - now} end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then
  local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  return {2, tonumber(first[2]) - now}
end
local nextStart = tonumber(redis.call('HGET', KEYS[1], 'nextStart') or '0')
if nextStart > now then return {3, nextStart - now} end
redis.call('ZADD', KEYS[2], now + ttl, ARGV[1])
redis.call('HSET', KEYS[1], 'nextStart', now + tonumber(ARGV[3]))
if redis.call('PTTL', KEYS[2]) < ttl then redis.call('PEXPIRE', KEYS[2], ttl) end
local keep = math.max(tonumber(ARGV[3]), 1000)
if redis.call('PTTL', KEYS[1]) < keep then redis.call('PEXPIRE', KEYS[1], keep) end
return {0, 0}
`;

const RENEW = `${NOW}
local ttl = tonumber(ARGV[2])
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + ttl, ARGV[1])
if redis.call('PTTL', KEYS[1]) < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
return 1
`;

const PAUSE = `${NOW}
local ms = tonumber(ARGV[1])
local current = tonumber(redis.call('HGET', KEYS[1], 'pausedUntil') or '0')
if now + ms > current then redis.call('HSET', KEYS[1], 'pausedUntil', now + ms) end
if redis.call('PTTL', KEYS[1]) < ms then redis.call('PEXPIRE', KEYS[1], ms + 1000) end
return 1
`;

/** "host:port" of a URL, with the scheme's default port spelled out. */
export function hostPortOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StorydeskError('bad_url', `Not a valid URL: ${JSON.stringify(url.slice(0, 200))}`, { permanent: true });
  }
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  return `${parsed.hostname}:${port}`;
}

/**
 * A limiter on one Redis: at most `maxConcurrent` requests in flight and `minDelayMs` between
 * request starts per host:port, across every process. Waiting is polling with bounded sleeps;
 * each check-and-take is one Lua script, so two processes never both take the last slot.
 */
export function createPoliteness(redis: Redis | Cluster, keys: Keys, defaults: PolitenessDefaults): HostLimiter {
  const leaseTtlMs = defaults.leaseTtlMs ?? 60_000;
  const maxWaitMs = defaults.maxWaitMs ?? 60_000;
  const maxPauseMs = defaults.maxPauseMs ?? 3_600_000;

  async function acquire(url: string, politeness: Partial<Politeness> = {}): Promise<HostLease> {
    const hostPort = hostPortOf(url);
    const maxConcurrent = politeness.maxConcurrent ?? defaults.maxConcurrent;
    const minDelayMs = politeness.minDelayMs ?? defaults.minDelayMs;
    const id = randomUUID();
    const startedAt = Date.now();
    for (;;) {
      const [state, waitMs] = (await redis.eval(
        ACQUIRE,
        2,
        keys.host(hostPort),
        keys.hostLeases(hostPort),
        id,
        maxConcurrent,
        minDelayMs,
        leaseTtlMs,
      )) as [number, number];
      if (state === 0) return lease(hostPort, id);
      const left = maxWaitMs - (Date.now() - startedAt);
      if (state === 1 && waitMs > left) {
        throw new StorydeskError('rate_limited', `Host ${hostPort} is paused for ${waitMs} ms after a rate limit`, {
          retryAfterMs: waitMs,
        });
      }
      if (left <= 0) {
        throw new StorydeskError('host_busy', `No turn on ${hostPort} within ${maxWaitMs} ms`, {
          retryAfterMs: Math.max(minDelayMs, 1000),
        });
      }
      // A full host frees a slot on any release, long before the oldest lease expires: poll.
      const wanted = state === 2 ? Math.min(waitMs, 50) : waitMs;
      await sleep(Math.min(left, Math.max(1, wanted) + Math.random() * 5));
    }
  }

  function lease(hostPort: string, id: string): HostLease {
    return {
      hostPort,
      id,
      renew: async () => (await redis.eval(RENEW, 1, keys.hostLeases(hostPort), id, leaseTtlMs)) === 1,
      release: async () => {
        await redis.zrem(keys.hostLeases(hostPort), id);
      },
    };
  }

  async function pauseHost(hostPort: string, ms: number): Promise<void> {
    await redis.eval(PAUSE, 1, keys.host(hostPort), Math.max(1, Math.min(Math.round(ms), maxPauseMs)));
  }

  async function withHost<T>(url: string, politeness: Partial<Politeness> | undefined, fn: () => Promise<T>): Promise<T> {
    const held = await acquire(url, politeness);
    // Renew well inside the TTL so a slow but live request keeps its slot.
    const renewal = setInterval(() => void held.renew().catch(() => undefined), Math.max(10, Math.floor(leaseTtlMs / 3)));
    try {
      return await fn();
    } catch (error) {
      if (error instanceof StorydeskError && error.code === 'rate_limited') {
        // The whole host slows down, not just this feed; a failed pause must not hide the 429.
        await pauseHost(held.hostPort, error.retryAfterMs ?? defaults.rateLimitPauseMs ?? 60_000).catch(() => undefined);
      }
      throw error;
    } finally {
      clearInterval(renewal);
      // If Redis is unreachable the lease simply expires.
      await held.release().catch(() => undefined);
    }
  }

  return { withHost, acquire, pauseHost };
}
