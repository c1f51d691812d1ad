import type { Redis } from 'ioredis';
import type { Outlet } from '../../core/model/index.js';
import type { Keys } from '../keys.js';

/**
 * The outlets a running instance was started with, so that commands run elsewhere (export,
 * status) print the same display names, whatever outlets file they see.
 */
export class OutletStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async putAll(outlets: readonly Outlet[]): Promise<void> {
    if (!outlets.length) return;
    await this.redis.hset(this.keys.outlets, Object.fromEntries(outlets.map((o) => [o.id, JSON.stringify(o)])));
  }

  async list(): Promise<Outlet[]> {
    return Object.values(await this.redis.hgetall(this.keys.outlets)).map((raw) => JSON.parse(raw) as Outlet);
  }
}
