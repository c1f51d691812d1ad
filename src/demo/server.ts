import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { renderFeed, renderOutletIndex, renderPage, renderRootIndex, type Rendered } from './render.js';
import { buildSiteMap, type SiteMap } from './site.js';
import type { NewsWorld } from './types.js';
import { outletHomePath } from './urls.js';

/** Where and how the outlets server listens. */
export interface OutletsServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only; the default is 127.0.0.1. */
  host?: string;
}

/** Request counters, for tests and benchmarks. */
export interface OutletsServerStats {
  total: number;
  /** Per canonical path of the resource served; unknown paths count under the raw path. */
  byPath: Record<string, number>;
  byStatus: Record<string, number>;
  notModified: number;
  gzipped: number;
  bytesSent: number;
}

/** A running outlets server. */
export interface OutletsServer {
  /** "http://127.0.0.1:<port>", no trailing slash. */
  baseUrl: string;
  site: SiteMap;
  stats(): OutletsServerStats;
  resetStats(): void;
  /** Every later answer waits this long first, as a distant outlet's server does (benchmarks; 0 is none). */
  setResponseDelay(ms: number): void;
  close(): Promise<void>;
}

interface Resource {
  /** UTC ISO; sent as Last-Modified and compared with If-Modified-Since. */
  lastModified: string;
  render: () => Rendered;
}

interface Cached extends Rendered {
  etag: string;
  gzipped?: Buffer;
}

/**
 * Serves a world's feeds and article pages over loopback HTTP: ETag and Last-Modified with
 * 304s, charset in Content-Type as each outlet declares it, gzip when the client accepts it.
 * Documents render on first request and are cached, so serving costs little in benchmarks.
 */
export async function startOutletsServer(world: NewsWorld, options: OutletsServerOptions = {}): Promise<OutletsServer> {
  const host = options.host ?? '127.0.0.1';
  let routes = new Map<string, Resource>();
  const cache = new Map<string, Cached>();
  let stats = emptyStats();
  let responseDelayMs = 0;

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    try {
      handle(req, res);
    } catch (error) {
      res.statusCode = 500;
      res.end(`demo server error: ${(error as Error).message}`);
    }
  };
  const server = createServer((req, res) => {
    if (responseDelayMs > 0) setTimeout(answer, responseDelayMs, req, res);
    else answer(req, res);
  });

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    const key = routeKeyFor(routes, url);
    stats.total += 1;
    const counted = key ?? url.pathname + url.search;
    stats.byPath[counted] = (stats.byPath[counted] ?? 0) + 1;
    if (req.method !== 'GET' && req.method !== 'HEAD') return finish(res, 405, { Allow: 'GET, HEAD' }, 'method not allowed\n', req);
    if (key === undefined) return finish(res, 404, {}, 'not found\n', req);

    const resource = routes.get(key)!;
    let cached = cache.get(key);
    if (!cached) {
      const rendered = resource.render();
      cached = { ...rendered, etag: `"${createHash('sha1').update(rendered.body).digest('hex').slice(0, 20)}"` };
      cache.set(key, cached);
    }
    const lastModified = new Date(resource.lastModified).toUTCString();
    const useGzip = acceptsGzip(req.headers['accept-encoding']);
    const etag = useGzip ? cached.etag.replace(/"$/, '-gz"') : cached.etag;
    const headers: Record<string, string> = {
      ETag: etag,
      'Last-Modified': lastModified,
      'Cache-Control': 'max-age=60',
      Vary: 'Accept-Encoding',
    };

    if (notModified(req, cached.etag, resource.lastModified)) {
      stats.notModified += 1;
      return finish(res, 304, headers, null, req);
    }
    let body = cached.body;
    if (useGzip) {
      cached.gzipped ??= gzipSync(cached.body);
      body = cached.gzipped;
      headers['Content-Encoding'] = 'gzip';
      stats.gzipped += 1;
    }
    headers['Content-Type'] = cached.contentType;
    finish(res, 200, headers, body, req);
  }

  function finish(
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    body: Buffer | string | null,
    req: IncomingMessage,
  ): void {
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    res.statusCode = status;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (body === null) return void res.end();
    if (typeof body === 'string' && !headers['Content-Type']) res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    res.setHeader('Content-Length', String(bytes.length));
    if (req.method === 'HEAD') return void res.end();
    stats.bytesSent += bytes.length;
    res.end(bytes);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  const site = buildSiteMap(world);
  routes = routesFor(site, baseUrl);

  return {
    baseUrl,
    site,
    stats: () => structuredClone(stats),
    resetStats: () => {
      stats = emptyStats();
    },
    setResponseDelay: (ms) => {
      responseDelayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Every servable path of a site, each with how to render it. */
function routesFor(site: SiteMap, baseUrl: string): Map<string, Resource> {
  const routes = new Map<string, Resource>();
  routes.set('/', { lastModified: site.world.baseTime, render: () => renderRootIndex(site, baseUrl) });
  routes.set('/robots.txt', {
    lastModified: site.world.baseTime,
    render: () => ({ body: Buffer.from('User-agent: *\nAllow: /\n'), contentType: 'text/plain; charset=utf-8' }),
  });
  for (const outlet of site.world.outlets) {
    const newest = site.byOutlet.get(outlet.id)?.[0]?.article.published ?? site.world.baseTime;
    routes.set(outletHomePath(outlet), { lastModified: newest, render: () => renderOutletIndex(site, outlet, baseUrl) });
  }
  for (const feed of site.feeds) routes.set(feed.path, { lastModified: feed.updated, render: () => renderFeed(feed, baseUrl) });
  for (const entry of site.articles) {
    routes.set(entry.path, {
      lastModified: entry.article.modified ?? entry.article.published,
      render: () => renderPage(site, entry, baseUrl),
    });
  }
  return routes;
}

/** Exact path and query first; then the path alone (tracking parameters); then `?id=` pages. */
function routeKeyFor(routes: Map<string, Resource>, url: URL): string | undefined {
  const candidates = [url.pathname + url.search, url.pathname];
  const id = url.searchParams.get('id');
  if (id !== null) candidates.push(`${url.pathname}?id=${id}`);
  return candidates.find((c) => routes.has(c));
}

function notModified(req: IncomingMessage, etag: string, lastModifiedIso: string): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    const bare = etag.slice(1, -1);
    return inm.split(',').some((raw) => {
      const tag = raw.trim().replace(/^W\//, '');
      return tag === '*' || tag === etag || tag === `"${bare}-gz"`;
    });
  }
  const ims = req.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  // HTTP dates have whole seconds; compare at that precision.
  return !Number.isNaN(since) && Math.floor(Date.parse(lastModifiedIso) / 1000) <= Math.floor(since / 1000);
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';');
    if (coding?.trim().toLowerCase() !== 'gzip' && coding?.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function emptyStats(): OutletsServerStats {
  return { total: 0, byPath: {}, byStatus: {}, notModified: 0, gzipped: 0, bytesSent: 0 };
}
