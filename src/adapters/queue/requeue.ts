import type { Queue } from 'bullmq';

const PAGE = 200;

/**
 * Move every failed job of a queue back to waiting with its attempts reset, so it gets the
 * full retry budget again. Returns how many were requeued. Bounded by the count at the start:
 * a job that fails again at once is not retried in a loop.
 */
export async function requeueFailed(queue: Queue): Promise<number> {
  let left = await queue.getFailedCount();
  let requeued = 0;
  while (left > 0) {
    const jobs = await queue.getFailed(0, Math.min(PAGE, left) - 1);
    if (!jobs.length) break;
    for (const job of jobs) {
      // A job may have been retried or removed since it was listed; skip it then.
      const done = await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }).then(
        () => true,
        () => false,
      );
      if (done) requeued++;
    }
    left -= jobs.length;
  }
  return requeued;
}
