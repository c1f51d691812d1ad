/**
 * The demo world's articles as the pipeline stores them: every feed and page fetched over a
 * loopback outlets server, parsed and extracted with the pipeline's own code, grouped by the
 * demo's expected story keys (a perfect clusterer), so suggestions are judged on their own.
 */
import { loadSettings } from '../../src/adapters/config/load.js';
import { guardedFetch, type FetchOptions } from '../../src/adapters/http/fetch.js';
import { fetchOptionsFrom } from '../../src/cli/inputs.js';
import { extractArticle } from '../../src/core/extract/index.js';
import { articleIdFor, composeArticle, type Article, type Outlet } from '../../src/core/model/index.js';
import { parseFeed } from '../../src/core/poll/parse.js';
import { buildDemoWorld, demoOutlets, expectedGroups, startOutletsServer } from '../../src/demo/index.js';

export interface DemoStories {
  outlets: Outlet[];
  /** Story key → its articles, in the order they were fetched. */
  stories: Map<string, Article[]>;
}

/** Fetch, parse and extract the demo world (fixed base time, so the run is reproducible). */
export async function demoStories(): Promise<DemoStories> {
  const world = buildDemoWorld({ baseTime: new Date('2026-11-20T12:00:00Z') });
  const server = await startOutletsServer(world);
  try {
    const outlets = demoOutlets(world, server.baseUrl);
    const expected = expectedGroups(world, server.baseUrl);
    const settings = loadSettings({});
    const options = (accept: string): FetchOptions => ({ ...fetchOptionsFrom(settings, accept), allowPrivateNetwork: true });
    const stories = new Map<string, Article[]>();
    const seen = new Set<string>();
    for (const outlet of outlets) {
      for (const feed of outlet.feeds) {
        const now = new Date('2026-11-20T12:00:00Z');
        const fetched = await guardedFetch(feed.url, options('application/rss+xml, application/atom+xml, */*;q=0.5'));
        const parsed = await parseFeed(fetched.body, {
          url: fetched.finalUrl,
          contentType: fetched.contentType,
          now,
          maxItems: settings.POLL_MAX_ITEMS,
        });
        for (const item of parsed.items) {
          const id = articleIdFor(item.canonicalUrl);
          if (seen.has(id)) continue;
          seen.add(id);
          const page = await guardedFetch(item.link, options('text/html, */*;q=0.5'));
          const extracted = extractArticle(page.body, {
            url: page.finalUrl,
            contentType: page.contentType,
            hints: outlet.hints,
            feedSummary: item.summary,
          });
          const article = composeArticle({
            id,
            outletId: outlet.id,
            feedId: feed.id,
            item,
            outletLanguage: outlet.language,
            maxChars: settings.MAX_ARTICLE_CHARS,
            firstSeenAt: now.toISOString(),
            page: extracted,
            fetchedAt: now.toISOString(),
          });
          const key = expected.get(article.canonicalUrl) ?? `solo-${id}`;
          stories.set(key, [...(stories.get(key) ?? []), article]);
        }
      }
    }
    return { outlets, stories };
  } finally {
    await server.close();
  }
}
