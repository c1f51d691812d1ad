/**
 * Story refresh as a story grows: one story of 300 articles from 30 outlets (the seeded
 * synthetic world), refreshed after each article joins, exactly as the story updater does it
 * (its window of the latest MAX_SUGGESTION_ARTICLES, the process's kept windows, then
 * refreshSuggestions). CPU per refresh, in this process; a first pass warms the JIT up.
 */
import { StoryWindows } from '../../src/adapters/store/story-windows.js';
import { emptyCandidate } from '../../src/adapters/store/story-updater.js';
import { MAX_SUGGESTION_ARTICLES, refreshSuggestions, suggestStory } from '../../src/core/story/index.js';
import { asExtractedArticle, demoOutlets, generateWorld } from '../../src/demo/index.js';

/** What the growth run measured. */
export interface StoryGrowthResult {
  articles: number;
  outlets: number;
  /** Mean CPU ms per refresh over the first and the last 10% of the joins. */
  firstTenthMs: number;
  lastTenthMs: number;
  ratio: number;
}

export async function storyRefreshGrowth(articleCount = 300, outletCount = 30): Promise<StoryGrowthResult> {
  const world = generateWorld({
    seed: 11,
    outlets: outletCount,
    stories: 1,
    articles: articleCount,
    baseTime: new Date('2026-11-20T12:00:00Z'),
  });
  const outlets = new Map(demoOutlets(world, 'http://127.0.0.1:9').map((o) => [o.id, o]));
  const articles = [...world.articles].sort((a, b) => a.published.localeCompare(b.published)).map(asExtractedArticle);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const grow = async (): Promise<number[]> => {
    const windows = new StoryWindows();
    let story = emptyCandidate('growing', '2026-11-20T12:00:00.000Z');
    const cpu: number[] = [];
    for (let n = 1; n <= articles.length; n++) {
      const ids = articles.slice(0, n).map((a) => a.id);
      const started = process.cpuUsage();
      const { articles: window, cache } = await windows.window(story.id, ids.slice(-MAX_SUGGESTION_ARTICLES), async (missing) =>
        missing.map((id) => byId.get(id)!),
      );
      story = refreshSuggestions({ ...story, articleIds: ids }, suggestStory(window, outlets, { cache }), '2026-11-20T12:00:00.000Z');
      const used = process.cpuUsage(started);
      cpu.push((used.user + used.system) / 1000);
    }
    return cpu;
  };
  await grow();
  const cpu = await grow();
  const tenth = Math.max(1, Math.round(articles.length / 10));
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const firstTenthMs = mean(cpu.slice(0, tenth));
  const lastTenthMs = mean(cpu.slice(-tenth));
  return { articles: articles.length, outlets: outletCount, firstTenthMs, lastTenthMs, ratio: lastTenthMs / firstTenthMs };
}
