import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { ExtractionHints } from '../model/index.js';
import { collectBlocks } from './blocks.js';
import { applyDropHints, findKeepNode, removeBoilerplate, withAncestors } from './clean.js';
import { filterBlocks } from './filter.js';
import { selectContent } from './score.js';
import { classAndId, descendants } from './dom.js';
import { BODY_CLASS } from './patterns.js';
import { computeStats, type StatsMap } from './stats.js';

/** Where the body text came from. */
export type BodySource = 'hint' | 'score' | 'none';

/** The body as blocks, and how it was found. */
export interface BodyResult {
  paragraphs: string[];
  source: BodySource;
}

/**
 * The page's main text, from the loaded document (mutated: furniture is removed in place).
 * Outlet hints come first: drop selectors, then a keep selector as the container; without
 * one, the content score picks the container.
 */
export function extractDomBody($: CheerioAPI, hints: ExtractionHints | undefined, title: string | null): BodyResult {
  applyDropHints($, hints?.drop);
  const root = $.root()[0]! as AnyNode;
  const keep = findKeepNode($, hints?.keep);
  const before = computeStats(root);
  const body = $('body')[0];
  const page = (body ? before.get(body) : undefined) ?? {
    chars: 0,
    linkChars: 0,
    commas: 0,
    paragraphs: 0,
    paragraphChars: 0,
    hasBlock: false,
  };
  const anchor = keep ?? largestBodyContainer(root, before);
  removeBoilerplate(root, before, page, anchor ? withAncestors(anchor) : new Set());
  const stats = computeStats(root);
  const roots = keep ? [keep] : selectContent(root, stats);
  if (roots.length === 0) return { paragraphs: [], source: 'none' };
  return { paragraphs: filterBlocks(collectBlocks(roots, stats), title), source: keep ? 'hint' : 'score' };
}

/**
 * The element named as the article body (itemprop=articleBody or a body class) with the most
 * paragraph text. It and its ancestors survive furniture removal whatever their own names
 * (Blogger wraps every post in a "widget").
 */
function largestBodyContainer(root: AnyNode, stats: StatsMap): Element | null {
  let best: Element | null = null;
  let bestChars = 0;
  for (const element of descendants(root)) {
    if (element.attribs.itemprop !== 'articleBody' && !BODY_CLASS.test(classAndId(element))) continue;
    const own = stats.get(element);
    // Paragraph text first; old CMSs write paragraphs as divs and spans, so all text breaks ties.
    const chars = own ? own.paragraphChars * 4 + own.chars : 0;
    if (chars > bestChars) {
      best = element;
      bestChars = chars;
    }
  }
  return best;
}
