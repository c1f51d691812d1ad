import type { Redis } from 'ioredis';
import { StorydeskError, type Decision, type StoryCandidate } from '../../core/model/index.js';
import type { Keys } from '../keys.js';
import { COMMIT_STORIES } from './commit-script.js';
import { luaScript } from '../redis/script.js';

/** Refused save: someone else saved the candidate since this editor loaded it. */
export class StaleVersionError extends StorydeskError {
  constructor(
    readonly storyId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      'stale_version',
      `story ${storyId} was changed by someone else (you had version ${expected}, it is now ${actual}); reload to see their change`,
      { permanent: true },
    );
  }
}

/** Refused write: the candidate was merged away (or emptied by a move) into `forwardTo`. */
export class RetiredStoryError extends StorydeskError {
  constructor(
    readonly storyId: string,
    readonly forwardTo: string,
  ) {
    super('story_retired', `candidate ${storyId} was merged into ${forwardTo}`, { permanent: true });
  }
}

/** Refused write: an article changed candidates since it was read. */
export class ArticleMovedError extends StorydeskError {
  constructor(
    readonly articleId: string,
    readonly owner: string | null,
  ) {
    super('stale_version', `article ${articleId} moved to ${owner ?? 'no candidate'} meanwhile; reload to see the change`, {
      permanent: true,
    });
  }
}

/**
 * One atomic change over any number of candidates: every check passes and every write
 * happens, or nothing is written (one Lua script, see commit-script.ts).
 */
export interface StoryChange {
  /**
   * Candidates to write, each with the version it was read at (0: must not exist and must not
   * be retired; -1: no check, for tests and migrations). The stored version is `version` when
   * given (a restored candidate continues its own numbering), else expected + 1.
   */
  put?: Array<{ story: StoryCandidate; expected: number; version?: number }>;
  /** Candidates to remove at the version read; later writes to the id go to `forwardTo`. */
  retire?: Array<{ id: string; expected: number; forwardTo: string | null }>;
  /** Retired ids brought back (undo of a merge): their forward and stored snapshot go. */
  restore?: string[];
  /** Article → the candidate that holds it from now on. */
  own?: Record<string, string>;
  /** Article → the candidate it must still belong to (null: none), checked before writing. */
  expectOwners?: Record<string, string | null>;
  /** Decisions appended to the history of each listed candidate. */
  history?: Array<{ storyIds: string[]; decision: Decision }>;
}

/** The commit script, run by its SHA1. */
const commitScript = luaScript(COMMIT_STORIES);

/** How many forwards a lookup follows (merges of merges) before giving up on a cycle. */
const MAX_FORWARDS = 32;

/** Story candidates: one JSON value each, an update-time index, and a decision history. */
export class StoryStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

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
   * Save with a version check: `expectedVersion` is the version the writer loaded (0 for a new
   * candidate, -1 to skip the check). The stored version becomes expectedVersion + 1.
   */
  async save(story: StoryCandidate, expectedVersion: number): Promise<StoryCandidate> {
    const [saved] = await this.commit({ put: [{ story, expected: expectedVersion }] });
    return saved!;
  }

  /**
   * Apply a change atomically; returns the written candidates (in `put` order) with their new
   * versions. Throws StaleVersionError, RetiredStoryError or ArticleMovedError and writes
   * nothing when a check fails.
   */
  async commit(change: StoryChange): Promise<StoryCandidate[]> {
    const keys: string[] = [this.keys.storiesByTime, this.keys.articleStory, this.keys.storyForward];
    const index = new Map<string, number>();
    const keyOf = (key: string): number => {
      let at = index.get(key);
      if (at === undefined) {
        keys.push(key);
        at = keys.length;
        index.set(key, at);
      }
      return at;
    };
    const written = (change.put ?? []).map(({ story, expected, version }) => ({
      ...story,
      version: version ?? (expected < 0 ? story.version : expected) + 1,
    }));
    const plan = {
      put: (change.put ?? []).map(({ story, expected }, i) => [
        keyOf(this.keys.story(story.id)),
        story.id,
        expected,
        JSON.stringify(written[i]),
        Date.parse(written[i]!.updatedAt) || 0,
      ]),
      retire: (change.retire ?? []).map(({ id, expected, forwardTo }) => [
        keyOf(this.keys.story(id)),
        id,
        expected,
        keyOf(this.keys.retiredStory(id)),
        forwardTo ?? '',
      ]),
      restore: (change.restore ?? []).map((id) => [id, keyOf(this.keys.retiredStory(id))]),
      owners: Object.entries(change.expectOwners ?? {}).map(([article, owner]) => [article, owner ?? '']),
      own: Object.entries(change.own ?? {}),
      history: (change.history ?? []).flatMap(({ storyIds, decision }) =>
        [...new Set(storyIds)].map((id) => [keyOf(this.keys.storyHistory(id)), JSON.stringify(decision)]),
      ),
    };
    const result = (await commitScript.run(this.redis, keys, [JSON.stringify(plan)])) as [string, string?, string?];
    const [outcome, id = '', detail = ''] = result;
    if (outcome === 'stale') {
      const expected =
        [
          ...(change.put ?? []).map((p) => [p.story.id, p.expected] as const),
          ...(change.retire ?? []).map((r) => [r.id, r.expected] as const),
        ].find(([sid]) => sid === id)?.[1] ?? -1;
      throw new StaleVersionError(id, expected, Number(detail));
    }
    if (outcome === 'retired') throw new RetiredStoryError(id, detail);
    if (outcome === 'owner') throw new ArticleMovedError(id, detail || null);
    return written;
  }

  /** Where writes to `id` go: itself, or the candidate it was merged into (following merges of merges). */
  async resolve(id: string): Promise<string> {
    let current = id;
    for (let hops = 0; hops < MAX_FORWARDS; hops++) {
      const next = await this.redis.hget(this.keys.storyForward, current);
      if (!next) return current;
      current = next;
    }
    throw new StorydeskError('story_forward_cycle', `candidate ${id} forwards in a cycle`, { permanent: true });
  }

  /** The candidate `id` was merged into, or null when it is not retired. */
  async forwardOf(id: string): Promise<string | null> {
    return this.redis.hget(this.keys.storyForward, id);
  }

  /** A retired candidate as it was when retired (for undo), or null. */
  async retired(id: string): Promise<StoryCandidate | null> {
    const raw = await this.redis.get(this.keys.retiredStory(id));
    return raw ? (JSON.parse(raw) as StoryCandidate) : null;
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

  /** The candidate holding each article (null when none), in order. */
  async storiesOf(articleIds: string[]): Promise<Array<string | null>> {
    if (!articleIds.length) return [];
    return this.redis.hmget(this.keys.articleStory, ...articleIds);
  }

  /** Set owners outside any check (tests, migrations); editorial changes go through commit. */
  async setStoryOf(articleIds: string[], storyId: string): Promise<void> {
    if (!articleIds.length) return;
    await this.redis.hset(this.keys.articleStory, Object.fromEntries(articleIds.map((id) => [id, storyId])));
  }

  /** Append outside any change (tests, migrations); editorial decisions go through commit. */
  async appendHistory(storyId: string, decision: Decision): Promise<void> {
    await this.redis.rpush(this.keys.storyHistory(storyId), JSON.stringify(decision));
  }

  async history(storyId: string): Promise<Decision[]> {
    return (await this.redis.lrange(this.keys.storyHistory(storyId), 0, -1)).map((raw) => JSON.parse(raw) as Decision);
  }
}
