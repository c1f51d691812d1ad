import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { classAndId, isElement, removeNode } from './dom.js';
import { BOILERPLATE_CLASS, BODY_CLASS } from './patterns.js';
import type { NodeStats, StatsMap } from './stats.js';

/** Tags that never hold article text. */
const REMOVE_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'nav',
  'aside',
  'footer',
  'header',
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'figcaption',
  'link',
  'meta',
  'dialog',
  'menu',
  'head',
  'map',
  'area',
]);

const LANDMARK_ROLES = /^(?:navigation|banner|contentinfo|complementary|dialog|alertdialog|search|menu|menubar|toolbar)$/;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/**
 * Remove page furniture in place: non-text tags, hidden and landmark elements, and subtrees
 * whose class/id names boilerplate. An element holding a large share of the page's text is
 * kept whatever its name (a `has-sidebar` page wrapper is not a sidebar), and so are the
 * outlet's keep nodes and their ancestors.
 */
export function removeBoilerplate(root: AnyNode, stats: StatsMap, page: NodeStats, protectedNodes: Set<AnyNode>): void {
  const doomed: AnyNode[] = [];
  const stack: AnyNode[] = 'children' in root ? [...root.children] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) {
      if (node.type === 'comment' || node.type === 'directive') doomed.push(node);
      continue;
    }
    if (!protectedNodes.has(node) && isBoilerplate(node, stats, page)) {
      doomed.push(node);
      continue;
    }
    for (const child of node.children) stack.push(child);
  }
  for (const node of doomed) removeNode(node);
}

function isBoilerplate(element: Element, stats: StatsMap, page: NodeStats): boolean {
  const name = element.name;
  if (name === 'html' || name === 'body') return false;
  if (REMOVE_TAGS.has(name)) return name !== 'header' && name !== 'footer' ? true : !isLarge(element, stats, page);
  const attribs = element.attribs;
  if (attribs.hidden !== undefined || attribs['aria-hidden'] === 'true' || (attribs.style && HIDDEN_STYLE.test(attribs.style))) return true;
  if (attribs.role && LANDMARK_ROLES.test(attribs.role)) return !isLarge(element, stats, page);
  if (name === 'form') return !isLarge(element, stats, page);
  const names = classAndId(element);
  if (!names || !BOILERPLATE_CLASS.test(names) || BODY_CLASS.test(names)) return false;
  return !isLarge(element, stats, page);
}

/** A third of the page's text or half its paragraph text: a wrapper, whatever it is called. */
function isLarge(element: Element, stats: StatsMap, page: NodeStats): boolean {
  const own = stats.get(element);
  if (!own) return false;
  return own.chars > page.chars / 3 || (page.paragraphChars > 0 && own.paragraphChars > page.paragraphChars / 2);
}

/** Remove the outlet's drop selectors; an invalid selector is ignored rather than fatal. */
export function applyDropHints($: CheerioAPI, drop: string[] | undefined): void {
  for (const selector of drop ?? []) {
    try {
      $(selector).remove();
    } catch {
      // Hints are config data: a bad selector must not stop extraction.
    }
  }
}

/** The first keep selector that matches an element with text, or null. */
export function findKeepNode($: CheerioAPI, keep: string[] | undefined): Element | null {
  for (const selector of keep ?? []) {
    try {
      const match = $(selector)
        .toArray()
        .find((element) => $(element).text().trim() !== '');
      if (match && isElement(match)) return match;
    } catch {
      // As above: ignore invalid selectors.
    }
  }
  return null;
}

/** A node and all its ancestors. */
export function withAncestors(node: AnyNode): Set<AnyNode> {
  const set = new Set<AnyNode>();
  for (let current: AnyNode | null = node; current; current = current.parent) set.add(current);
  return set;
}
