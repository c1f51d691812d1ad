import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { decodeBytes } from '../charset/decode.js';
import { flattenDeepNesting } from './nesting.js';
import type { ExtractLimits } from './options.js';

const PARSE_OPTIONS = { xml: { xmlMode: false, decodeEntities: true } };
const MAX_TOP_LEVEL = 64;

/** Bytes or text → HTML text, decoded with the shared charset rules. */
export function decodeInput(input: string | Uint8Array, contentType: string | null | undefined): string {
  return typeof input === 'string' ? input : decodeBytes(input, { contentType, kind: 'html' }).text;
}

/**
 * Parse once with cheerio. htmlparser2 rather than parse5: about five times faster on news
 * pages, and its implied-end-tag rules are enough for text extraction. The input is capped
 * and nesting cut at `maxDepth` (in the markup, then in the tree for what the parser nests
 * implicitly), so neither parsing nor any later walk can run long or overflow the stack.
 */
export function loadDocument(html: string, limits: ExtractLimits): CheerioAPI {
  const capped = flattenDeepNesting(html.length > limits.maxInputChars ? html.slice(0, limits.maxInputChars) : html, limits.maxDepth);
  let $ = cheerio.load(capped, PARSE_OPTIONS);
  // htmlparser2 adds no implied <html>/<body>: a fragment of thousands of top-level elements
  // would make every selection quadratic (cheerio de-duplicates its context), so wrap it.
  if ($.root()[0]!.children.length > MAX_TOP_LEVEL) $ = cheerio.load(`<body>${capped}</body>`, PARSE_OPTIONS);
  pruneDepth($.root()[0]!, limits.maxDepth);
  return $;
}

/** Drop every subtree deeper than `maxDepth` (iterative: the tree may be arbitrarily deep). */
function pruneDepth(root: AnyNode, maxDepth: number): void {
  const stack: Array<[AnyNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!('children' in node)) continue;
    if (depth >= maxDepth) {
      for (const child of node.children) child.parent = null;
      node.children = [];
      continue;
    }
    for (const child of node.children) stack.push([child, depth + 1]);
  }
}
