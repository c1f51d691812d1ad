/** The story format as text (see story-document.ts): the Sources line, narrative lines, the whole story. */
import { BULLET, NARRATIVE_JOIN, type StoryDocument } from './story-document.js';

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
