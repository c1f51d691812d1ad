import { StorydeskError } from '../model/index.js';
import { parseFeedDate } from './dates.js';
import { resolveUrl } from './resolve-url.js';
import { serializeChildren } from './xml-serialize.js';
import type { XmlDocument, XmlElement, XmlNode } from './xml-tree.js';

/** Which syndication format a root element is. */
export type FeedFormat = 'rss' | 'rdf' | 'atom';

/** The feed element found in a forgiving tree, shaped so rss-parser reads it, plus notes. */
export interface LocatedFeed {
  root: XmlElement;
  format: FeedFormat;
  /** `xml:lang` of the feed element (Atom puts the language there). */
  xmlLang: string | null;
  warnings: string[];
}

const ATOM_NS = ['http://www.w3.org/2005/atom', 'http://purl.org/atom/ns#'];
const RSS1_NS = ['http://purl.org/rss/1.0/', 'http://my.netscape.com/rdf/simple/0.9/'];
const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
/** Elements whose content is text or HTML: markup inside them is content, not structure. */
const TEXT_ELEMENTS = new Set([
  'title',
  'description',
  'summary',
  'content',
  'subtitle',
  'tagline',
  'encoded',
  'rights',
  'copyright',
  'info',
]);
/** Longest text a feed field keeps (a summary or full content far beyond any real article). */
const MAX_TEXT_CHARS = 1 << 20;
/** Unclosed `<` a text field may end with before it is closed for rss-parser (see tameText). */
const MAX_UNCLOSED_LT = 1000;
const ITEM_NAMES = new Set(['item', 'entry']);

/**
 * Find the feed in a forgiving tree (also inside an XHTML wrapper), or throw the typed reason
 * it is not one: `empty`, or `not_a_feed` (an HTML page names the feeds it advertises).
 * Then shape it for rss-parser: namespace prefixes of Atom/RSS 1.0/RDF normalised, RSS items
 * moved into their channel, markup inside text elements kept as text, `xml:base` applied,
 * an item cut off by truncation dropped, and at most `maxItems` items kept.
 */
export function locateFeed(doc: XmlDocument, options: { url: string; maxItems: number }): LocatedFeed {
  const warnings: string[] = [];
  const found = findFeedElement(doc.roots, new Map());
  if (!found) throw notAFeed(doc, options.url);
  const { element: root, namespaces } = found;
  renamePrefixes(root, prefixRenames(namespaces));
  const format = formatOf(root.name);
  if (!format) throw notAFeed(doc, options.url);
  root.name = format === 'rss' ? 'rss' : format === 'rdf' ? 'rdf:RDF' : 'feed';

  dropTruncatedItem(doc, warnings);
  if (format === 'rss') gatherRssItems(root);
  if (format === 'rdf') gatherRdfItems(root);
  if (format === 'atom') shapeAtom(root, warnings);
  flattenTextElements(root);
  ensureFields(root, format, warnings);
  applyXmlBase(root, null, options.url);
  capItems(root, format, options.maxItems, warnings);
  return { root, format, xmlLang: attr(root, 'xml:lang') ?? attr(root, 'lang'), warnings };
}

/** The local name of a qualified XML name. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute's value, or null. */
export function attr(element: XmlElement, name: string): string | null {
  return element.attrs.find(([n]) => n === name)?.[1] ?? null;
}

/** Child elements, optionally only those with one of the given names. */
export function childElements(element: XmlElement, ...names: string[]): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && (names.length === 0 || names.includes(c.name)));
}

function formatOf(name: string): FeedFormat | null {
  const local = localName(name).toLowerCase();
  if (local === 'rss') return 'rss';
  if (local === 'rdf') return 'rdf';
  if (local === 'feed') return 'atom';
  return null;
}

/** Depth-first search for rss/RDF/feed, carrying the namespace declarations in scope. */
function findFeedElement(nodes: XmlNode[], scope: Map<string, string>): { element: XmlElement; namespaces: Map<string, string> } | null {
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    const namespaces = new Map(scope);
    for (const [name, value] of node.attrs) {
      if (name === 'xmlns') namespaces.set('', value);
      else if (name.startsWith('xmlns:')) namespaces.set(name.slice(6), value);
    }
    if (formatOf(node.name)) return { element: node, namespaces };
    // Only documents that wrap a feed (XHTML pages) are searched below the top level.
    if (localName(node.name).toLowerCase() === 'html' || localName(node.name).toLowerCase() === 'body') {
      const inner = findFeedElement(node.children, namespaces);
      if (inner) return inner;
    }
  }
  return null;
}

