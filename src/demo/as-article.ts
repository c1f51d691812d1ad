import type { Article } from '../core/model/index.js';
import type { DemoArticle } from './types.js';

/** A generated demo article as extraction would store it: paragraphs joined by blank lines, fetched when published. */
export function asExtractedArticle(a: DemoArticle): Article {
  return {
    id: a.id,
    outletId: a.outletId,
    feedId: `${a.outletId}-feed`,
    url: `https://example.org/${a.id}`,
    canonicalUrl: `https://example.org/${a.id}`,
    title: a.title,
    byline: a.author,
    published: a.published,
    modified: null,
    lang: 'en',
    section: a.section || null,
    description: a.summary,
    image: null,
    text: a.paragraphs.join('\n\n'),
    summary: a.summary,
    outcome: 'article',
    fetchedAt: a.published,
  };
}
