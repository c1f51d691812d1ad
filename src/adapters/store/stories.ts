import type { Redis } from 'ioredis';
import { StorydeskError, type Decision, type StoryCandidate } from '../../core/model/index.js';
import type { Keys } from '../keys.js';

/** Refused save: someone else saved the candidate since this editor loaded it. */
export class StaleVersionError extends StorydeskError {
  constructor(storyId: string, expected: number, actual: number) {
    super('stale_version', `story ${storyId} was changed by someone else (you had version ${expected}, it is now ${actual}); reload to see their change`, { permanent: true });
  }
}

// Compare-and-set in one round trip: a save carrying an older version is refused.
const SAVE_IF_VERSION = `
local raw = redis.call('GET', KEYS[1])
local current = 0
if raw then current = cjson.decode(raw).version end
if tonumber(ARGV[2]) >= 0 and current ~= tonumber(ARGV[2]) then return current end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
return -1
`;

/** Story candidates: one JSON value each, an update-time index, and a decision history. */
export class StoryStore {
  constructor(private readonly redis: Redis, private readonly keys: Keys) {}

  async get(id: string): Promise<StoryCandidate | null> {
    const raw = await this.redis.get(this.keys.story(id));
    return raw ? (JSON.parse(raw) as StoryCandidate) : null;
  }

  async getMany(ids: string[]): Promise<StoryCandidate[]> {
    if (!ids.length) return [];
    const values = await this.redis.mget(ids.map((id) => this.keys.story(id)));
    return values.flatMap((raw) => (raw ? [JSON.parse(raw) as StoryCandidate] : []));
  }

  /**
   * Save with a version check: `expectedVersion` is the version the writer loaded (-1 to
   * skip the check, for the clusterer, which is the single writer of membership). The
   * stored version becomes expectedVersion + 1.
   */
  async save(story: StoryCandidate, expectedVersion: number): Promise<StoryCandidate> {
    const next = { ...story, version: (expectedVersion < 0 ? story.version : expectedVersion) + 1 };
    const result = (await this.redis.eval(
      SAVE_IF_VERSION, 2, this.keys.story(story.id), this.keys.storiesByTime,
      JSON.stringify(next), String(expectedVersion), String(Date.parse(next.updatedAt) || 0), story.id,
    )) as number;
    if (result !== -1) throw new StaleVersionError(story.id, expectedVersion, result);
    return next;
  }

  /** Newest update first. */
  async listIds(offset = 0, limit = 500): Promise<string[]> {
    return this.redis.zrevrange(this.keys.storiesByTime, offset, offset + limit - 1);
  }

  async count(): Promise<number> {
    return this.redis.zcard(this.keys.storiesByTime);
  }

  async storyOf(articleId: string): Promise<string | null> {
    return this.redis.hget(this.keys.articleStory, articleId);
  }

  async setStoryOf(articleIds: string[], storyId: string): Promise<void> {
    if (!articleIds.length) return;
    await this.redis.hset(this.keys.articleStory, Object.fromEntries(articleIds.map((id) => [id, storyId])));
  }

  async appendHistory(storyId: string, decision: Decision): Promise<void> {
    await this.redis.rpush(this.keys.storyHistory(storyId), JSON.stringify(decision));
  }

  async history(storyId: string): Promise<Decision[]> {
    return (await this.redis.lrange(this.keys.storyHistory(storyId), 0, -1)).map((raw) => JSON.parse(raw) as Decision);
  }
}
