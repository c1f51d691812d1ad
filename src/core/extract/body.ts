import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { ExtractionHints } from '../model/index.js';
import { collectBlocks } from './blocks.js';
import { applyDropHints, findKeepNode, removeBoilerplate, withAncestors } from './clean.js';
import { filterBlocks } from './filter.js';
import { selectContent } from './score.js';
import { computeStats } from './stats.js';

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
  const page = (body ? before.get(body) : undefined) ?? { chars: 0, linkChars: 0, commas: 0, paragraphs: 0, paragraphChars: 0 };
  removeBoilerplate(root, before, page, keep ? withAncestors(keep) : new Set());
  const stats = computeStats(root);
  const roots = keep ? [keep] : selectContent(root, stats);
  if (roots.length === 0) return { paragraphs: [], source: 'none' };
  return { paragraphs: filterBlocks(collectBlocks(roots, stats), title), source: keep ? 'hint' : 'score' };
}
