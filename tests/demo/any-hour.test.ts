import { describe, expect, it } from 'vitest';
import { clusterArticleOf, createClusterer } from '../../src/core/cluster/index.js';
import { extractArticle } from '../../src/core/extract/index.js';
import { articleIdFor, composeArticle, type Article } from '../../src/core/model/index.js';
import { parseFeed } from '../../src/core/poll/index.js';
import { buildDemoWorld } from '../../src/demo/articles.js';
import { demoOutlets } from '../../src/demo/outlets.js';
import { renderFeed, renderPage } from '../../src/demo/render.js';
import { buildSiteMap } from '../../src/demo/site.js';

const BASE_URL = 'http://127.0.0.1:8080';

/**
 * The demo world as the pipeline stores it when run at `now`: every feed parsed, every page
 * extracted and composed with its feed item, as the poll and extract workers do (no Redis, no
 * HTTP: the same core functions on the bytes the demo server would send).
 */
async function storedArticles(now: Date): Promise<{ articles: Article[]; storyOf: Map<string, string>; publishedOf: Map<string, string> }> {
  const world = buildDemoWorld({ baseTime: now });
  const site = buildSiteMap(world);
  const outlets = new Map(demoOutlets(world, BASE_URL).map((o) => [o.id, o]));
  const pages = new Map(site.articles.map((entry) => [BASE_URL + entry.path, entry]));
  const storyOf = new Map<string, string>();
  const publishedOf = new Map<string, string>();
  const articles = new Map<string, Article>();
  for (const siteFeed of site.feeds) {
    const outlet = outlets.get(siteFeed.outlet.id)!;
    const feed = renderFeed(siteFeed, BASE_URL);
    const url = BASE_URL + siteFeed.path;
    const parsed = await parseFeed(feed.body, { url, contentType: feed.contentType, now });
    for (const item of parsed.items) {
      const entry = pages.get(item.canonicalUrl);
      if (!entry) continue; // the hostile outlet's bogus items: no page
      const id = articleIdFor(item.canonicalUrl);
      if (articles.has(id)) continue; // one article in two of its outlet's feeds
      const page = renderPage(site, entry, BASE_URL);
      const extracted = extractArticle(page.body, {
        url: item.link,
        contentType: page.contentType,
        hints: outlet.hints,
        feedSummary: item.summary,
      });
      articles.set(
        id,
        composeArticle({
          id,
          outletId: outlet.id,
          feedId: `${outlet.id}-${siteFeed.feed.key}`,
          item,
          page: extracted,
          outletLanguage: outlet.language,
          maxChars: 200_000,
          firstSeenAt: now.toISOString(),
          fetchedAt: now.toISOString(),
        }),
      );
      storyOf.set(id, entry.article.storyKey);
      publishedOf.set(id, entry.article.published);
    }
  }
  return { articles: [...articles.values()], storyOf, publishedOf };
}

/** Story key → candidate ids it landed in, and candidate → story keys it holds. */
function grouping(articles: readonly Article[], storyOf: ReadonlyMap<string, string>) {
  const clusterer = createClusterer();
  const candidatesOfStory = new Map<string, Set<string>>();
  const storiesOfCandidate = new Map<string, Set<string>>();
  for (const article of articles) {
    const { storyId } = clusterer.add(clusterArticleOf(article));
    const key = storyOf.get(article.id)!;
    candidatesOfStory.set(key, (candidatesOfStory.get(key) ?? new Set()).add(storyId));
    storiesOfCandidate.set(storyId, (storiesOfCandidate.get(storyId) ?? new Set()).add(key));
  }
  return { candidatesOfStory, storiesOfCandidate };
}

// The demo's articles are placed minutes before the moment it runs; page dates that carry only
// a day (midnight UTC) must not pull an article away from its story at any time of day (issue 15).
describe('the demo world clustered at any hour of the day', () => {
  const hours = Array.from({ length: 24 }, (_, h) => h);
  it.each(hours)('keeps every article at its time and every hand-written story in one candidate when run at %i:37 UTC', async (hour) => {
    const now = new Date(Date.UTC(2026, 11, 3, hour, 37, 11));
    const { articles, storyOf, publishedOf } = await storedArticles(now);
    expect(articles.length).toBeGreaterThan(30);
    // Each article keeps its time of publication, whatever page and feed say of it.
    for (const a of articles) expect(Date.parse(a.published), `${a.id} (${a.publishedFrom})`).toBe(Date.parse(publishedOf.get(a.id)!));
    // The feeds' order and its reverse: extract workers finish pages in no fixed order.
    for (const order of [articles, [...articles].reverse()]) {
      const { candidatesOfStory, storiesOfCandidate } = grouping(order, storyOf);
      for (const [key, candidates] of candidatesOfStory) expect(candidates.size, `story ${key}`).toBe(1);
      for (const [candidate, keys] of storiesOfCandidate) expect(keys.size, `candidate ${candidate} mixes ${[...keys]}`).toBe(1);
    }
  });
});