/** Prefixes bound to Atom or RSS 1.0 become unprefixed; a prefix bound to RDF becomes `rdf`. */
function prefixRenames(namespaces: Map<string, string>): Map<string, string> {
  const renames = new Map<string, string>();
  for (const [prefix, uri] of namespaces) {
    if (prefix === '') continue;
    const lower = uri.trim().toLowerCase();
    if (ATOM_NS.includes(lower) || RSS1_NS.includes(lower)) renames.set(prefix, '');
    else if (lower === RDF_NS && prefix !== 'rdf') renames.set(prefix, 'rdf');
  }
  return renames;
}

function renamePrefixes(element: XmlElement, renames: Map<string, string>): void {
  if (renames.size === 0) return;
  const colon = element.name.indexOf(':');
  if (colon > 0) {
    const replacement = renames.get(element.name.slice(0, colon));
    if (replacement !== undefined) element.name = (replacement ? replacement + ':' : '') + element.name.slice(colon + 1);
  }
  for (const child of childElements(element)) renamePrefixes(child, renames);
}

/** A feed cut short ends inside an item: drop that item, keep every complete one. */
function dropTruncatedItem(doc: XmlDocument, warnings: string[]): void {
  if (doc.truncated.length === 0) return;
  warnings.push('truncated: the document ended before its elements were closed');
  for (let i = doc.truncated.length - 1; i > 0; i--) {
    const element = doc.truncated[i];
    if (!element || !ITEM_NAMES.has(localName(element.name))) continue;
    const parent = doc.truncated[i - 1];
    if (parent) parent.children = parent.children.filter((c) => c !== element);
    warnings.push('truncated: dropped the incomplete last item');
    return;
  }
}

/** RSS 0.9x/2.0: items belong in the (first) channel; some feeds put them beside it or omit it. */
function gatherRssItems(root: XmlElement): void {
  let channel = childElements(root, 'channel')[0];
  if (!channel) {
    channel = { name: 'channel', attrs: [], children: root.children };
    root.children = [channel];
    return;
  }
  const stray = childElements(root, 'item');
  if (stray.length === 0) return;
  root.children = root.children.filter((c) => !stray.includes(c as XmlElement));
  // concat, not push(...): a spread of 200,000 stray items overflows the stack.
  channel.children = channel.children.concat(stray);
}

/** RSS 1.0: items are siblings of the channel; some feeds nest them in it, some have no channel. */
function gatherRdfItems(root: XmlElement): void {
  let channel = childElements(root, 'channel')[0];
  if (!channel) {
    channel = { name: 'channel', attrs: [], children: [] };
    root.children.unshift(channel);
  }
  const nested = childElements(channel, 'item');
  if (nested.length === 0) return;
  channel.children = channel.children.filter((c) => !nested.includes(c as XmlElement));
  root.children = root.children.concat(nested);
}

/**
 * Atom as rss-parser can read it without throwing: every `<link>` gets an `href` (some feeds
 * put the URL in the text), and entry dates are rewritten as ISO 8601 by our own date parser,
 * since rss-parser passes them to `new Date(…).toISOString()` unguarded and one unreadable
 * date would reject the whole feed. A date we cannot read either is dropped, with a warning.
 */
function shapeAtom(root: XmlElement, warnings: string[]): void {
  const fixLinks = (element: XmlElement): void => {
    for (const link of childElements(element, 'link')) {
      if (attr(link, 'href') !== null) continue;
      const text = link.children
        .filter((c): c is string => typeof c === 'string')
        .join('')
        .trim();
      link.attrs.push(['href', text]);
      link.children = [];
    }
  };
  fixLinks(root);
  let unreadable = 0;
  for (const entry of childElements(root, 'entry')) {
    fixLinks(entry);
    const bad = new Set<XmlNode>();
    for (const date of childElements(entry, 'published', 'updated')) {
      const iso = parseFeedDate(date.children.filter((c): c is string => typeof c === 'string').join(''));
      if (iso) date.children = [iso];
      else bad.add(date);
    }
    if (bad.size === 0) continue;
    unreadable += bad.size;
    entry.children = entry.children.filter((c) => !bad.has(c));
  }
  if (unreadable > 0) warnings.push(`bad_date: dropped ${unreadable} entry date(s) that could not be read`);
}

/**
 * xml2js turns an element without child elements into a plain string, and rss-parser then
 * reads `String.prototype.link` as the links of such an entry and throws. An item or entry
 * without fields is dropped; a feed or channel without fields gets an empty title.
 */
function ensureFields(root: XmlElement, format: FeedFormat, warnings: string[]): void {
  const holder = format === 'rss' ? (childElements(root, 'channel')[0] ?? root) : root;
  const items = childElements(holder, format === 'atom' ? 'entry' : 'item');
  const empty = new Set(items.filter((item) => childElements(item).length === 0));
  if (empty.size > 0) {
    holder.children = holder.children.filter((c) => !empty.has(c as XmlElement));
    warnings.push(`empty_item: dropped ${empty.size} item(s) without any field`);
  }
  for (const element of [root, holder]) {
    if (childElements(element).length === 0) element.children.push({ name: 'title', attrs: [], children: [] });
  }
}

