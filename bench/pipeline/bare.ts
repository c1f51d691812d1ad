/**
 * The bare work of the pipeline in one process, without queues or Redis: fetch every feed
 * and page over the same loopback server, decode, parse, extract, cluster, and refresh the
 * stories' suggestions the way the pipeline's story queue does: each clustered article queues
 * a refresh of its story, a queued refresh whose story has grown since is skipped (the newer
 * one covers it), and each story keeps its sentence data between refreshes (as the story
 * updater does). Arrivals come in rounds (one item of each feed, as concurrent polls deliver
 * them); the story queue is worked off after each article, as the pipeline's story worker,
 * which keeps pace, does (both runs report their refreshes done and superseded).
 * Run as a child process by bench/pipeline.ts: argv[2] is a JSON file with the outlets (argv[3]
 * optionally caps the articles); prints one JSON line of BareResult.
 */
import { readFileSync } from 'node:fs';
import { loadSettings } from '../../src/adapters/config/load.js';
import { guardedFetch, type FetchOptions } from '../../src/adapters/http/fetch.js';
import { fetchOptionsFrom } from '../../src/cli/inputs.js';
import { emptyCandidate } from '../../src/adapters/store/story-updater.js';
import { clusterArticleOf, createClusterer } from '../../src/core/cluster/index.js';
import { extractArticle } from '../../src/core/extract/index.js';
import {
  articleIdFor,
  composeArticle,
  errorCodeOf,
  StorydeskError,
  type Article,
  type FeedItem,
  type Outlet,
  type StoryCandidate,
} from '../../src/core/model/index.js';
import { parseFeed } from '../../src/core/poll/parse.js';
import { MAX_SUGGESTION_ARTICLES, refreshSuggestions, SentenceCache, suggestStory } from '../../src/core/story/index.js';
import { procUsage } from './procs.js';

/** What the bare run reports. */
export interface BareResult {
  articles: number;
  /** Pages that failed for good (stored with the feed's summary, as the pipeline does). */
  failedPages: number;
  stories: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  /** Wall seconds per step, summed over all articles (feeds under fetch and parse). */
  steps: { fetch: number; parse: number; extract: number; cluster: number; suggest: number };
  /** Story refreshes queued, and how they ended (as the story queue's job outcomes). */
  storyJobs: { refreshed: number; superseded: number };
}

