import type { Job } from 'bullmq';
import type { ClusterJob } from '../src/adapters/queue/queues.js';
import type { WorkerContext } from './context.js';
import { jobLogger } from './job-log.js';

/**
 * Place one stored article in a story candidate, or apply an editor's decision. The cluster
 * queue has one consumer at a time across every process (global concurrency 1), so two
 * workers never split a story by racing; the clusterer's state lives in Redis.
 */
export const processCluster =
  (ctx: WorkerContext) =>
  async (job: Job<ClusterJob>): Promise<{ storyId: string | null }> => {
    const started = Date.now();
    if (job.data.decision) {
      await ctx.cluster.apply(job.data.decision);
      jobLogger(ctx.log, job).info(
        { outcome: 'decision_applied', decision: job.data.decision.kind, ms: Date.now() - started },
        'editor decision applied',
      );
      return { storyId: null };
    }
    const { articleId } = job.data;
    const placed = await ctx.cluster.place(articleId);
    const log = jobLogger(ctx.log, job, { articleId, outletId: placed?.article.outletId, url: placed?.article.url });
    if (!placed) {
      log.error({ outcome: 'failed', errorCode: 'missing_article' }, 'article to cluster is not in the store');
      return { storyId: null };
    }
    const { article } = placed;
    // An article an editor added by URL goes to their candidate (pinned there, like a move).
    if (job.data.add) await ctx.cluster.apply(job.data.add);
    const storyId = job.data.add?.storyId ?? placed.storyId;
    const members = await ctx.addToStory(storyId, [article.id]);
    // Suggestions are the slow part: the story queue refreshes them off the one clustering writer.
    await ctx.queues.story.add('refresh', { storyId, members });
    log.info(
      {
        outcome: job.data.add ? 'added_by_editor' : placed.isNewStory ? 'new_story' : 'joined',
        storyId,
        duplicateOf: placed.duplicateOf,
        syndicated: placed.syndicated,
        ms: Date.now() - started,
      },
      'article clustered',
    );
    return { storyId };
  };
