import type { Redis } from 'ioredis';
import type { Keys } from '../../adapters/keys.js';

/** How many failed sign-ins are tolerated, per user name and per client address, in a window. */
export interface ThrottleLimits {
  perUser: number;
  perIp: number;
  windowSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { perUser: 5, perIp: 20, windowSeconds: 15 * 60 };

/**
 * Failed sign-ins counted in Redis (shared by every web process): past the limit for a name
 * or an address, sign-in is refused without checking the password until the window ends.
 */
export class SigninThrottle {
  constructor(private readonly redis: Redis, private readonly keys: Keys, private readonly limits: ThrottleLimits = DEFAULT_THROTTLE) {}

  private userKey(name: string): string {
    return this.keys.signinFailures(`user:${name.toLowerCase().slice(0, 64)}`);
  }

  private ipKey(ip: string): string {
    return this.keys.signinFailures(`ip:${ip}`);
  }

  /** Seconds until sign-in may be tried again for this name or address; 0 when allowed now. */
  async blockedFor(name: string, ip: string): Promise<number> {
    const [user, address] = await this.redis.mget(this.userKey(name), this.ipKey(ip));
    const over: string[] = [];
    if (Number(user ?? 0) >= this.limits.perUser) over.push(this.userKey(name));
    if (Number(address ?? 0) >= this.limits.perIp) over.push(this.ipKey(ip));
    if (!over.length) return 0;
    const ttls = await Promise.all(over.map((key) => this.redis.ttl(key)));
    return Math.max(1, ...ttls);
  }

  /** Count one failure for the name and the address; the window starts at the first failure. */
  async fail(name: string, ip: string): Promise<void> {
    const multi = this.redis.multi();
    for (const key of [this.userKey(name), this.ipKey(ip)]) multi.incr(key).expire(key, this.limits.windowSeconds, 'NX');
    await multi.exec();
  }

  /** A successful sign-in clears the name's count (the address keeps its count). */
  async succeed(name: string): Promise<void> {
    await this.redis.del(this.userKey(name));
  }
}
