import { writeFileSync } from 'node:fs';
import { parseOutlets } from '../../src/adapters/config/load.js';
import type { Outlet, Politeness } from '../../src/core/model/index.js';
import { demoOutlets, generateWorld, startOutletsServer, type NewsWorld, type OutletsServer } from '../../src/demo/index.js';

/** The size of the synthetic world. */
export interface WorldSize {
  seed: number;
  outlets: number;
  stories: number;
  articles: number;
}

/** A generated world served on loopback, with the outlets file the role processes read. */
export interface ServedWorld {
  world: NewsWorld;
  server: OutletsServer;
  outlets: Outlet[];
  feeds: number;
  /** Mean size of an article page as served (uncompressed), bytes. */
  meanPageBytes: number;
}

/**
 * Generates the world, serves it, and requests every feed and page once (gzip, as the
 * pipeline asks) so the server's render cache is warm before anything is timed.
 */
export async function serveWorld(size: WorldSize, politeness: Politeness, outletsFile: string): Promise<ServedWorld> {
  const world = generateWorld({ ...size, baseTime: new Date('2026-11-20T12:00:00Z') });
  // The demo renderer appends a "?utm_…" suffix to links that already carry "?id=…", and the
  // server answers those with 404: drop the suffix there, so every page is fetched and extracted.
  for (const outlet of world.outlets) if (outlet.urlStyle === 'query') delete outlet.feedLinkSuffix;
  const server = await startOutletsServer(world, { port: 0, host: '127.0.0.1' });
  const outlets = parseOutlets({ outlets: demoOutlets(world, server.baseUrl, { intervalSeconds: 300, politeness }) }, 'bench world');
  writeFileSync(outletsFile, JSON.stringify({ outlets }));
  const paths = [...server.site.feeds.map((f) => f.path), ...server.site.articles.map((a) => a.path)];
  let pageBytes = 0;
  for (let i = 0; i < paths.length; i += 16) {
    await Promise.all(
      paths.slice(i, i + 16).map(async (p, k) => {
        // fetch() gunzips: the size counted is the page's own.
        const response = await fetch(server.baseUrl + p, { headers: { 'accept-encoding': 'gzip' } });
        const body = await response.arrayBuffer();
        if (i + k >= server.site.feeds.length) pageBytes += body.byteLength;
      }),
    );
  }
  server.resetStats();
  return { world, server, outlets, feeds: server.site.feeds.length, meanPageBytes: pageBytes / Math.max(1, server.site.articles.length) };
}
