import type { Block } from './blocks.js';
import { BOILERPLATE_LINE, BYLINE_LINE, DATELINE, SIGN_OFF_LINE } from './patterns.js';

/** Longest block that can still be a furniture line ("Advertisement", "Read more: …"). */
const MAX_FURNITURE_CHARS = 120;
/** Longest block that can be a sign-off line ("Follow us on…", "Copyright ©…"). */
const MAX_SIGN_OFF_CHARS = 300;
/** Shortest block whose repetition counts as a duplicate. */
const MIN_DUPLICATE_CHARS = 60;

/**
 * Keep the blocks that are article text: not mostly links, not a furniture line, not the
 * headline repeated, not a duplicate of an earlier block (pull quotes, sticky teasers).
 */
export function filterBlocks(blocks: Block[], title: string | null): string[] {
  const seen = new Set<string>();
  const normalizedTitle = title ? comparable(title) : null;
  const out: Block[] = [];
  for (const [index, block] of blocks.entries()) {
    const key = comparable(block.text);
    if (!key) continue;
    if (block.linkDensity > 0.5) continue;
    if (
      block.text.length <= MAX_FURNITURE_CHARS &&
      (BOILERPLATE_LINE.test(block.text) || (block.text.length <= 60 && DATELINE.test(block.text)))
    )
      continue;
    if (block.text.length <= MAX_SIGN_OFF_CHARS && SIGN_OFF_LINE.test(block.text)) continue;
    if (block.text.length <= MAX_FURNITURE_CHARS && BYLINE_LINE.test(block.text)) continue;
    // The headline repeated at the top of the body (as h1, or as a bold line on older pages).
    if (
      normalizedTitle !== null &&
      (index < 3 || block.tag === 'h1') &&
      (key === normalizedTitle || (block.tag === 'h1' && normalizedTitle.includes(key)))
    )
      continue;
    // Repeated long blocks are pull quotes and sticky teasers; short ones ("Meal 2") are structure.
    if (key.length >= MIN_DUPLICATE_CHARS && seen.has(key)) continue;
    seen.add(key);
    out.push(block);
  }
  // A heading with nothing after it introduces what was removed ("More stories", "Comments").
  while (out.length > 0 && HEADING.test(out[out.length - 1]!.tag)) out.pop();
  return out.map((block) => block.text);
}

const HEADING = /^h[1-6]$/;

/** Letters and digits only, lower-cased: the form in which two blocks count as the same text. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
