import type { Queues } from '../src/adapters/queue/queues.js';
import type { Store } from '../src/adapters/store/store.js';
import { shortHash, type FeedConfig } from '../src/core/model/index.js';
import type { Logger } from '../src/adapters/log/logger.js';

/** Feeds reconciled at once. */
const BATCH = 100;

/**
 * One BullMQ job scheduler per feed, reconciled with the desired feeds: new ones added,
 * changed intervals updated, removed ones dropped. Upserts are idempotent, so several
 * daemons starting at once converge on the same schedulers. Each feed's first run is
 * offset by a hash of its id so that a thousand feeds do not all fire in the same second;
 * feeds never polled get one immediate poll (politeness still spaces their requests).
 */
export async function reconcileSchedulers(
  queues: Queues,
  store: Store,
  configFeeds: FeedConfig[],
  log: Logger,
  now: Date,
): Promise<{ added: number; removed: number }> {
  const stored = await store.feeds.list();
  const desired = new Map(configFeeds.map((feed) => [feed.id, feed]));
  // Feeds added at run time (`storydesk feeds add`) live only in the store.
  for (const state of stored) {
    if (state.origin === 'cli' && !desired.has(state.feedId)) {
      desired.set(state.feedId, {
        id: state.feedId,
        outletId: state.outletId,
        url: state.url,
        intervalSeconds: state.intervalSeconds ?? 900,
      });
    }
  }

  const existing = new Map((await queues.poll.getJobSchedulers(0, -1)).map((s) => [s.key, s]));
  const known = new Map(stored.map((state) => [state.feedId, state]));
  let added = 0;
  // Feeds are independent: reconcile them a batch at a time, so 10,000 feeds cost a few
  // hundred Redis round trips rather than 50,000 sequential ones.
  await inBatches([...desired.values()], BATCH, async (feed) => {
    const state = known.get(feed.id) ?? (await store.feeds.getOrInit(feed));
    // A feed never polled is polled now rather than at its first jittered tick; the job id
    // makes this once per feed even when several daemons start together.
    if (state.polls === 0) await queues.poll.add('poll', { feedId: feed.id }, { jobId: `first-${feed.id}` });
    const every = feed.intervalSeconds * 1000;
    const current = existing.get(feed.id);
    if (current && Number(current.every) === every) return;
    const jitter = parseInt(shortHash(feed.id, 8), 16) % Math.min(every, 60_000);
    // A never-polled feed got its immediate poll above: its first tick comes an interval later.
    const firstTick = now.getTime() + jitter + (state.polls === 0 ? every : 0);
    await queues.poll.upsertJobScheduler(feed.id, { every, startDate: new Date(firstTick) }, { name: 'poll', data: { feedId: feed.id } });
    added++;
  });
  const stale = [...existing.keys()].filter((key) => !desired.has(key));
  await inBatches(stale, BATCH, (key) => queues.poll.removeJobScheduler(key));
  await inBatches(
    stored.filter((state) => !desired.has(state.feedId)),
    BATCH,
    (state) => store.feeds.remove(state.feedId),
  );
  const removed = stale.length;
  log.info({ feeds: desired.size, added, removed }, 'feed schedulers reconciled');
  return { added, removed };
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}
