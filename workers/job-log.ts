import type { Job } from 'bullmq';
import type { Logger } from '../src/adapters/log/logger.js';
import { StorydeskError } from '../src/core/model/index.js';

/** A child logger with the stable keys operators grep for (see README "Logs"). */
export function jobLogger(log: Logger, job: Job, fields: Record<string, unknown> = {}): Logger {
  return log.child({ queue: job.queueName, jobId: job.id, ...fields });
}

/**
 * Errors from outside (a feed, a page, a host) are warnings with a code; anything else is
 * our own fault and logged as an error with its stack.
 */
export function logFailure(log: Logger, error: unknown, ms: number, message: string): void {
  if (error instanceof StorydeskError) log.warn({ outcome: 'failed', errorCode: error.code, ms, err: error.message }, message);
  else log.error({ outcome: 'failed', errorCode: 'internal', ms, err: error }, message);
}
