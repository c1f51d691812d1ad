import iconv from 'iconv-lite';
import { renderAtom } from './render/feed-atom.js';
import { renderRdf } from './render/feed-rdf.js';
import { renderRss2 } from './render/feed-rss2.js';
import type { FeedItemView, FeedView } from './render/feed-view.js';
import { escapeMarkup as esc } from './render/escape.js';
import { charsetLabel } from './render/page-head.js';
import { renderArticlePage } from './render/page.js';
import type { SiteArticle, SiteFeed, SiteMap } from './site.js';
import type { DemoCharset, DemoOutlet, FeedFormat } from './types.js';
import { outletHomePath } from './urls.js';

export { renderAtom, renderRdf, renderRss2, renderArticlePage };
export type { FeedItemView, FeedView };

/** Bytes ready to serve, with the Content-Type to serve them under. */
export interface Rendered {
  body: Buffer;
  contentType: string;
}

/** Encodes text in the outlet's charset (iconv-lite for anything but UTF-8). */
export function encodeText(text: string, charset: DemoCharset): Buffer {
  return charset === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'Shift_JIS');
}

const feedMediaTypes: Record<FeedFormat, string> = {
  rss2: 'application/rss+xml',
  atom: 'application/atom+xml',
  rdf: 'application/rdf+xml',
};

/** Content-Type header for an outlet's documents; "document"-only outlets leave the charset out. */
export function contentTypeFor(outlet: DemoOutlet, mediaType: string): string {
  return outlet.charsetDeclaration === 'document' ? mediaType : `${mediaType}; charset=${charsetLabel(outlet)}`;
}

/** The feed document of one site feed, encoded as its outlet declares. */
export function renderFeed(siteFeed: SiteFeed, baseUrl: string): Rendered {
  const { outlet } = siteFeed;
  const view = feedViewOf(siteFeed, baseUrl);
  const text = outlet.feedFormat === 'rss2' ? renderRss2(view) : outlet.feedFormat === 'atom' ? renderAtom(view) : renderRdf(view);
  return { body: encodeText(text, outlet.charset), contentType: contentTypeFor(outlet, feedMediaTypes[outlet.feedFormat]) };
}

/** The feed as renderers see it: absolute links, guids, dates in the outlet's offset. */
export function feedViewOf(siteFeed: SiteFeed, baseUrl: string): FeedView {
  const { outlet, feed } = siteFeed;
  const items: FeedItemView[] = siteFeed.items.map(({ article, path, imagePath }) => {
    const canonical = baseUrl + path;
    const permalink = outlet.urlStyle === 'dated';
    return {
      title: article.title,
      // A tracking suffix joins an existing query with '&' ("?id=7&utm_…"), as trackers do.
      link: canonical + (canonical.includes('?') ? (outlet.feedLinkSuffix ?? '').replace(/^\?/, '&') : (outlet.feedLinkSuffix ?? '')),
      guid:
        outlet.feedFormat === 'atom'
          ? `urn:storydesk-demo:${outlet.id}:${article.id}`
          : permalink
            ? canonical
            : `${outlet.id}-${article.id}`,
      guidIsPermaLink: permalink,
      summary: article.summary,
      summaryIsHtml: outlet.hostile === true,
      published: article.published,
      updated: article.modified ?? article.published,
      author: article.author,
      categories: article.tags,
      imageUrl: baseUrl + imagePath,
    };
  });
  for (const [i, bogus] of siteFeed.bogus.entries()) {
    items.unshift({
      title: bogus.title,
      link: bogus.link,
      guid: `${outlet.id}-bogus-${i}`,
      guidIsPermaLink: false,
      summary: bogus.title,
      summaryIsHtml: true,
      published: bogus.published,
      updated: bogus.published,
      author: outlet.name,
      categories: [],
      imageUrl: null,
    });
  }
  return {
    title: feed.title,
    description: `Latest from ${outlet.name}`,
    homepageUrl: baseUrl + outletHomePath(outlet),
    feedUrl: baseUrl + siteFeed.path,
    language: outlet.language,
    updated: siteFeed.updated,
    encodingLabel: charsetLabel(outlet),
    utcOffsetMinutes: outlet.country === 'JP' && outlet.language === 'ja' ? 540 : 0,
    items,
  };
}

/** One article page, encoded as its outlet declares, with up to four related links. */
export function renderPage(site: SiteMap, entry: SiteArticle, baseUrl: string): Rendered {
  const siblings = site.byOutlet.get(entry.outlet.id) ?? [];
  const at = siblings.indexOf(entry);
  const related = [...siblings.slice(at + 1), ...siblings.slice(0, Math.max(0, at))]
    .slice(0, 4)
    .map((s) => ({ title: s.article.title, url: baseUrl + s.path }));
  const html = renderArticlePage({
    outlet: entry.outlet,
    article: entry.article,
    canonicalUrl: baseUrl + entry.path,
    homepageUrl: baseUrl + outletHomePath(entry.outlet),
    imageUrl: baseUrl + entry.imagePath,
    related,
  });
  return { body: encodeText(html, entry.outlet.charset), contentType: contentTypeFor(entry.outlet, 'text/html') };
}

/** An outlet's homepage: a list of headlines, the kind of page that is not an article. */
export function renderOutletIndex(site: SiteMap, outlet: DemoOutlet, baseUrl: string): Rendered {
  const entries = (site.byOutlet.get(outlet.id) ?? []).slice(0, 50);
  const feeds = site.feeds.filter((f) => f.outlet.id === outlet.id);
  const charset =
    outlet.charsetDeclaration === 'header' ? '' : `<meta http-equiv="Content-Type" content="text/html; charset=${charsetLabel(outlet)}">`;
  const html = `<!DOCTYPE html>
<html lang="${outlet.language}"><head>${charset}<title>${esc(outlet.name)}</title>
${feeds.map((f) => `<link rel="alternate" type="${feedMediaTypes[outlet.feedFormat]}" title="${esc(f.feed.title)}" href="${esc(baseUrl + f.path)}">`).join('\n')}
</head><body><h1>${esc(outlet.name)}</h1><ul>
${entries.map((e) => `<li><a href="${esc(baseUrl + e.path)}">${esc(e.article.title)}</a> <time datetime="${e.article.published}"></time></li>`).join('\n')}
</ul></body></html>
`;
  return { body: encodeText(html, outlet.charset), contentType: contentTypeFor(outlet, 'text/html') };
}

/** The server's root page: every outlet with its feeds, for people poking at the demo. */
export function renderRootIndex(site: SiteMap, baseUrl: string): Rendered {
  const rows = site.world.outlets.map((outlet) => {
    const feeds = site.feeds
      .filter((f) => f.outlet.id === outlet.id)
      .map((f) => `<a href="${esc(baseUrl + f.path)}">${esc(f.feed.key)} (${outlet.feedFormat})</a>`);
    return `<li><a href="${esc(baseUrl + outletHomePath(outlet))}">${esc(outlet.name)}</a> — ${feeds.join(', ')}</li>`;
  });
  const html = `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>storydesk demo outlets</title></head><body><h1>Demo outlets (loopback only)</h1><ul>\n${rows.join('\n')}\n</ul></body></html>\n`;
  return { body: Buffer.from(html, 'utf8'), contentType: 'text/html; charset=utf-8' };
}
