import type { Job, Processor } from 'bullmq';
import type { Logger } from '../src/adapters/log/logger.js';

/** The jobs a process is running right now, with the lock tokens that let it hand them back. */
export interface InFlight {
  /** Wrap a processor so that its running jobs are known. */
  track<T>(processor: Processor<T>): Processor<T>;
  /**
   * Move every running job back to "waiting" (its attempt not counted), so another process
   * takes it at once instead of after its lock expires and a stalled check finds it.
   */
  returnAll(log: Logger): Promise<number>;
}

/** One registry per process (see runtime.stop: after the shutdown grace, jobs go back). */
export function createInFlight(): InFlight {
  const running = new Map<Job, string>();
  return {
    track:
      <T>(processor: Processor<T>): Processor<T> =>
      async (job, token, signal) => {
        running.set(job, token ?? '0');
        try {
          return await processor(job, token, signal);
        } finally {
          running.delete(job);
        }
      },
    async returnAll(log) {
      const jobs = [...running];
      running.clear();
      const results = await Promise.all(
        jobs.map(async ([job, token]) => {
          try {
            await job.moveToWait(token);
            log.info({ queue: job.queueName, jobId: job.id, outcome: 'returned' }, 'job returned to the queue');
            return 1;
          } catch (error) {
            // Already finished or lock lost: the stalled check or the job's own end covers it.
            log.warn({ queue: job.queueName, jobId: job.id, err: (error as Error).message }, 'could not return job to the queue');
            return 0;
          }
        }),
      );
      return results.reduce<number>((a, b) => a + b, 0);
    },
  };
}
