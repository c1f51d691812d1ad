import type { DemoArticle, DemoBogusItem, DemoFeed, DemoOutlet, NewsWorld } from './types.js';
import { articlePath, feedPath, imagePath } from './urls.js';

/** One article placed on the site. */
export interface SiteArticle {
  article: DemoArticle;
  outlet: DemoOutlet;
  /** Canonical path, unique across the site. */
  path: string;
  imagePath: string;
}

/** One feed placed on the site, with its items newest first. */
export interface SiteFeed {
  outlet: DemoOutlet;
  feed: DemoFeed;
  path: string;
  items: SiteArticle[];
  bogus: DemoBogusItem[];
  /** Newest publication or update among the items (UTC ISO), else the world's base time. */
  updated: string;
}

/** Where everything of a world lives: the one place paths are decided. */
export interface SiteMap {
  world: NewsWorld;
  outlets: Map<string, DemoOutlet>;
  articles: SiteArticle[];
  feeds: SiteFeed[];
  /** Each outlet's articles, newest first (related links, index pages). */
  byOutlet: Map<string, SiteArticle[]>;
}

/** Lays a world out as a site. Pure and deterministic: same world, same paths. */
export function buildSiteMap(world: NewsWorld): SiteMap {
  const outlets = new Map(world.outlets.map((o) => [o.id, o]));
  const taken = new Set<string>();
  const articles: SiteArticle[] = world.articles.map((article) => {
    const outlet = outlets.get(article.outletId);
    if (!outlet) throw new Error(`demo world: article ${article.id} names unknown outlet ${article.outletId}`);
    let attempt = 0;
    let path = articlePath(outlet, article);
    while (taken.has(path)) path = articlePath(outlet, article, ++attempt);
    taken.add(path);
    return { article, outlet, path, imagePath: imagePath(outlet, article) };
  });
  const byOutlet = new Map<string, SiteArticle[]>(world.outlets.map((o) => [o.id, []]));
  for (const entry of articles) byOutlet.get(entry.outlet.id)!.push(entry);
  for (const list of byOutlet.values()) list.sort(newestFirst);

  const feeds: SiteFeed[] = world.outlets.flatMap((outlet) =>
    outlet.feeds.map((feed) => {
      const sections = new Set(feed.sections);
      const items = byOutlet.get(outlet.id)!.filter((entry) => sections.has(entry.article.section));
      const bogus = world.bogusItems.filter((b) => b.outletId === outlet.id && b.feedKey === feed.key);
      const times = [...items.map((i) => i.article.modified ?? i.article.published), ...bogus.map((b) => b.published)];
      const updated = times.length ? times.reduce((a, b) => (a > b ? a : b)) : world.baseTime;
      return { outlet, feed, path: feedPath(outlet, feed), items, bogus, updated };
    }),
  );
  return { world, outlets, articles, feeds, byOutlet };
}

function newestFirst(a: SiteArticle, b: SiteArticle): number {
  if (a.article.published !== b.article.published) return a.article.published < b.article.published ? 1 : -1;
  return a.article.id < b.article.id ? -1 : 1;
}
