import type { Outlet, Politeness } from '../core/model/index.js';
import { buildSiteMap } from './site.js';
import type { NewsWorld } from './types.js';
import { feedPath, outletHomePath } from './urls.js';

/** How the demo outlets are polled; the defaults suit a demo that should settle in a minute. */
export interface DemoOutletOptions {
  intervalSeconds?: number;
  politeness?: Partial<Politeness>;
}

/**
 * The `Outlet` configs that point the pipeline at a running outlets server. Loopback needs
 * `allowPrivateNetwork`, which only these outlets get.
 */
export function demoOutlets(world: NewsWorld, baseUrl: string, options: DemoOutletOptions = {}): Outlet[] {
  const base = baseUrl.replace(/\/+$/, '');
  return world.outlets.map((outlet) => {
    const config: Outlet = {
      id: outlet.id,
      name: outlet.name,
      homepage: base + outletHomePath(outlet),
      language: outlet.language,
      country: outlet.country,
      kind: outlet.kind,
      perspective: [...outlet.perspective],
      feeds: outlet.feeds.map((feed) => ({
        id: `${outlet.id}-${feed.key}`,
        outletId: outlet.id,
        url: base + feedPath(outlet, feed),
        intervalSeconds: options.intervalSeconds ?? 300,
      })),
      allowPrivateNetwork: true,
      politeness: { maxConcurrent: 4, minDelayMs: 0, ...options.politeness },
    };
    if (outlet.hints) config.hints = { ...outlet.hints };
    return config;
  });
}

/**
 * The grouping a perfect clusterer finds: canonical article URL → story key. Articles with a
 * key of their own ("solo-…") belong in a candidate alone. Feed links may carry tracking
 * parameters (The Hill's utm_*): the keys here are the canonical URLs the pages declare.
 */
export function expectedGroups(world: NewsWorld, baseUrl: string): Map<string, string> {
  const base = baseUrl.replace(/\/+$/, '');
  const site = buildSiteMap(world);
  return new Map(site.articles.map((entry) => [base + entry.path, entry.article.storyKey]));
}
