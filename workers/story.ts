import type { Job } from 'bullmq';
import type { StoryJob } from '../src/adapters/queue/queues.js';
import type { WorkerContext } from './context.js';
import { jobLogger } from './job-log.js';

/**
 * Refresh one candidate's suggestions (title, facts, slots, predictions) from its articles.
 * Any number of these run at once in any process: the store's version check keeps
 * concurrent refreshes and editors' saves from overwriting each other.
 */
export const processStory =
  (ctx: WorkerContext) =>
  async (job: Job<StoryJob>): Promise<{ outcome: string }> => {
    const started = Date.now();
    const outcome = await ctx.refreshStory(job.data.storyId, job.data.members);
    jobLogger(ctx.log, job, { storyId: job.data.storyId }).debug(
      { outcome, members: job.data.members, ms: Date.now() - started },
      'story suggestions refreshed',
    );
    return { outcome };
  };
