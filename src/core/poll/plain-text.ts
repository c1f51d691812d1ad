import { load } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';
import { flattenDeepNesting } from '../extract/nesting.js';
import { repairMojibake } from './mojibake.js';

const BLOCKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'tr',
  'td',
  'th',
  'table',
  'section',
  'article',
  'figure',
  'figcaption',
  'pre',
  'hr',
  'dd',
  'dt',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'iframe', 'template', 'head', 'object', 'svg']);

/** Collapse runs of white space (including no-break spaces) to one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return repairMojibake(text)
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

/**
 * HTML (a feed's description, an Atom `type="html"` title) → plain text: tags stripped,
 * entities decoded, block elements separated by a space, scripts and styles dropped.
 */
const MAX_DEPTH = 256;

export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  // Only complete references are references: `?page=1&copy=2` in a URL is not "©=2".
  const escaped = html.replace(/&(?![a-z][a-z0-9]*;|#[0-9]+;|#x[0-9a-f]+;)/gi, '&amp;');
  // Tags nested deeper than MAX_DEPTH are dropped (their text kept) before parsing: the parser's
  // open-element stack makes a summary of 100,000 nested or self-closed tags cost it quadratic
  // time (a fuzzed 1 MB feed took 7 s of CPU), and the walk below could not reach their text.
  const $ = load(flattenDeepNesting(escaped, MAX_DEPTH), null, false);
  const parts: string[] = [];
  // Text nested deeper than this is dropped: whatever nesting the parser still builds must not
  // overflow the stack (the feed reader's own depth limit does not reach inside CDATA).
  const walk = (nodes: AnyNode[], depth = 0): void => {
    if (depth > MAX_DEPTH) return;
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.data);
      else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        if (SKIP.has(node.name)) continue;
        const block = BLOCKS.has(node.name);
        if (block) parts.push(' ');
        walk(node.children, depth + 1);
        if (block) parts.push(' ');
      } else if (node.type === 'cdata' || node.type === 'root') {
        walk(node.children, depth + 1);
      }
    }
  };
  walk($.root().contents().toArray());
  return collapseWhitespace(parts.join(''));
}

/**
 * A text that may carry HTML (a JSON Lines record copied from a feed: "Trump&#39;s", "&amp;",
 * "<p>…</p>") → plain text with its paragraphs (blank lines) kept; a text with no tag and no
 * character reference comes back as it is. Read raw, "&#39;" would be the word "39" and "&quot;" the word "quot".
 */
export function plainParagraphs(text: string): string {
  // Only a tag or a complete character reference is markup: "AT&T" and "a < b" stay as they are.
  if (!/<[a-z/!]|&(?:[a-z][a-z0-9]*|#[0-9]+|#x[0-9a-f]+);/i.test(text)) return text;
  const paragraphs = /<\/?(?:p|div|br|li|h[1-6]|blockquote)\b/i.test(text)
    ? text.replace(/<\/?(?:p|div|br|li|h[1-6]|blockquote)\b[^>]*>/gi, '\n\n')
    : text;
  return paragraphs
    .split(/\n\s*\n/)
    .map(htmlToText)
    .filter((p) => p !== '')
    .join('\n\n');
}

/**
 * A headline without the outlet's name that an aggregator or a page title appends ("Fed raises
 * rates - Reuters", "… | The Guardian"): in a stream of many outlets that name is a word every
 * one of the outlet's headlines shares, whatever its story. Only a name equal to `outlet` goes.
 */
export function withoutOutletSuffix(title: string, outlet: string | null): string {
  if (!outlet) return title;
  const m = /^(.+?)\s+[-|–—:]\s+([^-|–—:]+)$/u.exec(title.trim());
  const key = (t: string) =>
    t
      .toLowerCase()
      .replace(/^the\s+/u, '')
      .replace(/[^\p{L}\p{N}]+/gu, '');
  return m && key(m[2]!) !== '' && key(m[2]!) === key(outlet) ? m[1]! : title;
}

/** Cut plain text to `max` characters at a word boundary, with an ellipsis. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}
