import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Buckets for job and clustering durations: 5 ms to 2 minutes. */
const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/**
 * What one process counts about its own work. Every storydesk process has one; the web
 * role's /metrics shows them all, each series labelled with its `process` (host:pid).
 */
export interface ProcessMetrics {
  registry: Registry;
  jobsCompleted: Counter<'queue'>;
  jobsFailed: Counter<'queue'>;
  jobDuration: Histogram<'queue'>;
  feedFetches: Counter<'outcome'>;
  articlesExtracted: Counter<'outcome'>;
  clusteringDuration: Histogram<string>;
}

/** A fresh registry with storydesk's counters and histograms and Node's default process metrics. */
export function createProcessMetrics(options: { defaultMetrics?: boolean } = {}): ProcessMetrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    jobsCompleted: new Counter({
      name: 'storydesk_jobs_completed_total',
      help: 'Jobs completed, per queue.',
      labelNames: ['queue'],
      registers,
    }),
    jobsFailed: new Counter({
      name: 'storydesk_jobs_failed_total',
      help: 'Job attempts that failed (retried or not), per queue.',
      labelNames: ['queue'],
      registers,
    }),
    jobDuration: new Histogram({
      name: 'storydesk_job_duration_seconds',
      help: 'Time from a job starting to it completing, per queue.',
      labelNames: ['queue'],
      buckets: SECONDS_BUCKETS,
      registers,
    }),
    feedFetches: new Counter({
      name: 'storydesk_feed_fetches_total',
      help: 'Feed fetches by outcome: ok, not_modified, or the error code (see docs/errors.md).',
      labelNames: ['outcome'],
      registers,
    }),
    articlesExtracted: new Counter({
      name: 'storydesk_articles_extracted_total',
      help: 'Articles stored by extraction outcome (article, paywall, too_short, fetch_failed, …).',
      labelNames: ['outcome'],
      registers,
    }),
    clusteringDuration: new Histogram({
      name: 'storydesk_clustering_duration_seconds',
      help: 'Time to place one article in a story candidate.',
      buckets: SECONDS_BUCKETS,
      registers,
    }),
  };
}
