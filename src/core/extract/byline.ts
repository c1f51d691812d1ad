import type { CheerioAPI } from 'cheerio';
import { dereference, type JsonLdNode } from './jsonld.js';
import { firstMeta, type MetaTags } from './meta-tags.js';
import { normalizeSpace } from './text.js';

/**
 * The article's author(s) as one line ("Jane Doe, John Roe"), from, in order: JSON-LD
 * `author` (string, Person, list, or @id reference), author meta tags (never a profile URL),
 * `[itemprop=author]`, `[rel=author]`, then byline-classed elements. "By" prefixes go.
 */
export function extractByline($: CheerioAPI, tags: MetaTags, article: JsonLdNode | null, nodes: JsonLdNode[]): string | null {
  const fromJsonLd = article ? namesOf(article.author, nodes) : [];
  if (fromJsonLd.length > 0) return joinNames(fromJsonLd);

  const fromMeta = firstMeta(tags, [
    'author',
    'article:author',
    'byl',
    'dc.creator',
    'parsely-author',
    'sailthru.author',
    'twitter:creator:name',
  ]);
  if (fromMeta && !/^https?:\/\//i.test(fromMeta) && !fromMeta.startsWith('@')) return cleanName(fromMeta);

  const selectors = [
    '[itemprop~="author"] [itemprop="name"]',
    '[itemprop~="author"]',
    'a[rel~="author"]',
    '.byline__name',
    '.byline-name',
    '.author-name',
    '.byline',
    '.author',
  ];
  for (const selector of selectors) {
    const names = $(selector)
      .slice(0, 5)
      .map((_, element) => cleanName($(element).text()))
      .get()
      .filter((name): name is string => name !== null && name.length <= 100);
    if (names.length > 0) return joinNames(names);
  }
  return null;
}

function namesOf(value: unknown, nodes: JsonLdNode[], depth = 0): string[] {
  if (depth > 3 || value == null) return [];
  if (typeof value === 'string') {
    const name = cleanName(value);
    return name && !/^https?:\/\//i.test(name) ? [name] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item) => namesOf(item, nodes, depth + 1));
  const node = dereference(value, nodes);
  if (node && typeof node === 'object') return namesOf((node as JsonLdNode).name, nodes, depth + 1);
  return [];
}

function joinNames(names: string[]): string {
  return [...new Set(names)].join(', ');
}

/** "By JANE DOE and John Roe |" → "JANE DOE and John Roe"; null when nothing is left. */
function cleanName(raw: string): string | null {
  const name = normalizeSpace(raw)
    .replace(/^(?:written\s+)?by[:\s]+/i, '')
    .replace(/^(?:von|par|por|di|da|de)\s+/i, '')
    .replace(/[|,;:•·\-–—\s]+$/, '')
    .trim();
  return name ? name : null;
}
