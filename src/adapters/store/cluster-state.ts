import type { Redis } from 'ioredis';
import type { Keys } from '../keys.js';
import {
  createClusterer,
  type ArticleRecord,
  type ClusterChanges,
  type ClusterMeta,
  type ClusterOptionsInput,
  type ClusterSnapshot,
  type Clusterer,
  type StoryRecord,
} from '../../core/cluster/index.js';
import { StorydeskError } from '../../core/model/index.js';

/**
 * Redis layout of the clusterer's active window (all under keys.cluster(part)):
 *   meta      string  ClusterMeta JSON (arrival count, clock, docs per language)
 *   stories   hash    story id → StoryRecord JSON
 *   articles  hash    article id → ArticleRecord JSON
 *   df        hash    "lang|term" → document frequency
 *   epoch     string  saves so far: each save bumps it in its own MULTI (see ClusterWriter)
 * Everything else (inverted index, url and text maps, member lists) is rebuilt on load.
 */
const PARTS = { meta: 'meta', stories: 'stories', articles: 'articles', df: 'df', epoch: 'epoch' } as const;

/**
 * Writes what changed since the last save in one MULTI: at most eight commands whatever the
 * window holds (the stories and articles touched by one arrival, evictions, changed df keys,
 * the epoch). Returns the new epoch: the state and its epoch change together, in one round trip.
 */
export async function saveChanges(redis: Redis, keys: Keys, changes: ClusterChanges): Promise<number> {
  const multi = redis.multi();
  multi.set(keys.cluster(PARTS.meta), JSON.stringify(changes.meta));
  if (changes.stories.length) multi.hset(keys.cluster(PARTS.stories), ...changes.stories.flatMap((s) => [s.id, JSON.stringify(s)]));
  if (changes.removedStories.length) multi.hdel(keys.cluster(PARTS.stories), ...changes.removedStories);
  if (changes.articles.length) multi.hset(keys.cluster(PARTS.articles), ...changes.articles.flatMap((a) => [a.id, JSON.stringify(a)]));
  if (changes.removedArticles.length) multi.hdel(keys.cluster(PARTS.articles), ...changes.removedArticles);
  const kept = changes.df.filter(([, count]) => count > 0);
  const gone = changes.df.filter(([, count]) => count <= 0).map(([key]) => key);
  if (kept.length) multi.hset(keys.cluster(PARTS.df), ...kept.flatMap(([key, count]) => [key, String(count)]));
  if (gone.length) multi.hdel(keys.cluster(PARTS.df), ...gone);
  multi.incr(keys.cluster(PARTS.epoch));
  // A command Redis refuses while queuing aborts the whole transaction (EXECABORT, nothing
  // written); one failing at EXEC leaves the others written. Both are one error here.
  const results = await multi.exec().catch((error: Error) => [[error, null] as [Error, null]]);
  const failed = results?.find(([error]) => error);
  if (!results || failed) {
    throw new StorydeskError('cluster_state_write', `could not save clusterer state: ${failed?.[0]?.message ?? 'transaction aborted'}`, {
      cause: failed?.[0],
    });
  }
  return Number(results.at(-1)?.[1]);
}

/** The epoch of the saved state (0 when nothing was saved yet). */
export async function readEpoch(redis: Redis, keys: Keys): Promise<number> {
  return Number((await redis.get(keys.cluster(PARTS.epoch))) ?? 0);
}

/** Reads the persisted window as a snapshot, or null when nothing was saved yet. */
export async function loadSnapshot(redis: Redis, keys: Keys): Promise<ClusterSnapshot | null> {
  const [meta, stories, articles, df] = await Promise.all([
    redis.get(keys.cluster(PARTS.meta)),
    redis.hgetall(keys.cluster(PARTS.stories)),
    redis.hgetall(keys.cluster(PARTS.articles)),
    redis.hgetall(keys.cluster(PARTS.df)),
  ]);
  if (meta === null) return null;
  const parsedMeta = parse<ClusterMeta>(meta, 'meta');
  if (parsedMeta.version !== 1) {
    throw new StorydeskError('cluster_state_invalid', `clusterer state has version ${String(parsedMeta.version)}, expected 1`, {
      permanent: true,
    });
  }
  return {
    meta: parsedMeta,
    stories: Object.values(stories).map((json) => parse<StoryRecord>(json, 'story')),
    articles: Object.values(articles).map((json) => parse<ArticleRecord>(json, 'article')),
    df: Object.entries(df).map(([key, count]) => [key, Number(count)]),
  };
}

/** The clusterer as persisted (an empty one when nothing was saved): it continues as if it had never stopped. */
export async function loadClusterer(redis: Redis, keys: Keys, options: ClusterOptionsInput = {}): Promise<Clusterer> {
  const snapshot = await loadSnapshot(redis, keys);
  return createClusterer(options, snapshot ?? undefined);
}

function parse<T>(json: string, what: string): T {
  try {
    return JSON.parse(json) as T;
  } catch (error) {
    throw new StorydeskError('cluster_state_invalid', `clusterer state holds an unreadable ${what} record`, {
      permanent: true,
      cause: error,
    });
  }
}
