import type { AnyNode, Element } from 'domhandler';
import { classAndId, descendants, isElement, textContent } from './dom.js';
import { BODY_CLASS, NEGATIVE_CLASS, POSITIVE_CLASS } from './patterns.js';
import { linkDensity, textLength, type StatsMap } from './stats.js';

/** Elements whose own text is scored as a paragraph. */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'blockquote']);
/** Containers that act as paragraphs when they hold no blocks, or hold loose text (`text<br><br>`). */
const LOOSE_TEXT_TAGS = new Set(['div', 'section', 'article', 'main', 'center', 'li']);
const MIN_PARAGRAPH_CHARS = 25;
/** How far up a paragraph's score reaches, and how it fades with each level. */
const ANCESTOR_LEVELS = 5;

/** The tunable weights of the content score (measured on the benchmark, see bench/extract.ts). */
const SCORE_WEIGHTS = {
  classHint: 15,
  bodyClass: 40,
  siblingShare: 0.2,
};

/**
 * Content score, after Arc90/Readability: each paragraph scores 1 + its commas + one point
 * per 100 characters (max 3), given in full to its parent, half to its grandparent, and a
 * third of the level beyond; containers start from their tag and class/id hints. The best
 * container, weighted by (1 − link density), is the article, joined by those of its
 * siblings that score well or read as paragraphs themselves.
 */
export function selectContent(root: AnyNode, stats: StatsMap): Element[] {
  const scores = new Map<Element, number>();
  const all = descendants(root);
  for (const element of all) {
    const own = stats.get(element);
    if (!own) continue;
    const asParagraph = PARAGRAPH_TAGS.has(element.name) || (LOOSE_TEXT_TAGS.has(element.name) && !own.hasBlock);
    const chars = asParagraph ? own.chars : LOOSE_TEXT_TAGS.has(element.name) ? looseTextChars(element) : 0;
    if (chars < MIN_PARAGRAPH_CHARS) continue;
    const points = 1 + Math.min(own.commas, 30) + Math.min(Math.floor(chars / 100), 3);
    let ancestor = asParagraph ? element.parent : element;
    for (let level = 0; level < ANCESTOR_LEVELS && ancestor && isElement(ancestor); level++) {
      if (ancestor.name === 'body' || ancestor.name === 'html') break;
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, (scores.get(ancestor) ?? initialScore(ancestor)) + points / divider);
      ancestor = ancestor.parent;
    }
  }
  let top: Element | null = null;
  let topScore = -Infinity;
  for (const [element, score] of scores) {
    const final = score * (1 - linkDensity(stats.get(element)));
    scores.set(element, final);
    if (final > topScore) {
      top = element;
      topScore = final;
    }
  }
  if (!top) return [];
  return withTwins(top, withSiblings(top, topScore, scores, stats), all, stats);
}

/**
 * Pages that break the body up around ads or images repeat the body container: several
 * `<div class="article__body">` in a row, not always siblings. Every element of the top
 * container's tag and classes (numbered tokens aside) that is mostly prose joins it, in
 * document order.
 */
function withTwins(top: Element, selected: Element[], all: Element[], stats: StatsMap): Element[] {
  const cls = classKey(top);
  if (!cls) return selected;
  const chosen = new Set<AnyNode>(selected);
  const twins = all.filter(
    (element) =>
      element.name === top.name &&
      classKey(element) === cls &&
      !chosen.has(element) &&
      linkDensity(stats.get(element)) < 0.5 &&
      !related(element, chosen),
  );
  if (twins.length === 0) return selected;
  const order = new Map(all.map((element, index) => [element, index]));
  return [...selected, ...twins].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** The class attribute without tokens carrying numbers (post ids, "version-2"), sorted. */
function classKey(element: Element): string | undefined {
  const tokens = element.attribs.class?.split(/\s+/).filter((token) => token !== '' && !/\d/.test(token));
  return tokens && tokens.length > 0 ? tokens.sort().join(' ') : undefined;
}

/** Whether the element is inside, or contains, one of the chosen nodes. */
function related(element: Element, chosen: Set<AnyNode>): boolean {
  for (let node: AnyNode | null = element.parent; node; node = node.parent) if (chosen.has(node)) return true;
  for (const node of chosen) for (let up: AnyNode | null = node.parent; up; up = up.parent) if (up === element) return true;
  return false;
}

function withSiblings(top: Element, topScore: number, scores: Map<Element, number>, stats: StatsMap): Element[] {
  const parent = top.parent;
  if (!parent) return [top];
  const threshold = Math.max(10, topScore * SCORE_WEIGHTS.siblingShare);
  const out: Element[] = [];
  for (const sibling of parent.children) {
    if (!isElement(sibling)) continue;
    if (sibling === top || (scores.get(sibling) ?? 0) >= threshold || readsAsParagraph(sibling, stats)) out.push(sibling);
  }
  return out;
}

function readsAsParagraph(element: Element, stats: StatsMap): boolean {
  if (element.name !== 'p') return false;
  const own = stats.get(element);
  const chars = own?.chars ?? 0;
  const density = linkDensity(own);
  return (chars > 80 && density < 0.25) || (chars > 0 && density === 0 && chars <= 80 && /[.!?。]["”’]?\s*$/.test(textContent(element)));
}

function looseTextChars(element: Element): number {
  let chars = 0;
  for (const child of element.children) if (child.type === 'text') chars += textLength(child.data);
  return chars;
}

/** Starting score of a container from its tag and class/id. */
function initialScore(element: Element): number {
  let score = 0;
  switch (element.name) {
    case 'div':
    case 'article':
    case 'main':
    case 'section':
      score = 5;
      break;
    case 'pre':
    case 'td':
    case 'blockquote':
      score = 3;
      break;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      score = -3;
      break;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      score = -5;
      break;
  }
  return score + classWeight(element);
}

/** ± for positive/negative class and id words; more for the article body's own names. */
function classWeight(element: Element): number {
  let weight = 0;
  for (const value of [element.attribs.class, element.attribs.id]) {
    if (!value) continue;
    const lower = value.toLowerCase();
    if (NEGATIVE_CLASS.test(lower)) weight -= SCORE_WEIGHTS.classHint;
    if (POSITIVE_CLASS.test(lower)) weight += SCORE_WEIGHTS.classHint;
  }
  if (BODY_CLASS.test(classAndId(element)) || element.attribs.itemprop === 'articleBody') weight += SCORE_WEIGHTS.bodyClass;
  return weight;
}
