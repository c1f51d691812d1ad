import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPipeline, type DemoPipeline } from '../helpers/pipeline.js';

// /metrics of a running pipeline (every role in this process, web included): the counters
// follow the jobs the workers run.
let demo: DemoPipeline;

beforeAll(async () => {
  demo = await startDemoPipeline({ roles: ['scheduler', 'poll', 'extract', 'cluster', 'story', 'web'], env: { PORT: '0' } });
  await demo.untilIdle();
}, 90_000);
afterAll(() => demo?.stop());

async function scrape(): Promise<string> {
  const response = await fetch(`${demo.runtime.webUrl}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The sum of a metric's samples whose labels contain `labels` (e.g. 'queue="poll"'). */
function sample(text: string, name: string, labels = ''): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => line.includes(labels))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

describe('metrics of the demo pipeline', () => {
  it('counts what the workers did', async () => {
    const text = await scrape();
    const articles = await demo.runtime.store.articles.count();
    const feeds = (await demo.runtime.store.feeds.list()).length;
    expect(sample(text, 'storydesk_jobs_completed_total', 'queue="extract"')).toBe(articles);
    expect(sample(text, 'storydesk_jobs_completed_total', 'queue="cluster"')).toBe(articles);
    expect(sample(text, 'storydesk_articles_extracted_total')).toBe(articles);
    expect(sample(text, 'storydesk_job_duration_seconds_count', 'queue="extract"')).toBe(articles);
    expect(sample(text, 'storydesk_clustering_duration_seconds_count')).toBe(articles);
    expect(sample(text, 'storydesk_feed_fetches_total')).toBeGreaterThanOrEqual(feeds);
    expect(sample(text, 'storydesk_candidates_open')).toBe(await demo.runtime.store.stories.count());
    expect(sample(text, 'storydesk_queue_jobs', 'state="waiting"')).toBe(0);
    expect(sample(text, 'storydesk_workers_live', 'role="extract"')).toBe(1);
    expect(sample(text, 'storydesk_jobs_completed_total', 'queue="maintenance"')).toBe(1);
  });

  it('moves when more jobs run', async () => {
    const before = await scrape();
    const [feed] = await demo.runtime.store.feeds.list();
    await demo.runtime.store.feeds.update(feed!.feedId, { nextPollAt: null });
    await demo.runtime.queues.poll.add('poll', { feedId: feed!.feedId });
    await demo.untilIdle();
    const after = await scrape();
    expect(sample(after, 'storydesk_jobs_completed_total', 'queue="poll"')).toBe(
      sample(before, 'storydesk_jobs_completed_total', 'queue="poll"') + 1,
    );
    expect(sample(after, 'storydesk_feed_fetches_total')).toBe(sample(before, 'storydesk_feed_fetches_total') + 1);
    expect(sample(after, 'storydesk_job_duration_seconds_count', 'queue="poll"')).toBe(
      sample(before, 'storydesk_job_duration_seconds_count', 'queue="poll"') + 1,
    );
  });
});