/** Markup inside a text element is its content (XHTML, or unescaped HTML): keep it as text. */
function flattenTextElements(element: XmlElement): void {
  for (const child of childElements(element)) {
    if (TEXT_ELEMENTS.has(localName(child.name))) {
      if (child.children.some((c) => typeof c !== 'string')) child.children = [serializeChildren(child.children)];
      child.children = child.children.map((c) => (typeof c === 'string' ? tameText(c) : c));
    } else {
      flattenTextElements(child);
    }
  }
}

/**
 * rss-parser strips tags from text fields with `/<(?:.|\n)*?>/`, which recurses per character
 * and, from every `<` that no `>` follows, scans to the end: a huge field overflows the stack
 * and a field of many unclosed `<` takes quadratic time. Cap the length, and close a long run
 * of unclosed `<` with one `>` (real text has a handful at most; those stay untouched).
 */
function tameText(text: string): string {
  const capped = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  const tail = capped.slice(capped.lastIndexOf('>') + 1);
  let unclosed = 0;
  for (let i = tail.indexOf('<'); i >= 0 && unclosed <= MAX_UNCLOSED_LT; i = tail.indexOf('<', i + 1)) unclosed++;
  return unclosed > MAX_UNCLOSED_LT ? `${capped}>` : capped;
}

/** Resolve link-like attributes and RSS `<link>` text against `xml:base` where one is in scope. */
function applyXmlBase(element: XmlElement, inherited: string | null, documentUrl: string): void {
  const declared = attr(element, 'xml:base');
  const base = declared ? (resolveUrl(declared, inherited ?? documentUrl) ?? inherited) : inherited;
  if (base) {
    element.attrs = element.attrs.map(([name, value]) =>
      name === 'href' || name === 'src' || name === 'url' ? [name, resolveUrl(value, base) ?? value] : [name, value],
    );
    if (localName(element.name) === 'link' && element.children.length === 1 && typeof element.children[0] === 'string') {
      element.children = [resolveUrl(element.children[0].trim(), base) ?? element.children[0]];
    }
  }
  for (const child of childElements(element)) applyXmlBase(child, base, documentUrl);
}

function capItems(root: XmlElement, format: FeedFormat, maxItems: number, warnings: string[]): void {
  const holder = format === 'rss' ? childElements(root, 'channel')[0] : root;
  if (!holder) return;
  const items = childElements(holder, format === 'atom' ? 'entry' : 'item');
  if (items.length <= maxItems) return;
  const dropped = new Set(items.slice(maxItems));
  holder.children = holder.children.filter((c) => !dropped.has(c as XmlElement));
  warnings.push(`too_many_items: kept the first ${maxItems} of ${items.length} items`);
}

function notAFeed(doc: XmlDocument, url: string): StorydeskError {
  const root = doc.roots[0];
  // Blank documents were refused as `empty` before parsing: text without any element is garbage.
  if (!root) return new StorydeskError('not_a_feed', 'not XML: the document holds no element at all', { permanent: true });
  const name = localName(root.name).toLowerCase();
  if (name === 'html' || doc.doctype === 'html') {
    const feeds = advertisedFeeds(doc.roots, url);
    const advice = feeds.length > 0 ? `; it advertises ${feeds.join(', ')}` : '; it advertises no feed';
    return new StorydeskError('not_a_feed', `an HTML page, not a feed${advice}`, { permanent: true });
  }
  if (name === 'entry') return new StorydeskError('not_a_feed', 'an Atom entry document, not a feed', { permanent: true });
  return new StorydeskError('not_a_feed', `root element <${root.name.slice(0, 64)}> is not RSS, RDF or Atom`, { permanent: true });
}

const FEED_TYPES = /^(application\/(rss|atom|rdf)\+xml|application\/(feed\+)?json|application\/xml|text\/xml)/i;

/** `<link rel="alternate" type="application/rss+xml" href>` of an HTML page, absolute. */
function advertisedFeeds(nodes: XmlNode[], url: string): string[] {
  const found: string[] = [];
  let base: string | null = url;
  const visit = (list: XmlNode[]): void => {
    for (const node of list) {
      if (typeof node === 'string') continue;
      const name = node.name.toLowerCase();
      if (name === 'base' && attr(node, 'href')) base = resolveUrl(attr(node, 'href') ?? '', url) ?? base;
      if (name === 'link') {
        const rel = (attr(node, 'rel') ?? '').toLowerCase().split(/\s+/);
        const href = attr(node, 'href');
        if (rel.includes('alternate') && href && FEED_TYPES.test(attr(node, 'type') ?? '')) {
          const absolute = resolveUrl(href, base) ?? href;
          if (!found.includes(absolute) && found.length < 10) found.push(absolute);
        }
      }
      visit(node.children);
    }
  };
  visit(nodes);
  return found;
}
