import { decodeBytes } from '../charset/decode.js';
import { StorydeskError, type Outlet } from '../model/index.js';
import { attr, childElements, localName } from './feed-root.js';
import { resolveUrl } from './resolve-url.js';
import { escapeAttribute, escapeText } from './xml-serialize.js';
import { readXml, type XmlElement } from './xml-tree.js';

/** One feed subscription of an OPML file. */
export interface OpmlFeed {
  title: string;
  xmlUrl: string;
  htmlUrl: string | null;
  /** Names of the enclosing category outlines, outermost first (e.g. ["News", "Asia"]). */
  categories: string[];
}

/**
 * OPML (the feed readers' subscription list) → its feeds: every `<outline>` with an http(s)
 * `xmlUrl`, in document order, deduplicated by URL; outlines without one are categories.
 * Attribute names are matched case-insensitively (`xmlURL` occurs). Throws `not_opml`.
 */
export function parseOpml(input: string | Uint8Array): OpmlFeed[] {
  const text = typeof input === 'string' ? input : decodeBytes(input, { kind: 'xml' }).text;
  const root = readXml(text).roots.find((r) => localName(r.name).toLowerCase() === 'opml');
  if (!root) throw new StorydeskError('not_opml', 'the document has no <opml> root element', { permanent: true });
  const body = childElements(root).find((e) => e.name.toLowerCase() === 'body') ?? root;
  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const visit = (element: XmlElement, categories: string[]): void => {
    for (const outline of childElements(element).filter((e) => e.name.toLowerCase() === 'outline')) {
      const title = (attrIgnoreCase(outline, 'title') ?? attrIgnoreCase(outline, 'text') ?? '').trim();
      const xmlUrl = resolveUrl(attrIgnoreCase(outline, 'xmlUrl') ?? '', null);
      if (xmlUrl && !seen.has(xmlUrl)) {
        seen.add(xmlUrl);
        feeds.push({ title: title || xmlUrl, xmlUrl, htmlUrl: resolveUrl(attrIgnoreCase(outline, 'htmlUrl') ?? '', null), categories });
      }
      visit(outline, xmlUrl ? categories : title ? [...categories, title] : categories);
    }
  };
  visit(body, []);
  return feeds;
}

function attrIgnoreCase(element: XmlElement, name: string): string | null {
  const lower = name.toLowerCase();
  return attr(element, name) ?? element.attrs.find(([n]) => n.toLowerCase() === lower)?.[1] ?? null;
}

/**
 * Outlets and their feeds → OPML 2.0: one category outline per outlet (its display name),
 * one `type="rss"` outline per feed with `xmlUrl` and the outlet's homepage as `htmlUrl`.
 */
export function renderOpml(outlets: readonly Outlet[], options: { title: string; now: Date }): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeText(options.title)}</title>`,
    `    <dateCreated>${options.now.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
  ];
  for (const outlet of outlets) {
    lines.push(`    <outline text="${escapeAttribute(outlet.name)}" title="${escapeAttribute(outlet.name)}">`);
    for (const feed of outlet.feeds) {
      const title = outlet.feeds.length > 1 ? `${outlet.name} (${feed.id})` : outlet.name;
      lines.push(
        `      <outline type="rss" text="${escapeAttribute(title)}" title="${escapeAttribute(title)}" xmlUrl="${escapeAttribute(feed.url)}" htmlUrl="${escapeAttribute(outlet.homepage)}"/>`,
      );
    }
    lines.push('    </outline>');
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
