import type { Redis } from 'ioredis';
import type { Keys } from '../../adapters/keys.js';

/**
 * When each desk user last looked at each candidate, so the desk can show what changed since
 * (new articles, suggestions, decisions) and sort by "needs me". One hash per user.
 */
export class SeenStore {
  constructor(private readonly redis: Redis, private readonly keys: Keys) {}

  /** Every candidate the user has looked at → when (UTC ISO). */
  async all(user: string): Promise<Map<string, string>> {
    return new Map(Object.entries(await this.redis.hgetall(this.keys.deskSeen(user))));
  }

  /** When the user last looked at one candidate, or null. */
  async last(user: string, storyId: string): Promise<string | null> {
    return this.redis.hget(this.keys.deskSeen(user), storyId);
  }

  /** Record a look. */
  async mark(user: string, storyId: string, at: string): Promise<void> {
    await this.redis.hset(this.keys.deskSeen(user), storyId, at);
  }
}
