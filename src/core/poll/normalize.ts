import { shortHash, type FeedItem } from '../model/index.js';
import { canonicalUrl } from './canonical-url.js';
import { parseFeedDate } from './dates.js';
import type { FeedFormat } from './feed-root.js';
import { collapseWhitespace, htmlToText, truncateText } from './plain-text.js';
import { attrOf, childNodes, firstText, nodes, textOf } from './raw-fields.js';
import { resolveUrl } from './resolve-url.js';
import type { RawFeed, RawItem, RawNode } from './rss-parser-run.js';

/** What every item of one feed shares during normalisation. */
export interface FeedContext {
  format: FeedFormat;
  /** Base for relative links: the feed URL when it is http(s), else the feed's own link. */
  base: string | null;
  language: string | null;
}

/** Feed-level fields of a parsed feed. */
export interface FeedMeta {
  title: string;
  link: string | null;
  language: string | null;
  ttlMinutes: number | null;
}

const MAX_SUMMARY = 5000;
const MAX_TITLE = 1000;
const MAX_CATEGORIES = 50;

/** Feed title, link, language and `<ttl>` from rss-parser's feed (and our raw fields). */
export function normalizeFeedMeta(raw: RawFeed, format: FeedFormat, url: string, xmlLang: string | null): FeedMeta {
  const titleNode = nodes(raw['rawTitle'])[0] ?? nodes(raw['rawDcTitle'])[0];
  const link = format === 'atom' ? atomLink(nodes(raw['rawLinks'])) : firstText(raw['rawLinks']);
  const language = firstText(raw['rawLanguage']) ?? firstText(raw['rawDcLanguage']) ?? xmlLang;
  const ttl = Number.parseInt(firstText(raw['rawTtl']) ?? '', 10);
  return {
    title: truncateText(textValue(titleNode, format), MAX_TITLE),
    link: link ? (resolveUrl(link, url) ?? link.trim()) : null,
    language: language ? language.trim().slice(0, 35) : null,
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
  };
}

/** One rss-parser item → FeedItem (see the field notes inline). */
export function normalizeItem(raw: RawItem, context: FeedContext): FeedItem {
  const link = itemLink(raw, context);
  const title = truncateText(textValue(nodes(raw['rawTitle'])[0], context.format), MAX_TITLE);
  const summaryNode = [raw['rawDescription'], raw['rawSummary'], raw['rawEncoded'], raw['rawContent']]
    .map((f) => nodes(f)[0])
    .find((n) => textOf(n).trim());
  const summary = truncateText(textValue(summaryNode, context.format), MAX_SUMMARY);
  const published = itemDate(raw);
  const guid =
    firstText(raw['rawGuid']) ??
    firstText(raw['rawId']) ??
    stringField(raw['rdf:about']) ??
    firstText(raw['rawIdentifier']) ??
    (link || `sha256:${shortHash(`${title}\n${summary}\n${published ?? ''}`, 32)}`);
  return {
    guid: guid.trim().slice(0, 2048),
    link,
    canonicalUrl: link ? canonicalUrl(link) : '',
    title: title || truncateText(summary, 120),
    summary,
    published,
    author: itemAuthor(raw),
    categories: itemCategories(raw),
    image: itemImage(raw, summaryNode, context),
    language: firstText(raw['rawLanguage'])?.slice(0, 35) ?? context.language,
  };
}

/**
 * The plain text of a title/summary node. RSS text is HTML in practice; Atom says which with
 * `type` (text, html, xhtml) or, in 0.3, `mode` (escaped, xml).
 */
function textValue(node: RawNode | undefined, format: FeedFormat): string {
  const text = textOf(node);
  if (!text) return '';
  if (format === 'atom') {
    const type = (attrOf(node, 'type') ?? '').toLowerCase();
    const mode = (attrOf(node, 'mode') ?? '').toLowerCase();
    const isMarkup = type === 'html' || type === 'xhtml' || type.includes('html') || mode === 'escaped' || mode === 'xml';
    if (!isMarkup) return collapseWhitespace(text);
  }
  return htmlToText(text);
}

function atomLink(links: RawNode[]): string | null {
  const withHref = links.filter((l) => (attrOf(l, 'href') ?? '').trim());
  const alternate = withHref.filter((l) => (attrOf(l, 'rel') ?? 'alternate') === 'alternate');
  const html = alternate.find((l) => /html/i.test(attrOf(l, 'type') ?? ''));
  const chosen =
    html ??
    alternate.find((l) => attrOf(l, 'type') === null) ??
    alternate[0] ??
    withHref.find((l) => attrOf(l, 'rel') !== 'self' && attrOf(l, 'rel') !== 'enclosure') ??
    null;
  return chosen ? (attrOf(chosen, 'href') ?? '').trim() : null;
}

