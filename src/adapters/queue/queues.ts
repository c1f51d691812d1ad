import { Queue, type ConnectionOptions, type DefaultJobOptions } from 'bullmq';
import type { Decision, FeedItem } from '../../core/model/index.js';
import type { Keys } from '../keys.js';

/** The only module that knows queue names, payloads and job options. */
export const QUEUE_NAMES = ['poll', 'extract', 'cluster', 'story', 'maintenance'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface PollJob {
  feedId: string;
}
export interface ExtractJob {
  articleId: string;
  feedId: string;
  outletId: string;
  url: string;
  canonicalUrl: string;
  item: FeedItem;
  firstSeenAt: string;
  /** An editor added this page to a candidate by its URL: it lands there, whatever the clusterer thinks. */
  add?: AddDecision;
}
/** An editor's "add this URL to this candidate". */
export type AddDecision = Extract<Decision, { kind: 'add' }>;
/** Place an article, or apply an editor's decision: both go through the one clustering writer. */
export type ClusterJob =
  | { articleId: string; decision?: undefined; add?: AddDecision }
  | { decision: Decision; articleId?: undefined; add?: undefined };
/** Refresh a candidate's suggestions; `members` is its size when the job was queued. */
export interface StoryJob {
  storyId: string;
  members: number;
}
export interface MaintenanceJob {
  task: 'prune';
}

export interface Queues {
  poll: Queue<PollJob>;
  extract: Queue<ExtractJob>;
  cluster: Queue<ClusterJob>;
  story: Queue<StoryJob>;
  maintenance: Queue<MaintenanceJob>;
  all: Queue[];
  close(): Promise<void>;
}

/**
 * Completed jobs are dropped after a bounded count and age (they are in the store anyway);
 * failed ones stay longer so operators can read and requeue them.
 */
export const jobOptions: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { count: 1_000, age: 3600 },
  removeOnFail: { count: 10_000, age: 14 * 24 * 3600 },
};

export function createQueues(connection: ConnectionOptions, keys: Keys): Queues {
  const make = <T>(name: QueueName) => new Queue<T>(name, { connection, prefix: keys.bullPrefix, defaultJobOptions: jobOptions });
  const poll = make<PollJob>('poll');
  const extract = make<ExtractJob>('extract');
  const cluster = make<ClusterJob>('cluster');
  const story = make<StoryJob>('story');
  const maintenance = make<MaintenanceJob>('maintenance');
  const all = [poll, extract, cluster, story, maintenance] as Queue[];
  return { poll, extract, cluster, story, maintenance, all, close: async () => void (await Promise.all(all.map((q) => q.close()))) };
}

/** Job id of an extraction: one per canonical URL (plus a revision when the item changed). */
export function extractJobId(articleId: string, revision?: string): string {
  return revision ? `${articleId}-${revision}` : articleId;
}
