import type { Redis } from 'ioredis';
import type { Article, StoryCandidate } from '../../core/model/index.js';
import type { Keys } from '../keys.js';
import type { Store } from './store.js';

/** Retention in days (0 keeps forever), from RETAIN_* settings. */
export interface Retention {
  articleTextDays: number;
  articlesDays: number;
  candidatesDays: number;
  /** Candidates the clusterer may still add to are never removed (CLUSTER_WINDOW_HOURS). */
  clusterWindowHours: number;
}

/** What one prune removed; stored for `storydesk status`. */
export interface PruneReport {
  at: string;
  ms: number;
  candidatesRemoved: number;
  articlesRemoved: number;
  textsCleared: number;
  cutoffs: { articleText: string | null; articles: string | null; candidates: string | null };
}

const BATCH = 500;
const DAY_MS = 86_400_000;

/**
 * Enforce retention. Published stories and their articles are kept whatever their age.
 * Order: old unpublished candidates go first (with their history); then old articles that no
 * kept candidate holds; then the text of old articles outside published stories is cleared
 * (title, summary and links stay, so the desk still lists them). Idempotent.
 */
export async function pruneStore(store: Store, retention: Retention, now: Date): Promise<PruneReport> {
  const started = Date.now();
  const cutoff = (days: number, floorMs = 0) => (days > 0 ? now.getTime() - Math.max(days * DAY_MS, floorMs) : null);
  const candidatesCutoff = cutoff(retention.candidatesDays, retention.clusterWindowHours * 3_600_000);
  const articlesCutoff = cutoff(retention.articlesDays);
  const textCutoff = cutoff(retention.articleTextDays);

  const candidatesRemoved = candidatesCutoff === null ? 0 : await pruneCandidates(store, candidatesCutoff);
  const articlesRemoved = articlesCutoff === null ? 0 : await pruneArticles(store, articlesCutoff);
  const textsCleared = textCutoff === null ? 0 : await clearTexts(store, textCutoff);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    at: now.toISOString(),
    ms: Date.now() - started,
    candidatesRemoved,
    articlesRemoved,
    textsCleared,
    cutoffs: { articleText: iso(textCutoff), articles: iso(articlesCutoff), candidates: iso(candidatesCutoff) },
  };
}

// Remove one candidate if its version is still the one read; its articles lose their owner
// only where it is still this candidate. KEYS: story, its article list, history, stories by
// time, article → story, retired snapshot. ARGV: id, version, article ids…
const PRUNE_IF_UNCHANGED = `
local raw = redis.call('GET', KEYS[1])
if not raw or cjson.decode(raw).version ~= tonumber(ARGV[2]) then return 0 end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[6])
redis.call('ZREM', KEYS[4], ARGV[1])
for i = 3, #ARGV do
  if redis.call('HGET', KEYS[5], ARGV[i]) == ARGV[1] then redis.call('HDEL', KEYS[5], ARGV[i]) end
end
return 1
`;

/** Unpublished candidates last updated before the cutoff; their articles become unassigned. */
async function pruneCandidates(store: Store, before: number): Promise<number> {
  const { redis, keys } = store;
  let removed = 0;
  let offset = 0;
  for (;;) {
    const ids = await redis.zrangebyscore(keys.storiesByTime, '-inf', `(${before}`, 'LIMIT', offset, BATCH);
    if (!ids.length) return removed;
    const stories = await store.stories.getMany(ids);
    const doomed = stories.filter((s) => s.status !== 'published');
    // Each one only if no one changed it since it was read (an editor's save keeps it).
    let gone = 0;
    for (const story of doomed) {
      const storyKeys = [
        keys.story(story.id),
        keys.storyArticles(story.id),
        keys.storyHistory(story.id),
        keys.storiesByTime,
        keys.articleStory,
        keys.retiredStory(story.id),
      ];
      gone += (await redis.eval(
        PRUNE_IF_UNCHANGED,
        storyKeys.length,
        ...storyKeys,
        story.id,
        story.version,
        ...story.articleIds,
      )) as number;
    }
    // Ids listed in the index without a stored story are stale index entries.
    const missing = ids.filter((id) => !stories.some((s) => s.id === id));
    if (missing.length) await redis.zrem(keys.storiesByTime, ...missing);
    removed += gone;
    offset += ids.length - doomed.length - missing.length; // kept ones stay in the range
    if (ids.length < BATCH) return removed;
  }
}

/** Articles published before the cutoff that no remaining candidate holds. */
async function pruneArticles(store: Store, before: number): Promise<number> {
  const { redis, keys } = store;
  let removed = 0;
  let offset = 0;
  for (;;) {
    const ids = await redis.zrangebyscore(keys.articlesByTime, '-inf', `(${before}`, 'LIMIT', offset, BATCH);
    if (!ids.length) return removed;
    const owners = await redis.hmget(keys.articleStory, ...ids);
    const kept = await existingStories(redis, keys, owners);
    const doomed = ids.filter((_, i) => !owners[i] || !kept.has(owners[i]!));
    if (doomed.length) {
      await redis
        .multi()
        .del(...doomed.map((id) => keys.article(id)))
        .zrem(keys.articlesByTime, ...doomed)
        .hdel(keys.articleStory, ...doomed)
        .exec();
    }
    removed += doomed.length;
    offset += ids.length - doomed.length;
    if (ids.length < BATCH) return removed;
  }
}

/** Clear the text of articles published before the cutoff, except in published stories. */
async function clearTexts(store: Store, before: number): Promise<number> {
  const { redis, keys } = store;
  let cleared = 0;
  for (let offset = 0; ; offset += BATCH) {
    const ids = await redis.zrangebyscore(keys.articlesByTime, '-inf', `(${before}`, 'LIMIT', offset, BATCH);
    if (!ids.length) return cleared;
    const owners = await redis.hmget(keys.articleStory, ...ids);
    const published = await publishedStories(store, owners);
    const candidates = ids.filter((_, i) => !owners[i] || !published.has(owners[i]!));
    const articles = (await store.articles.getMany(candidates)).filter((a) => a.text !== '');
    if (articles.length) {
      const multi = redis.multi();
      for (const article of articles) multi.set(keys.article(article.id), JSON.stringify({ ...article, text: '' } satisfies Article), 'XX');
      await multi.exec();
    }
    cleared += articles.length;
    if (ids.length < BATCH) return cleared;
  }
}

async function existingStories(redis: Redis, keys: Keys, ids: Array<string | null>): Promise<Set<string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (!unique.length) return new Set();
  const exists = await Promise.all(unique.map((id) => redis.exists(keys.story(id))));
  return new Set(unique.filter((_, i) => exists[i] === 1));
}

async function publishedStories(store: Store, ids: Array<string | null>): Promise<Set<string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  const stories: StoryCandidate[] = await store.stories.getMany(unique);
  return new Set(stories.filter((s) => s.status === 'published').map((s) => s.id));
}

/** Remember the last prune for `storydesk status`. */
export async function saveLastPrune(store: Store, report: PruneReport): Promise<void> {
  await store.redis.set(store.keys.lastPrune, JSON.stringify(report));
}

/** The last prune's report, or null before the first. */
export async function lastPrune(store: Store): Promise<PruneReport | null> {
  const raw = await store.redis.get(store.keys.lastPrune);
  return raw ? (JSON.parse(raw) as PruneReport) : null;
}
