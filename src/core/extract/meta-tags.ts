import type { CheerioAPI } from 'cheerio';
import { normalizeSpace } from './text.js';

/**
 * All `<meta>` values by lower-cased name/property/itemprop, first occurrence wins, read in
 * one pass so each metadata field is a map lookup.
 */
export type MetaTags = Map<string, string>;

/** Collect the page's meta tags (content attribute, whitespace-normalised, non-empty). */
export function readMetaTags($: CheerioAPI): MetaTags {
  const tags: MetaTags = new Map();
  $('meta').each((_, element) => {
    const attribs = element.attribs;
    const content = normalizeSpace(attribs.content ?? attribs.value ?? '');
    if (!content) return;
    for (const key of [attribs.property, attribs.name, attribs.itemprop, attribs['http-equiv']]) {
      if (!key) continue;
      const name = key.trim().toLowerCase();
      if (!tags.has(name)) tags.set(name, content);
    }
  });
  return tags;
}

/** The first of `names` present in the tags. */
export function firstMeta(tags: MetaTags, names: string[]): string | null {
  for (const name of names) {
    const value = tags.get(name);
    if (value) return value;
  }
  return null;
}
