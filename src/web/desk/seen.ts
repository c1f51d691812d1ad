import type { Redis } from 'ioredis';
import type { Keys } from '../../adapters/keys.js';

/** One user's last look at one candidate: when, and which articles it had then. */
export interface LastLook {
  at: string;
  /** Article ids the candidate held at that look: any other is new to this user. */
  articleIds: Set<string>;
}

/**
 * When each desk user last looked at each candidate and which articles it held, so the desk
 * can show what changed since (new articles, suggestions, decisions) and sort by "needs me".
 * Articles are compared by id, not time: one that was fetched before the look but joined the
 * candidate after it is still new. One hash per user (story id → JSON).
 */
export class SeenStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Every candidate the user has looked at. */
  async all(user: string): Promise<Map<string, LastLook>> {
    const raw = await this.redis.hgetall(this.keys.deskSeen(user));
    return new Map(
      Object.entries(raw).flatMap(([id, value]) => {
        const look = parse(value);
        return look ? [[id, look] as const] : [];
      }),
    );
  }

  /** The user's last look at one candidate, or null. */
  async last(user: string, storyId: string): Promise<LastLook | null> {
    const value = await this.redis.hget(this.keys.deskSeen(user), storyId);
    return value ? parse(value) : null;
  }

  /** Record a look. */
  async mark(user: string, storyId: string, at: string, articleIds: readonly string[]): Promise<void> {
    await this.redis.hset(this.keys.deskSeen(user), storyId, JSON.stringify({ at, articleIds }));
  }
}

function parse(value: string): LastLook | null {
  try {
    const { at, articleIds } = JSON.parse(value) as { at?: unknown; articleIds?: unknown };
    if (typeof at !== 'string' || !Array.isArray(articleIds)) return null;
    return { at, articleIds: new Set(articleIds.filter((a): a is string => typeof a === 'string')) };
  } catch {
    return null;
  }
}
