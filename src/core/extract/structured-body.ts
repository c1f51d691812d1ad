import type { JsonLdNode } from './jsonld.js';
import { normalizeSpace, weightedLength } from './text.js';

/** The DOM text must reach this share of the JSON-LD body, else the JSON-LD body is used. */
const DOM_SHARE = 0.7;
const MIN_CHARS = 200;

/**
 * JSON-LD `articleBody` as paragraphs when it is complete (long enough, not cut off with an
 * ellipsis) and the page's own article text is clearly shorter; otherwise null, and the DOM
 * text stands: it keeps headings and paragraph breaks that structured data often loses.
 */
export function structuredBody(article: JsonLdNode | null, domParagraphs: string[]): string[] | null {
  const raw = article?.articleBody;
  if (typeof raw !== 'string') return null;
  const paragraphs = raw
    .split(/\n\s*\n|\r\n|\n/)
    .map((paragraph) => normalizeSpace(stripTags(paragraph)))
    .filter((paragraph) => paragraph !== '');
  const length = weightedLength(paragraphs.join(' '));
  if (length < MIN_CHARS || /(?:\.\.\.|…|\[…\])\s*$/.test(raw.trim())) return null;
  const domLength = weightedLength(domParagraphs.join(' '));
  return domLength < length * DOM_SHARE ? paragraphs : null;
}

/** Some publishers put HTML inside articleBody. */
function stripTags(text: string): string {
  return text.replace(/<[^>]{0,500}>/g, ' ');
}
