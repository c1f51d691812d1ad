import type { Job } from 'bullmq';
import type { Logger } from '../src/adapters/log/logger.js';

/** A child logger with the stable keys operators grep for (see README "Logs"). */
export function jobLogger(log: Logger, job: Job, fields: Record<string, unknown> = {}): Logger {
  return log.child({ queue: job.queueName, jobId: job.id, ...fields });
}
