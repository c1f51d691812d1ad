import type { AnyNode, Element } from 'domhandler';
import { isElement } from './dom.js';

/** Text figures of one element's subtree, gathered in a single bottom-up pass. */
export interface NodeStats {
  /** Characters of text (whitespace runs count as one). */
  chars: number;
  /** Of which inside links. */
  linkChars: number;
  /** Commas (Latin and CJK), a sign of prose. */
  commas: number;
  /** `<p>` descendants. */
  paragraphs: number;
  /** Characters inside `<p>` elements: where article prose lives. */
  paragraphChars: number;
  /** Some descendant is a block-level element (so this is not itself a paragraph). */
  hasBlock: boolean;
}

/** Block-level tags, for telling a paragraph-like `<div>` from a container. */
export const BLOCK_LEVEL = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'figure',
  'hr',
  'address',
  'center',
  'details',
  'summary',
  'caption',
  'fieldset',
  'legend',
  'header',
  'footer',
  'aside',
  'nav',
  'form',
  'hgroup',
]);

export type StatsMap = Map<Element, NodeStats>;

/** Elements whose text is code or markup, not reading matter: they get no stats at all. */
const NON_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'textarea', 'select', 'option']);

const COMMAS = /[,，、،]/g;

/** Compute stats for every element under root (iterative post-order). */
export function computeStats(root: AnyNode): StatsMap {
  const stats: StatsMap = new Map();
  const stack: Array<{ node: AnyNode; visited: boolean }> = [{ node: root, visited: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const node = top.node;
    if (!top.visited && 'children' in node) {
      top.visited = true;
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, visited: false });
      continue;
    }
    stack.pop();
    if (!isElement(node)) continue;
    if (NON_TEXT.has(node.name)) continue;
    const own: NodeStats = { chars: 0, linkChars: 0, commas: 0, paragraphs: node.name === 'p' ? 1 : 0, paragraphChars: 0, hasBlock: false };
    for (const child of node.children) {
      if (child.type === 'text' && node.type === 'tag') {
        const length = textLength(child.data);
        own.chars += length;
        if (length > 0) own.commas += child.data.match(COMMAS)?.length ?? 0;
      } else if (isElement(child)) {
        const sub = stats.get(child);
        if (!sub) continue;
        own.chars += sub.chars;
        own.linkChars += child.name === 'a' ? sub.chars : sub.linkChars;
        own.commas += sub.commas;
        own.paragraphs += sub.paragraphs;
        own.paragraphChars += sub.paragraphChars;
        if (sub.hasBlock || BLOCK_LEVEL.has(child.name)) own.hasBlock = true;
      }
    }
    if (node.name === 'p') own.paragraphChars = own.chars;
    stats.set(node, own);
  }
  return stats;
}

/** Length of a text node with whitespace runs counted once and ends trimmed. */
export function textLength(data: string): number {
  let length = 0;
  let inSpace = true;
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    const space = code === 32 || code === 10 || code === 9 || code === 13 || code === 160;
    if (space) {
      if (!inSpace) length++;
      inSpace = true;
    } else {
      length++;
      inSpace = false;
    }
  }
  return inSpace && length > 0 ? length - 1 : length;
}

/** Share of a node's text inside links (0 for empty nodes). */
export function linkDensity(stats: NodeStats | undefined): number {
  return stats && stats.chars > 0 ? stats.linkChars / stats.chars : 0;
}
