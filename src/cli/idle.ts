import type { Queues } from '../adapters/queue/queues.js';
import type { Store } from '../adapters/store/store.js';

/** Where the pipeline stands, for `demo --until-idle` and its timeout message. */
export interface Progress {
  feeds: number;
  feedsPolled: number;
  pending: Record<string, { waiting: number; active: number; delayed: number }>;
  idle: boolean;
}

/**
 * Idle means: every feed polled at least once, and no waiting or active job anywhere and no
 * delayed job other than the schedulers' next runs (retries waiting out a back-off count as
 * pending work).
 */
export async function progress(store: Store, queues: Queues): Promise<Progress> {
  const feeds = await store.feeds.list();
  const feedsPolled = feeds.filter((f) => f.polls > 0).length;
  const pending: Progress['pending'] = {};
  let busy = false;
  for (const queue of [queues.poll, queues.extract, queues.cluster, queues.story]) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    const schedulerRuns = queue === queues.poll ? await queue.getJobSchedulersCount() : 0;
    const delayed = Math.max(0, (counts.delayed ?? 0) - schedulerRuns);
    const waiting = (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts['waiting-children'] ?? 0);
    const active = counts.active ?? 0;
    pending[queue.name] = { waiting, active, delayed };
    if (waiting || active || delayed) busy = true;
  }
  return { feeds: feeds.length, feedsPolled, pending, idle: !busy && feedsPolled === feeds.length };
}

/** Resolve once idle has held for `quietMs`; reject with the last progress after `timeoutMs`. */
export async function waitUntilIdle(
  store: Store,
  queues: Queues,
  options: { quietMs: number; timeoutMs: number; pollMs?: number },
): Promise<Progress> {
  const deadline = Date.now() + options.timeoutMs;
  let idleSince: number | null = null;
  for (;;) {
    const now = Date.now();
    const state = await progress(store, queues);
    idleSince = state.idle ? (idleSince ?? now) : null;
    if (idleSince !== null && now - idleSince >= options.quietMs) return state;
    if (now > deadline) throw Object.assign(new Error('timed out before the pipeline went idle'), { progress: state });
    await new Promise((r) => setTimeout(r, options.pollMs ?? 200));
  }
}
