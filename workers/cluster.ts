import type { Job } from 'bullmq';
import type { ClusterJob } from '../src/adapters/queue/queues.js';
import type { WorkerContext } from './context.js';
import { jobLogger } from './job-log.js';

/**
 * Place one stored article in a story candidate. The cluster queue has one consumer at a
 * time across every process (global concurrency 1), so two workers never split a story by
 * racing; the clusterer's state lives in Redis and survives restarts.
 */
export const processCluster = (ctx: WorkerContext) => async (job: Job<ClusterJob>): Promise<{ storyId: string }> => {
  const started = Date.now();
  const { articleId } = job.data;
  const article = await ctx.store.articles.get(articleId);
  const log = jobLogger(ctx.log, job, { articleId, outletId: article?.outletId, url: article?.url });
  if (!article) {
    log.warn({ outcome: 'missing_article', errorCode: 'missing_article' }, 'article to cluster is not in the store');
    return { storyId: '' };
  }
  const placed = await ctx.cluster.place(article);
  await ctx.refreshStory(placed.storyId);
  log.info({ outcome: placed.isNewStory ? 'new_story' : 'joined', storyId: placed.storyId, duplicateOf: placed.duplicateOf, syndicated: placed.syndicated, ms: Date.now() - started }, 'article clustered');
  return { storyId: placed.storyId };
};