async function main(): Promise<void> {
  const outlets = (JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { outlets: Outlet[] }).outlets;
  const settings = loadSettings({});
  const outletMap = new Map(outlets.map((o) => [o.id, o]));
  const options = (accept: string): FetchOptions => ({ ...fetchOptionsFrom(settings, accept), allowPrivateNetwork: true });
  const clusterer = createClusterer({});
  const stories = new Map<string, StoryCandidate>();
  const members = new Map<string, Article[]>();
  const steps = { fetch: 0, parse: 0, extract: 0, cluster: 0, suggest: 0 };
  const seen = new Set<string>();
  let failed = 0;
  const timed = <T>(step: keyof typeof steps, fn: () => T): T => {
    const t = performance.now();
    const value = fn();
    steps[step] += (performance.now() - t) / 1000;
    return value;
  };
  const timedAsync = async <T>(step: keyof typeof steps, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const value = await fn();
    steps[step] += (performance.now() - t) / 1000;
    return value;
  };

  // Optional cap on articles (argv[3]), for profiling a part of the world.
  const limit = process.argv[3] ? Number(process.argv[3]) : Infinity;
  const cpuAtStart = procUsage(process.pid).cpuSeconds;
  const started = performance.now();
  // Every feed first, then their items interleaved (first item of each feed, then the second…):
  // the pipeline polls all feeds at once, so its articles reach clustering interleaved too, and
  // the clusterer's (and so the suggestions') work depends on arrival order.
  const lists: Array<Array<{ outlet: Outlet; feedId: string; item: FeedItem; now: Date }>> = [];
  for (const outlet of outlets) {
    for (const feed of outlet.feeds) {
      const now = new Date();
      const fetchedFeed = await timedAsync('fetch', () =>
        guardedFetch(feed.url, options('application/rss+xml, application/atom+xml, */*;q=0.5')),
      );
      const parsed = await timedAsync('parse', () =>
        parseFeed(fetchedFeed.body, {
          url: fetchedFeed.finalUrl,
          contentType: fetchedFeed.contentType,
          now,
          maxItems: settings.POLL_MAX_ITEMS,
        }),
      );
      lists.push(parsed.items.map((item) => ({ outlet, feedId: feed.id, item, now })));
    }
  }
  const rounds = Array.from({ length: Math.max(0, ...lists.map((l) => l.length)) }, (_, i) => lists.flatMap((l) => (l[i] ? [l[i]] : [])));
  // The story queue: one job per clustered article, { storyId, members when queued }.
  const storyQueue: Array<{ storyId: string; members: number }> = [];
  const storyJobs = { refreshed: 0, superseded: 0 };
  // As the story updater: each story's sentence data is kept between its refreshes.
  const caches = new Map<string, SentenceCache>();
  const refreshStory = (storyId: string) => {
    const at = new Date().toISOString();
    const list = members.get(storyId)!;
    const current = stories.get(storyId) ?? emptyCandidate(storyId, at);
    const window = list.slice(-MAX_SUGGESTION_ARTICLES);
    const cache = caches.get(storyId) ?? new SentenceCache();
    caches.set(storyId, cache);
    cache.retain(window.map((a) => a.id));
    const suggestion = suggestStory(window, outletMap, { cache });
    stories.set(storyId, { ...refreshSuggestions({ ...current, articleIds: list.map((a) => a.id) }, suggestion, at), updatedAt: at });
  };
  for (const round of rounds) {
    for (const { outlet, feedId, item, now } of round) {
      const id = articleIdFor(item.canonicalUrl);
      if (seen.has(id) || seen.size >= limit) continue;
      seen.add(id);
      const common = {
        id,
        outletId: outlet.id,
        feedId,
        item,
        outletLanguage: outlet.language,
        maxChars: settings.MAX_ARTICLE_CHARS,
        firstSeenAt: now.toISOString(),
      };
      const page = await timedAsync('fetch', () =>
        guardedFetch(item.link, options('text/html, */*;q=0.5')).catch((error: unknown) => {
          // As the extract worker: a page that fails for good becomes an article with the feed's summary.
          if (!(error instanceof StorydeskError) || !error.permanent) throw error;
          return errorCodeOf(error);
        }),
      );
      if (typeof page === 'string') failed++;
      const article = timed('extract', () => {
        if (typeof page === 'string')
          return composeArticle({ ...common, page: null, outcome: 'fetch_failed', errorCode: page, fetchedAt: new Date().toISOString() });
        const extracted = extractArticle(page.body, {
          url: page.finalUrl,
          contentType: page.contentType,
          hints: outlet.hints,
          feedSummary: item.summary,
        });
        return composeArticle({ ...common, page: extracted, fetchedAt: new Date().toISOString() });
      });
      timed('cluster', () => {
        const assignment = clusterer.add(clusterArticleOf(article));
        clusterer.takeChanges();
        // Membership, as the cluster job records it; the refresh is queued.
        const list = members.get(assignment.storyId) ?? [];
        list.push(article);
        members.set(assignment.storyId, list);
        storyQueue.push({ storyId: assignment.storyId, members: list.length });
      });
      // The story worker takes a job as soon as it is queued (in the pipeline it kept pace: its
      // queue held no backlog, so no job was superseded); the rule is the same.
      timed('suggest', () => {
        for (const job of storyQueue.splice(0)) {
          if (members.get(job.storyId)!.length > job.members) {
            storyJobs.superseded++;
            continue;
          }
          refreshStory(job.storyId);
          storyJobs.refreshed++;
        }
      });
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const usage = procUsage(process.pid);
  const result: BareResult = {
    articles: seen.size,
    failedPages: failed,
    stories: stories.size,
    seconds,
    cpuSeconds: usage.cpuSeconds - cpuAtStart,
    peakRssMb: usage.peakRssMb,
    steps,
    storyJobs,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bare run failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
