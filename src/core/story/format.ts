/**
 * The story format (shared/story-format.md): plain UTF-8 text in five parts. This file renders
 * it; parse.ts reads it back. Settled cases are written down in docs/story-format.md.
 */

/** A story as the format carries it: display names, not outlet ids. */
export interface StoryDocument {
  title: string;
  facts: string[];
  /** Outlets' display names, in order of first report. */
  sources: string[];
  narratives: { label: string; outlet: string; text: string }[];
  predictions: string[];
}

/** Two spaces, U+2022 BULLET, one space. */
export const BULLET = '  \u2022 ';
/** What joins a narrative's label to its outlet. */
export const NARRATIVE_JOIN = ' narrative, as provided by ';
/** The text an unfilled narrative slot prints, so exports stay valid. */
export const UNWRITTEN = '[to be written]';

/** The names as the Sources line lists them: "A", "A and B", "A, B, and C". */
export function sourcesList(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}

/**
 * The Sources line: "Sources: A.", "Sources: A and B.", "Sources: A, B, and C.". The closing
 * period is always added, even after a name ending in one ("Inc.."), so a parse gets the name back.
 */
export function sourcesLine(names: string[]): string {
  return `Sources: ${sourcesList(names)}.`;
}

/** One narrative line without its bullet: "<Label> narrative, as provided by <Outlet>. <text>". */
export function narrativeLine(n: { label: string; outlet: string; text: string }): string {
  return `${n.label}${NARRATIVE_JOIN}${n.outlet}. ${n.text}`;
}

/** The story as text, exactly in the format: no newline after the last line. */
export function renderStory(doc: StoryDocument): string {
  const lines = [
    doc.title,
    '',
    'Facts',
    '',
    ...doc.facts.map((f) => BULLET + f),
    '',
    sourcesLine(doc.sources),
    '',
    'Narratives',
    '',
    ...doc.narratives.map((n) => BULLET + narrativeLine(n)),
    '',
    'Predictions',
    ...doc.predictions.map((p) => BULLET + p),
  ];
  return lines.join('\n');
}

export { parseStory, type ParseResult, type FormatError, type ParseOptions } from './parse.js';
