import type { Redis } from 'ioredis';
import { isStale } from '../../core/poll/next-poll.js';
import { liveHeartbeats, type Heartbeat } from '../heartbeat.js';
import type { Keys } from '../keys.js';
import type { Queues } from '../queue/queues.js';
import { lastPrune, type PruneReport } from '../store/prune.js';
import type { Store } from '../store/store.js';
import { storedVersion } from '../store/version.js';
import { evictionWarning, redisMemory, type RedisMemory } from './redis-info.js';

/** Which role's processes consume which queue (the scheduler role also runs maintenance). */
export const QUEUE_ROLES: Record<string, string> = {
  poll: 'poll',
  extract: 'extract',
  cluster: 'cluster',
  story: 'story',
  maintenance: 'scheduler',
};

export interface QueueStatus {
  name: string;
  /** `waiting` counts every job ready to run, including those held in a paused queue (`paused` says how many of them). */
  counts: { waiting: number; active: number; delayed: number; failed: number; completed: number; paused: number };
  /** The queue is paused (`storydesk` or the dashboard): its waiting jobs do not run until it is resumed. */
  isPaused: boolean;
  /** The job that has waited longest, or null when none waits. */
  oldestWaiting: { jobId: string; since: string; ageSeconds: number } | null;
  /** Live processes consuming this queue, grouped by host. */
  workers: Array<{ host: string; processes: number; concurrency: number }>;
}

export interface FeedProblem {
  feedId: string;
  outletId: string;
  status: string;
  errorCode: string | null;
  consecutiveErrors: number;
  lastNewItemAt: string | null;
}

/** Everything `storydesk status` shows, as data (`--json` prints it as is). */
export interface InstanceStatus {
  at: string;
  prefix: string;
  dataVersion: number | null;
  redis: RedisMemory & { warning: string | null };
  queues: QueueStatus[];
  processes: Heartbeat[];
  feeds: { total: number; failing: FeedProblem[]; stale: FeedProblem[] };
  lastPrune: PruneReport | null;
}

/** Read the instance's state from Redis. `now` decides ages and staleness. */
export async function collectStatus(
  deps: { redis: Redis; keys: Keys; store: Store; queues: Queues; prefix: string },
  now: Date,
): Promise<InstanceStatus> {
  const { redis, keys, store, queues } = deps;
  const [memory, processes, feeds, prune, dataVersion] = await Promise.all([
    redisMemory(redis),
    liveHeartbeats(redis, keys),
    store.feeds.list(),
    lastPrune(store),
    storedVersion(redis, keys),
  ]);
  const queueStatus: QueueStatus[] = [];
  for (const queue of queues.all) {
    const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed', 'paused');
    const isPaused = await queue.isPaused();
    // A paused queue holds its jobs in its own list; they still wait, so they count and age.
    const [oldest] = await queue.getJobs([isPaused ? 'paused' : 'wait'], 0, 0, true);
    const role = QUEUE_ROLES[queue.name];
    const hosts = new Map<string, { host: string; processes: number; concurrency: number }>();
    for (const beat of processes.filter((p) => p.role === role)) {
      const entry = hosts.get(beat.host) ?? { host: beat.host, processes: 0, concurrency: 0 };
      entry.processes++;
      entry.concurrency += queue.name === 'maintenance' ? 1 : (beat.concurrency ?? 1);
      hosts.set(beat.host, entry);
    }
    queueStatus.push({
      name: queue.name,
      isPaused,
      counts: {
        waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.paused ?? 0),
        active: c.active ?? 0,
        delayed: c.delayed ?? 0,
        failed: c.failed ?? 0,
        completed: c.completed ?? 0,
        paused: c.paused ?? 0,
      },
      oldestWaiting: oldest?.timestamp
        ? {
            jobId: String(oldest.id),
            since: new Date(oldest.timestamp).toISOString(),
            ageSeconds: Math.max(0, Math.round((now.getTime() - oldest.timestamp) / 1000)),
          }
        : null,
      workers: [...hosts.values()].sort((a, b) => a.host.localeCompare(b.host)),
    });
  }
  const problem = (f: (typeof feeds)[number]): FeedProblem => ({
    feedId: f.feedId,
    outletId: f.outletId,
    status: f.status,
    errorCode: f.lastError?.code ?? null,
    consecutiveErrors: f.consecutiveErrors,
    lastNewItemAt: f.lastNewItemAt,
  });
  return {
    at: now.toISOString(),
    prefix: deps.prefix,
    dataVersion,
    redis: { ...memory, warning: evictionWarning(memory.policy) },
    queues: queueStatus,
    processes,
    feeds: {
      total: feeds.length,
      failing: feeds.filter((f) => f.status === 'error' || f.status === 'gone' || f.consecutiveErrors > 0).map(problem),
      stale: feeds
        .filter((f) => !f.paused && isStale({ now, lastNewItemAt: f.lastNewItemAt, itemDates: [], baseSeconds: f.intervalSeconds ?? 900 }))
        .map(problem),
    },
    lastPrune: prune,
  };
}