function itemLink(raw: RawItem, context: FeedContext): string {
  const candidates: Array<string | null> =
    context.format === 'atom'
      ? [atomLink(nodes(raw['rawLinks']))]
      : [firstText(raw['rawLinks']), permalinkGuid(raw), stringField(raw['rdf:about'])];
  if (context.format === 'atom') candidates.push(atomIdLink(raw));
  for (const candidate of candidates) {
    const resolved = candidate ? resolveUrl(candidate, context.base) : null;
    if (resolved) return resolved;
  }
  // No address to resolve against (a saved file): show the link as written rather than guess.
  const written = candidates.find((c) => c?.trim());
  return context.base === null && written ? written.trim() : '';
}

/** An RSS guid is the item's URL unless `isPermaLink="false"`, when it looks like one. */
function permalinkGuid(raw: RawItem): string | null {
  const guid = nodes(raw['rawGuid'])[0];
  const text = textOf(guid).trim();
  if (!text || attrOf(guid, 'isPermaLink')?.toLowerCase() === 'false') return null;
  return /^https?:\/\//i.test(text) ? text : null;
}

function atomIdLink(raw: RawItem): string | null {
  const id = firstText(raw['rawId']);
  return id && /^https?:\/\//i.test(id) ? id : null;
}

function stringField(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

const DATE_FIELDS = ['rawPubDate', 'rawDcDate', 'rawPublished', 'rawIssued', 'rawCreated', 'rawUpdated', 'rawModified'];

/** The first date field that parses: publication dates before update dates. */
function itemDate(raw: RawItem): string | null {
  for (const field of DATE_FIELDS) {
    for (const node of nodes(raw[field])) {
      const parsed = parseFeedDate(textOf(node));
      if (parsed) return parsed;
    }
  }
  return null;
}

/** RSS `author` is "email (Name)" by the spec; Atom authors are `<name>` elements; dc:creator is a name. */
function itemAuthor(raw: RawItem): string | null {
  const names: string[] = [];
  for (const node of [...nodes(raw['rawAuthor']), ...nodes(raw['rawCreator'])]) {
    const atomName = textOf(childNodes(node, 'name')[0]);
    const text = collapseWhitespace(atomName || htmlToText(textOf(node)));
    const name = /^\S+@\S+\s*\((.+)\)$/.exec(text)?.[1] ?? text;
    if (name && !names.includes(name)) names.push(name);
  }
  return names.length > 0 ? names.join(', ').slice(0, 500) : null;
}

function itemCategories(raw: RawItem): string[] {
  const found: string[] = [];
  for (const node of [...nodes(raw['rawCategory']), ...nodes(raw['rawSubject'])]) {
    const value = collapseWhitespace(textOf(node) || attrOf(node, 'label') || attrOf(node, 'term') || '');
    if (value && !found.includes(value) && found.length < MAX_CATEGORIES) found.push(value.slice(0, 200));
  }
  return found;
}

const IMAGE_EXTENSION = /\.(jpe?g|png|gif|webp|avif)(\?|$)/i;

/** The item's image: an image enclosure, media:content/thumbnail, itunes:image, else the first `<img>`. */
function itemImage(raw: RawItem, summaryNode: RawNode | undefined, context: FeedContext): string | null {
  const candidates: Array<string | null> = [];
  for (const enclosure of nodes(raw['rawEnclosure'])) {
    const url = attrOf(enclosure, 'url');
    if (/^image\//i.test(attrOf(enclosure, 'type') ?? '') || IMAGE_EXTENSION.test(url ?? '')) candidates.push(url);
  }
  const media = [...nodes(raw['rawMediaContent']), ...nodes(raw['rawMediaGroup']).flatMap((g) => childNodes(g, 'media:content'))];
  for (const content of media) {
    const url = attrOf(content, 'url');
    if (attrOf(content, 'medium') === 'image' || /^image\//i.test(attrOf(content, 'type') ?? '') || IMAGE_EXTENSION.test(url ?? ''))
      candidates.push(url);
  }
  const thumbnails = [...nodes(raw['rawMediaThumbnail']), ...nodes(raw['rawMediaGroup']).flatMap((g) => childNodes(g, 'media:thumbnail'))];
  for (const thumbnail of thumbnails) candidates.push(attrOf(thumbnail, 'url'));
  for (const image of nodes(raw['rawItunesImage'])) candidates.push(attrOf(image, 'href'));
  for (const node of [summaryNode, nodes(raw['rawEncoded'])[0], nodes(raw['rawContent'])[0]]) {
    candidates.push(/<img\b[^>]*?\ssrc\s*=\s*["']?([^"'\s>]+)/i.exec(textOf(node))?.[1] ?? null);
  }
  for (const candidate of candidates) {
    const resolved = candidate ? resolveUrl(candidate.replace(/&amp;/g, '&'), context.base) : null;
    if (resolved) return resolved;
  }
  return null;
}
