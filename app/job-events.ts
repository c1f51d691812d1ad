import type { Job, Worker } from 'bullmq';
import type { Logger } from '../src/adapters/log/logger.js';
import { instrumentWorker } from '../src/adapters/metrics/instrument.js';
import type { ProcessMetrics } from '../src/adapters/metrics/registry.js';
import { errorCodeOf, StorydeskError } from '../src/core/model/index.js';

/** The ids a job carries, under the stable log keys (README "Logs"). */
function jobIds(job: Job | undefined): Record<string, unknown> {
  const data = (job?.data ?? {}) as Record<string, unknown>;
  const pick = (key: string) => (typeof data[key] === 'string' ? { [key]: data[key] } : {});
  return { ...pick('feedId'), ...pick('outletId'), ...pick('articleId'), ...pick('url') };
}

/**
 * Log and count what BullMQ reports about a worker's jobs (the library logs nothing itself):
 * a failed attempt is one line with outcome `retry` or `failed` and the error code — a warning
 * when the cause is outside (a StorydeskError), an error when it is our own fault.
 */
export function watchWorker(worker: Worker, log: Logger, metrics: ProcessMetrics): void {
  const queue = worker.name;
  instrumentWorker(worker, metrics);
  worker.on('error', (error) => log.error({ queue, err: error.message }, 'worker error'));
  worker.on('failed', (job: Job | undefined, error: Error) => {
    const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError';
    const line = {
      queue,
      jobId: job?.id,
      ...jobIds(job),
      outcome: final ? 'failed' : 'retry',
      errorCode: errorCodeOf(error),
      ms: job?.processedOn ? Date.now() - job.processedOn : undefined,
      attemptsMade: job?.attemptsMade,
      err: error.message,
    };
    if (error instanceof StorydeskError) log.warn(line, 'job failed');
    else log.error({ ...line, stack: error.stack }, 'job failed');
  });
  worker.on('stalled', (jobId) => log.warn({ queue, jobId, outcome: 'stalled' }, 'job stalled; it will be retried'));
}
