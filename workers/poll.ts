import type { Job } from 'bullmq';
import type { PollJob } from '../src/adapters/queue/queues.js';
import { extractJobId } from '../src/adapters/queue/queues.js';
import { articleIdFor, errorCodeOf, shortHash, StorydeskError, type FeedItem, type FeedState } from '../src/core/model/index.js';
import type { WorkerContext } from './context.js';
import { jobLogger } from './job-log.js';

/** What one poll did, for the log line and the tests. */
export interface PollResult {
  outcome: 'polled' | 'not_modified' | 'not_due' | 'paused' | 'unknown_feed' | 'failed';
  newItems?: number;
  updatedItems?: number;
  errorCode?: string;
}

/**
 * Poll one feed: fetch (conditional, polite, guarded), parse, and enqueue each new or
 * changed item for extraction. A failing feed is recorded on its state and logged as a
 * warning; the job itself succeeds so the schedule, not BullMQ retries, decides the next try.
 */
export const processPoll =
  (ctx: WorkerContext) =>
  async (job: Job<PollJob>): Promise<PollResult> => {
    const started = Date.now();
    const state = await ctx.store.feeds.get(job.data.feedId);
    const log = jobLogger(ctx.log, job, { feedId: job.data.feedId, outletId: state?.outletId, url: state?.url });
    const result = await pollFeed(ctx, job.data.feedId, state);
    const ms = Date.now() - started;
    if (result.outcome === 'failed') log.warn({ ...result, ms }, 'feed poll failed');
    else if (result.outcome === 'polled' || result.outcome === 'not_modified') log.info({ ...result, ms }, 'feed polled');
    else log.debug({ ...result, ms }, 'feed poll skipped');
    return result;
  };

export async function pollFeed(ctx: WorkerContext, feedId: string, state: FeedState | null): Promise<PollResult> {
  if (!state) return { outcome: 'unknown_feed' };
  if (state.paused) return { outcome: 'paused' };
  const now = ctx.now();
  if (state.nextPollAt && Date.parse(state.nextPollAt) > now.getTime()) return { outcome: 'not_due' };
  const outlet = ctx.outlets.get(state.outletId);
  if (!outlet) return fail(ctx, state, new StorydeskError('unknown_outlet', `outlet ${state.outletId} is not in the config`), now);

  try {
    const fetched = await ctx.fetchFeed(state.url, outlet, { etag: state.etag, lastModified: state.lastModified });
    const url = fetched.permanentRedirect ?? state.url;
    if (fetched.permanentRedirect) ctx.log.info({ feedId, from: state.url, to: url }, 'feed moved permanently; stored URL updated');
    const base = { ...state, url, polls: state.polls + 1, lastFetchAt: now.toISOString(), consecutiveErrors: 0, lastError: null };
    if (fetched.notModified) {
      const nextPollAt = ctx.nextPollAt(state, {
        ok: true,
        newItems: 0,
        itemDates: [],
        ttlMinutes: null,
        cacheMaxAgeSeconds: fetched.cacheMaxAgeSeconds,
        retryAfterMs: null,
      });
      await ctx.store.feeds.put({ ...base, status: 'not_modified', nextPollAt: nextPollAt.toISOString() });
      return { outcome: 'not_modified' };
    }
    const parsed = await ctx.parseFeed(fetched.body, { url: fetched.finalUrl, contentType: fetched.contentType, now });
    const items = parsed.items.slice(0, ctx.settings.POLL_MAX_ITEMS);
    const { added, updated } = await enqueueItems(ctx, state, items, now);
    const nextPollAt = ctx.nextPollAt(state, {
      ok: true,
      newItems: added,
      itemDates: items.flatMap((i) => (i.published ? [i.published] : [])),
      ttlMinutes: parsed.feed.ttlMinutes,
      cacheMaxAgeSeconds: fetched.cacheMaxAgeSeconds,
      retryAfterMs: null,
    });
    await ctx.store.feeds.put({
      ...base,
      status: 'ok',
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      nextPollAt: nextPollAt.toISOString(),
      itemsSeen: state.itemsSeen + added,
      lastNewItemAt: added > 0 ? now.toISOString() : state.lastNewItemAt,
    });
    return { outcome: 'polled', newItems: added, updatedItems: updated };
  } catch (error) {
    if (!(error instanceof StorydeskError)) throw error;
    return fail(ctx, state, error, now);
  }
}

async function enqueueItems(
  ctx: WorkerContext,
  state: FeedState,
  items: FeedItem[],
  now: Date,
): Promise<{ added: number; updated: number }> {
  let added = 0;
  let updated = 0;
  for (const item of items) {
    const fingerprint = shortHash([item.title, item.summary, item.published ?? '', item.canonicalUrl].join('\u0000'), 12);
    const seen = await ctx.store.feeds.markSeen(state.feedId, item.guid, fingerprint);
    if (seen === 'same') continue;
    const articleId = articleIdFor(item.canonicalUrl);
    // Across feeds and outlets the canonical URL is the identity: a second feed carrying the
    // same article adds nothing (the job id dedupes in flight, the store afterwards).
    if (seen === 'new' && (await ctx.store.articles.exists(articleId))) continue;
    await ctx.queues.extract.add(
      'extract',
      {
        articleId,
        feedId: state.feedId,
        outletId: state.outletId,
        url: item.link,
        canonicalUrl: item.canonicalUrl,
        item,
        firstSeenAt: now.toISOString(),
      },
      { jobId: extractJobId(articleId, seen === 'changed' ? fingerprint : undefined) },
    );
    if (seen === 'new') added++;
    else updated++;
  }
  return { added, updated };
}

async function fail(ctx: WorkerContext, state: FeedState, error: StorydeskError, now: Date): Promise<PollResult> {
  const code = errorCodeOf(error);
  const nextPollAt = ctx.nextPollAt(state, {
    ok: false,
    newItems: 0,
    itemDates: [],
    ttlMinutes: null,
    cacheMaxAgeSeconds: null,
    retryAfterMs: error.retryAfterMs ?? null,
  });
  await ctx.store.feeds.put({
    ...state,
    status: code === 'gone' ? 'gone' : 'error',
    polls: state.polls + 1,
    lastFetchAt: now.toISOString(),
    consecutiveErrors: state.consecutiveErrors + 1,
    lastError: { code, message: error.message, at: now.toISOString() },
    nextPollAt: nextPollAt.toISOString(),
  });
  return { outcome: 'failed', errorCode: code };
}
