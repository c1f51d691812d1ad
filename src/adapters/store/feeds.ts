import type { Redis } from 'ioredis';
import { ID_PATTERN, ID_RULE, initialFeedState, StorydeskError, type FeedConfig, type FeedState } from '../../core/model/index.js';
import type { Keys } from '../keys.js';

/** Feed state: one JSON value per feed, and a set of known feed ids. */
export class FeedStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async get(feedId: string): Promise<FeedState | null> {
    const raw = await this.redis.get(this.keys.feed(feedId));
    return raw ? (JSON.parse(raw) as FeedState) : null;
  }

  /** The stored state, or a fresh one for a feed never polled (registered on the way). */
  async getOrInit(feed: FeedConfig): Promise<FeedState> {
    const existing = await this.get(feed.id);
    if (existing) return existing;
    const state = initialFeedState(feed.id, feed.outletId, feed.url);
    await this.redis.multi().set(this.keys.feed(feed.id), JSON.stringify(state), 'NX').sadd(this.keys.feeds, feed.id).exec();
    return (await this.get(feed.id)) ?? state;
  }

  /** Store a feed's state; an id outside the one id rule is refused (`invalid_feed_id`), nothing stored. */
  async put(state: FeedState): Promise<void> {
    checkFeedId(state.feedId);
    await this.redis.multi().set(this.keys.feed(state.feedId), JSON.stringify(state)).sadd(this.keys.feeds, state.feedId).exec();
  }

  async update(feedId: string, patch: Partial<FeedState>): Promise<FeedState | null> {
    const state = await this.get(feedId);
    if (!state) return null;
    const next = { ...state, ...patch };
    await this.put(next);
    return next;
  }

  async list(): Promise<FeedState[]> {
    const ids = (await this.redis.smembers(this.keys.feeds)).sort();
    if (!ids.length) return [];
    const values = await this.redis.mget(ids.map((id) => this.keys.feed(id)));
    return values.flatMap((raw) => (raw ? [JSON.parse(raw) as FeedState] : []));
  }

  async remove(feedId: string): Promise<void> {
    await this.redis.multi().del(this.keys.feed(feedId), this.keys.feedSeen(feedId)).srem(this.keys.feeds, feedId).exec();
  }

  /**
   * Record an item GUID with a fingerprint of its content: 'new' the first time, 'changed'
   * when the outlet updated the item, 'same' on a replay.
   */
  async markSeen(feedId: string, guid: string, fingerprint: string): Promise<'new' | 'changed' | 'same'> {
    const key = this.keys.feedSeen(feedId);
    const [[, previous]] = (await this.redis.multi().hget(key, guid).hset(key, guid, fingerprint).exec()) as [[unknown, string | null]];
    if (previous === null) return 'new';
    return previous === fingerprint ? 'same' : 'changed';
  }
}

/** Throw `invalid_feed_id` unless `id` follows the one id rule (core/model/ids.ts). */
export function checkFeedId(id: string): void {
  if (!ID_PATTERN.test(id))
    throw new StorydeskError('invalid_feed_id', `feed id ${JSON.stringify(id)} is not allowed: ${ID_RULE}`, { permanent: true });
}
