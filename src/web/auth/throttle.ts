import type { Redis } from 'ioredis';
import type { Keys } from '../../adapters/keys.js';

/**
 * Sign-in limits. Per address and per name, at most `perIp` / `perUser` password checks in a
 * window (a correct one gives its slot back). Past the per-name limit only addresses the name
 * signed in from before may still try, so an attacker elsewhere cannot lock the owner out.
 * Each name+address pair also backs off exponentially after `freeFailures` failures.
 */
export interface ThrottleLimits {
  perUser: number;
  perIp: number;
  windowSeconds: number;
  /** Failures of one name from one address before the back-off starts. */
  freeFailures?: number;
  /** First back-off delay (seconds); it doubles with each further failure, up to the window. */
  baseDelaySeconds?: number;
  /** How long an address stays known-good for a name after a successful sign-in (seconds). */
  knownSeconds?: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  perUser: 5,
  perIp: 20,
  windowSeconds: 15 * 60,
  freeFailures: 3,
  baseDelaySeconds: 2,
  knownSeconds: 30 * 86_400,
};

/** The outcome of a reservation: `ok` to check the password, else refused for `waitSeconds` because of `reason`. */
export type Reservation = { ok: true } | { ok: false; reason: 'address' | 'name' | 'backoff'; waitSeconds: number };

// Reserve one password check atomically, before the check: parallel attempts cannot all pass
// a limit that is counted only after scrypt. KEYS: name counter, address counter, pair
// back-off hash, known-good addresses of the name. ARGV: perUser, perIp, window, now (ms), address.
const RESERVE = `
local now = tonumber(ARGV[4])
local untilMs = tonumber(redis.call('HGET', KEYS[3], 'until') or '0')
if untilMs > now then return {'backoff', math.ceil((untilMs - now) / 1000)} end
local byAddress = tonumber(redis.call('GET', KEYS[2]) or '0')
if byAddress >= tonumber(ARGV[2]) then return {'address', math.max(1, redis.call('TTL', KEYS[2]))} end
local byName = tonumber(redis.call('GET', KEYS[1]) or '0')
if byName >= tonumber(ARGV[1]) and redis.call('SISMEMBER', KEYS[4], ARGV[5]) == 0 then
  return {'name', math.max(1, redis.call('TTL', KEYS[1]))}
end
for i = 1, 2 do
  redis.call('INCR', KEYS[i])
  if redis.call('TTL', KEYS[i]) < 0 then redis.call('EXPIRE', KEYS[i], ARGV[3]) end
end
return {'ok', 0}
`;

// A failed check: the reservation stays counted; the pair's back-off grows.
// ARGV: now (ms), freeFailures, base delay (s), max delay (s), window (s).
const FAIL = `
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
local over = failures - tonumber(ARGV[2])
if over > 0 then
  local delay = math.min(tonumber(ARGV[4]), tonumber(ARGV[3]) * 2 ^ (over - 1))
  redis.call('HSET', KEYS[1], 'until', tonumber(ARGV[1]) + delay * 1000)
end
redis.call('EXPIRE', KEYS[1], ARGV[5])
return failures
`;

// A correct password: give the reservation back, forget the pair's failures, remember the address.
const SUCCEED = `
for i = 1, 2 do
  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
end
redis.call('DEL', KEYS[3])
redis.call('SADD', KEYS[4], ARGV[1])
redis.call('EXPIRE', KEYS[4], ARGV[2])
return 1
`;

/** Sign-in attempts counted in Redis (shared by every web process), reserved before the password check. */
export class SigninThrottle {
  private readonly limits: Required<ThrottleLimits>;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    limits: ThrottleLimits = DEFAULT_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...(DEFAULT_THROTTLE as Required<ThrottleLimits>), ...limits };
  }

  private keysOf(name: string, ip: string): string[] {
    const who = name.toLowerCase().slice(0, 64);
    return [
      this.keys.signinFailures(`user:${who}`),
      this.keys.signinFailures(`ip:${ip}`),
      this.keys.signinPair(who, ip),
      this.keys.signinKnown(who),
    ];
  }

  /** Take one password check for this name from this address, or say why not and for how long. */
  async reserve(name: string, ip: string): Promise<Reservation> {
    const { perUser, perIp, windowSeconds } = this.limits;
    const [outcome, wait] = (await this.redis.eval(
      RESERVE,
      4,
      ...this.keysOf(name, ip),
      perUser,
      perIp,
      windowSeconds,
      this.now(),
      ip,
    )) as [string, number];
    return outcome === 'ok' ? { ok: true } : { ok: false, reason: outcome as 'address' | 'name' | 'backoff', waitSeconds: Number(wait) };
  }

  /** The reserved check failed. */
  async fail(name: string, ip: string): Promise<void> {
    const { freeFailures, baseDelaySeconds, windowSeconds } = this.limits;
    await this.redis.eval(FAIL, 1, this.keysOf(name, ip)[2]!, this.now(), freeFailures, baseDelaySeconds, windowSeconds, windowSeconds);
  }

  /** The reserved check passed. */
  async succeed(name: string, ip: string): Promise<void> {
    await this.redis.eval(SUCCEED, 4, ...this.keysOf(name, ip), ip, this.limits.knownSeconds);
  }
}
