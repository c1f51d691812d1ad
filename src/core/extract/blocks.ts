import type { AnyNode, Element } from 'domhandler';
import { isElement, isText } from './dom.js';
import { BLOCK_LEVEL, linkDensity, textLength, type StatsMap } from './stats.js';
import { normalizeSpace } from './text.js';

/** One block of the body: a paragraph, heading, list item, quote… */
export interface Block {
  text: string;
  /** The tag that opened the block (p, h2, li, div…). */
  tag: string;
  /** Share of the block's characters inside links. */
  linkDensity: number;
}

/** Containers dropped as a whole inside the article when they are mostly links. */
const LINK_LIST_TAGS = new Set(['ul', 'ol', 'dl', 'div', 'section', 'table', 'article', 'aside']);

/**
 * Walk the chosen content roots and cut their text into blocks at every block-level tag
 * and `<br>`. Link lists inside the article (related stories, tag clouds) are skipped.
 */
export function collectBlocks(roots: Element[], stats: StatsMap): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let tag = 'p';
  let chars = 0;
  let linkChars = 0;

  const flush = (): void => {
    if (parts.length > 0) {
      const text = normalizeSpace(parts.join(''));
      if (text) blocks.push({ text, tag, linkDensity: chars > 0 ? Math.min(1, linkChars / chars) : 0 });
    }
    parts = [];
    chars = 0;
    linkChars = 0;
  };

  const walk = (node: AnyNode, inLink: boolean, blockTag: string): void => {
    if (isText(node)) {
      const data = node.data;
      parts.push(data);
      const length = textLength(data);
      chars += length;
      if (inLink) linkChars += length;
      return;
    }
    if (!isElement(node)) return;
    const name = node.name;
    if (name === 'br') {
      flush();
      tag = blockTag;
      return;
    }
    if (LINK_LIST_TAGS.has(name) && isLinkList(node, stats)) return;
    if (BLOCK_LEVEL.has(name)) {
      flush();
      tag = name;
      for (const child of node.children) walk(child, inLink, name);
      flush();
      tag = blockTag;
      return;
    }
    // Inline image alt text and the like are not prose; only text nodes count.
    for (const child of node.children) walk(child, inLink || name === 'a', blockTag);
  };

  for (const root of roots) {
    flush();
    tag = root.name;
    walk(root, false, root.name);
    flush();
  }
  return blocks;
}

/** A container that is mostly links: related stories, tag lists, share rows. */
function isLinkList(element: Element, stats: StatsMap): boolean {
  const own = stats.get(element);
  if (!own || own.chars === 0) return false;
  const density = linkDensity(own);
  return density > 0.5 && own.paragraphs <= 1;
}
