import { createHash } from 'node:crypto';
import type { DemoArticle, DemoFeed, DemoOutlet } from './types.js';

/** The outlet's homepage path, also the prefix of all its URLs. */
export function outletHomePath(outlet: DemoOutlet): string {
  return `/${outlet.id}/`;
}

/** Path of one feed; the extension follows the format, as publishers' URLs tend to. */
export function feedPath(outlet: DemoOutlet, feed: DemoFeed): string {
  switch (outlet.feedFormat) {
    case 'rss2':
      return `/${outlet.id}/rss/${feed.key}.xml`;
    case 'atom':
      return `/${outlet.id}/feeds/${feed.key}.atom`;
    case 'rdf':
      return `/${outlet.id}/${feed.key}.rdf`;
  }
}

/**
 * Canonical path (with any query that identifies the page) of one article. `attempt` > 0
 * gives alternative paths for when two articles of a big generated world would collide.
 */
export function articlePath(outlet: DemoOutlet, article: DemoArticle, attempt = 0): string {
  const slug = attempt === 0 ? slugFor(article) : `${slugFor(article)}-${attempt + 1}`;
  const number = numericId(article.id) + attempt;
  const d = new Date(article.published);
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  switch (outlet.urlStyle) {
    case 'dated':
      return `/${outlet.id}/${article.section}/${y}/${m}/${day}/${slug}`;
    case 'section-slug':
      return `/${outlet.id}/${article.section}/${y}/${m}/${day}/${slug}.html`;
    case 'numeric':
      return `/${outlet.id}/${article.section}/${number}-${slug}/`;
    case 'query':
      return `/${outlet.id}/article.php?id=${number}`;
  }
}

/** Path of the lead picture of an article (served as a tiny JPEG). */
export function imagePath(outlet: DemoOutlet, article: DemoArticle): string {
  return `/${outlet.id}/img/${numericId(article.id)}.jpg`;
}

/** A stable seven-digit number for an article, as CMS-numbered URLs have. */
export function numericId(articleId: string): number {
  return 1_000_000 + (parseInt(createHash('sha256').update(articleId).digest('hex').slice(0, 8), 16) % 9_000_000);
}

/** A URL slug from the title; titles without Latin letters fall back to the article id. */
export function slugFor(article: DemoArticle): string {
  const fromTitle = article.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 72)
    .replace(/-+$/g, '');
  return fromTitle.length >= 8 ? fromTitle : article.id;
}
