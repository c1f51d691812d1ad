import type { Job } from 'bullmq';
import type { MaintenanceJob } from '../src/adapters/queue/queues.js';
import { pruneStore, saveLastPrune, type PruneReport } from '../src/adapters/store/prune.js';
import type { WorkerContext } from './context.js';
import { jobLogger } from './job-log.js';

/**
 * The maintenance queue's processor: enforce retention (RETAIN_* settings) and keep the
 * report for `storydesk status`. Runs on a job scheduler, one job at a time.
 */
export const processMaintenance =
  (ctx: Pick<WorkerContext, 'settings' | 'store' | 'log' | 'now'>) =>
  async (job: Job<MaintenanceJob>): Promise<PruneReport> => {
    const { settings } = ctx;
    const report = await pruneStore(
      ctx.store,
      {
        articleTextDays: settings.RETAIN_ARTICLE_TEXT_DAYS,
        articlesDays: settings.RETAIN_ARTICLES_DAYS,
        candidatesDays: settings.RETAIN_CANDIDATES_DAYS,
        clusterWindowHours: settings.CLUSTER_WINDOW_HOURS,
      },
      ctx.now(),
    );
    await saveLastPrune(ctx.store, report);
    jobLogger(ctx.log, job).info(
      {
        outcome: 'pruned',
        ms: report.ms,
        candidatesRemoved: report.candidatesRemoved,
        articlesRemoved: report.articlesRemoved,
        textsCleared: report.textsCleared,
      },
      'retention prune done',
    );
    return report;
  };

/** How often the prune runs. */
export const PRUNE_EVERY_MS = 6 * 3_600_000;

/** Create or update the prune's job scheduler (idempotent: several schedulers starting at once converge). */
export async function schedulePrune(ctx: Pick<WorkerContext, 'queues'>): Promise<void> {
  await ctx.queues.maintenance.upsertJobScheduler('prune', { every: PRUNE_EVERY_MS }, { name: 'prune', data: { task: 'prune' } });
}
