import type { Job, Worker } from 'bullmq';
import type { ProcessMetrics } from './registry.js';

/**
 * Count a worker's outcomes from its own `completed` and `failed` events: each process
 * counts the jobs it ran. The queue-specific counters read the job's return value
 * (workers/poll: PollResult, workers/extract: { outcome }, workers/cluster: { storyId }).
 */
export function instrumentWorker(worker: Worker, metrics: ProcessMetrics): void {
  const queue = worker.name;
  worker.on('completed', (job: Job, result: unknown) => {
    metrics.jobsCompleted.inc({ queue });
    const seconds = durationSeconds(job);
    if (seconds !== null) metrics.jobDuration.observe({ queue }, seconds);
    recordOutcome(metrics, queue, job, result, seconds);
  });
  worker.on('failed', (job: Job | undefined) => {
    metrics.jobsFailed.inc({ queue });
    // A poll that threw (our fault, not the feed's) is still a fetch that did not succeed.
    if (queue === 'poll' && job) metrics.feedFetches.inc({ outcome: 'internal' });
  });
}

/** The per-stage counters for one completed job. */
export function recordOutcome(
  metrics: ProcessMetrics,
  queue: string,
  job: Pick<Job, 'data'>,
  result: unknown,
  seconds: number | null,
): void {
  const value = (result ?? {}) as { outcome?: unknown; errorCode?: unknown };
  if (queue === 'poll') {
    const outcome =
      value.outcome === 'polled'
        ? 'ok'
        : value.outcome === 'not_modified'
          ? 'not_modified'
          : value.outcome === 'failed'
            ? String(value.errorCode ?? 'unknown')
            : null;
    if (outcome) metrics.feedFetches.inc({ outcome }); // not_due, paused: no fetch happened
  } else if (queue === 'extract' && typeof value.outcome === 'string') {
    metrics.articlesExtracted.inc({ outcome: value.outcome });
  } else if (queue === 'cluster' && seconds !== null && (job.data as { articleId?: string }).articleId) {
    metrics.clusteringDuration.observe(seconds);
  }
}

function durationSeconds(job: Job): number | null {
  if (!job.processedOn) return null;
  const end = job.finishedOn ?? Date.now();
  return Math.max(0, (end - job.processedOn) / 1000);
}
