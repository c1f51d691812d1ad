/**
 * The story format (shared/story-format.md): plain UTF-8 text in five parts. This file holds the
 * document the format carries and the fixed pieces of its text; render-text.ts writes it and
 * parse-text.ts reads it back. Settled cases are written down in docs/story-format.md.
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
