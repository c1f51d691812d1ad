import { BULLET, NARRATIVE_JOIN, type StoryDocument } from './story-document.js';

/** One thing that breaks the format, on a 1-based line. */
export interface FormatError {
  line: number;
  message: string;
}

/** What parseStory gives back: the story as far as it could be read, and what breaks the format. */
export interface ParseResult {
  doc: StoryDocument;
  errors: FormatError[];
}

/** Options of parseStory. */
export interface ParseOptions {
  /** Known outlet display names: resolve names that hold ", ", " and " or ". " (see docs/story-format.md). */
  outletNames?: string[];
}

type Section = 'facts' | 'sources' | 'narratives' | 'predictions';
const HEADINGS: Record<Exclude<Section, 'sources'>, string> = { facts: 'Facts', narratives: 'Narratives', predictions: 'Predictions' };

/** A line that is loosely the heading ("facts:", "## Facts"): we report it but still read the section. */
function looseHeading(line: string): string {
  return line
    .trim()
    .replace(/^#+\s*/, '')
    .replace(/:$/, '')
    .toLowerCase();
}

/**
 * Read a story in the format. Never throws: every deviation is an error with its line, and
 * the document holds whatever could still be read.
 */
export function parseStory(text: string, options: ParseOptions = {}): ParseResult {
  const errors: FormatError[] = [];
  const err = (index: number, message: string): void => {
    errors.push({ line: index + 1, message });
  };
  const doc: StoryDocument = { title: '', facts: [], sources: [], narratives: [], predictions: [] };
  const known = [...(options.outletNames ?? [])].sort((a, b) => b.length - a.length);

  let body = text;
  if (body.startsWith('\uFEFF')) {
    err(0, 'the file starts with a byte order mark (U+FEFF); save as plain UTF-8');
    body = body.slice(1);
  }
  const lines = body.split('\n');
  // One final line break is tolerated (editors add it); render writes none.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    if (line.endsWith('\r')) {
      err(i, 'line ends with a carriage return (CRLF); use LF line breaks');
      lines[i] = line.replace(/\r+$/, '');
    }
  });
  lines.forEach((line, i) => {
    if (line !== line.trimEnd()) err(i, 'trailing whitespace');
  });
  if (lines.length === 1 && lines[0] === '') {
    err(0, 'the file is empty');
    return { doc, errors };
  }

  // Anchors: title, Facts, Sources, Narratives, Predictions, each searched after the previous one.
  const find = (from: number, section: Section): number => {
    for (let i = from; i < lines.length; i++) {
      const line = lines[i]!;
      if (section === 'sources') {
        if (line.startsWith('Sources:')) return i;
        if (/^\s*sources\b/i.test(line)) {
          err(i, 'the Sources line must start with exactly "Sources: "');
          return i;
        }
      } else {
        if (line === HEADINGS[section]) return i;
        if (looseHeading(line) === HEADINGS[section].toLowerCase()) {
          err(i, `the heading must be exactly "${HEADINGS[section]}"`);
          return i;
        }
      }
    }
    return -1;
  };
  const anchors: Record<Section, number> = { facts: -1, sources: -1, narratives: -1, predictions: -1 };
  let from = 1;
  for (const section of ['facts', 'sources', 'narratives', 'predictions'] as Section[]) {
    const at = find(from, section);
    anchors[section] = at;
    if (at < 0) {
      const what = section === 'sources' ? 'the "Sources: …" line' : `the "${HEADINGS[section]}" heading`;
      err(Math.min(from, lines.length), `missing ${what}`);
    } else from = at + 1;
  }
  const end = lines.length;
  const next = (after: number): number => {
    const later = Object.values(anchors).filter((a) => a > after);
    return later.length ? Math.min(...later) : end;
  };

  // Title and the blank line after it.
  const title = lines[0]!;
  if (title.trim() === '') err(0, 'the first line must be the title');
  else if (/^\s/.test(title)) err(0, 'the title must not start with whitespace');
  else if (title.startsWith(BULLET.trim())) err(0, 'the first line must be the title, not a bullet');
  doc.title = title.trim();
  expectGap(lines, 1, next(0), 'the title', err);

  const readList = (start: number, stop: number, section: string, each: (content: string, i: number) => void): number => {
    let count = 0;
    for (let i = start; i < stop; i++) {
      const line = lines[i]!;
      if (line === '') {
        err(i, `blank line inside the ${section} list`);
        continue;
      }
      const content = bulletContent(line);
      if (content === null) {
        err(i, `expected a ${section} bullet: two spaces, "\u2022" (U+2022), one space, then the text${bulletHint(line)}`);
        continue;
      }
      if (content.trim() === '') {
        err(i, `empty ${section} bullet`);
        continue;
      }
      if (/^\s/.test(content)) err(i, 'exactly one space after the bullet');
      each(content.trim(), i);
      count++;
    }
    return count;
  };

  // Facts: heading, blank, bullets, blank.
  if (anchors.facts >= 0) {
    const stop = next(anchors.facts);
    const [first, last] = listBounds(lines, anchors.facts, stop, 'Facts', true, err);
    const n = readList(first, last, 'fact', (c) => doc.facts.push(c));
    if (n === 0) err(anchors.facts, 'Facts holds no fact');
  }

  // Sources: one line, then a blank line.
  if (anchors.sources >= 0) {
    doc.sources = parseSourcesLine(lines[anchors.sources]!, anchors.sources, known, err);
    expectGap(lines, anchors.sources + 1, next(anchors.sources), 'the Sources line', err);
  }

  // Narratives: heading, blank, bullets, blank.
  if (anchors.narratives >= 0) {
    const stop = next(anchors.narratives);
    const [first, last] = listBounds(lines, anchors.narratives, stop, 'Narratives', true, err);
    const n = readList(first, last, 'narrative', (c, i) => {
      const narrative = parseNarrative(c, i, known, err);
      if (narrative) doc.narratives.push(narrative);
    });
    if (n === 0) err(anchors.narratives, 'Narratives holds no narrative');
  }

  // Predictions: heading, bullets straight after it (none is fine), nothing after.
  if (anchors.predictions >= 0) {
    const p = anchors.predictions;
    let stop = end;
    while (stop > p + 1 && lines[stop - 1] === '')
      err(--stop, 'blank line at the end of the file (the last line is the last prediction, or the heading when there is none)');
    let start = p + 1;
    if (start < stop && lines[start] === '') err(start++, 'no blank line after "Predictions": its bullets follow the heading directly');
    readList(start, stop, 'prediction', (c) => doc.predictions.push(c));
  }
  errors.sort((a, b) => a.line - b.line);
  return { doc, errors };
}

/** The text after the bullet, or null when the line is no proper bullet. */
function bulletContent(line: string): string | null {
  return line.startsWith(BULLET) ? line.slice(BULLET.length) : null;
}

/** A hint for a near-miss bullet. */
function bulletHint(line: string): string {
  if (/^\s*[-*+]\s/.test(line)) return ` (found "${line.trim()[0]}" instead of "\u2022")`;
  if (/^\t/.test(line)) return ' (found a tab instead of two spaces)';
  if (/^\s*\u2022/.test(line)) return ' (the indentation or spacing around "\u2022" is off)';
  return '';
}

/**
 * For a section with a blank line after its heading: the range of its bullet lines, checking
 * the blank after the heading and the single blank line that closes it.
 */
function listBounds(
  lines: string[],
  heading: number,
  stop: number,
  name: string,
  blankAfterHeading: boolean,
  err: (i: number, m: string) => void,
): [number, number] {
  let first = heading + 1;
  if (blankAfterHeading) {
    if (lines[first] !== '' || first >= stop) err(first < stop ? first : heading, `expected a blank line after "${name}"`);
    else first++;
  }
  let last = stop;
  if (stop < lines.length) {
    if (lines[stop - 1] !== '' || stop - 1 < first) err(stop, `expected a blank line before this line`);
    else last = stop - 1;
  }
  return [first, Math.max(first, last)];
}

/** Between an anchor and the next, exactly one blank line. */
function expectGap(lines: string[], from: number, stop: number, after: string, err: (i: number, m: string) => void): void {
  if (from >= stop) {
    if (stop < lines.length) err(stop, `expected a blank line after ${after}`);
    return;
  }
  if (lines[from] !== '') err(from, `expected a blank line after ${after}`);
  for (let i = from + 1; i < stop; i++) {
    err(i, lines[i] === '' ? 'one blank line only between parts' : 'unexpected line: not part of any section');
  }
}

/** Split "A", "A and B" or "A, B, and C" into names. */
export function splitSourcesList(list: string, known: string[] = []): { names: string[]; problem: string | null } {
  const byKnown = splitByKnownNames(list, known);
  if (byKnown) return { names: byKnown, problem: null };
  if (list.includes(', and ')) {
    const cut = list.lastIndexOf(', and ');
    const head = list.slice(0, cut).split(', ');
    const names = [...head, list.slice(cut + ', and '.length)];
    return { names, problem: names.length === 2 ? 'two sources take no comma: "A and B"' : null };
  }
  if (list.includes(', ')) {
    const parts = list.split(', ');
    const lastPart = parts[parts.length - 1]!;
    const and = lastPart.indexOf(' and ');
    if (and >= 0) {
      const names = [...parts.slice(0, -1), lastPart.slice(0, and), lastPart.slice(and + 5)];
      return { names, problem: 'three or more sources need the Oxford comma: "A, B, and C"' };
    }
    return { names: parts, problem: 'the last source must follow ", and "' };
  }
  const and = list.indexOf(' and ');
  if (and >= 0) return { names: [list.slice(0, and), list.slice(and + 5)], problem: null };
  return { names: [list], problem: null };
}

/** Resolve the list with known names (longest first); null when the known names do not cover it. */
function splitByKnownNames(list: string, known: string[]): string[] | null {
  if (known.length === 0) return null;
  const names: string[] = [];
  let rest = list;
  while (rest.length > 0) {
    const name = known.find((k) => rest === k || rest.startsWith(k + ', ') || rest.startsWith(k + ' and '));
    if (!name) return null;
    names.push(name);
    rest = rest.slice(name.length);
    if (rest.startsWith(', and ')) rest = rest.slice(6);
    else if (rest.startsWith(', ')) rest = rest.slice(2);
    else if (rest.startsWith(' and ')) rest = rest.slice(5);
  }
  // The separators must still make the list's form.
  const form =
    names.length === 1
      ? names[0]
      : names.length === 2
        ? `${names[0]} and ${names[1]}`
        : `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
  return form === list ? names : null;
}

function parseSourcesLine(line: string, index: number, known: string[], err: (i: number, m: string) => void): string[] {
  const prefix = 'Sources: ';
  if (!line.startsWith(prefix)) {
    if (line.startsWith('Sources:')) err(index, 'exactly one space after "Sources:"');
    return [];
  }
  let list = line.slice(prefix.length);
  if (!list.endsWith('.')) err(index, 'the Sources line must end with a period');
  else list = list.slice(0, -1);
  if (list.trim() === '') {
    err(index, 'no sources listed');
    return [];
  }
  const { names, problem } = splitSourcesList(list, known);
  if (problem) err(index, problem);
  if (names.some((n) => n.trim() === '' || n !== n.trim())) err(index, 'a source name is empty or has stray spaces');
  return names.map((n) => n.trim()).filter(Boolean);
}

// A ". " right after an initial or a dotted acronym ("U.S. News") is inside a name, not its end.
const INSIDE_NAME = /(?:^|[\s.])(?:\p{Lu}|\p{L}(?:\.\p{L})+)$/u;

/** Split "<Outlet>. <text>" using known names first, else at the first ". " that is not inside a name. */
export function splitOutletAndText(rest: string, known: string[] = []): { outlet: string; text: string } | null {
  const name = known.find((k) => rest.startsWith(k + '. '));
  if (name) return { outlet: name, text: rest.slice(name.length + 2) };
  for (let at = rest.indexOf('. '); at >= 0; at = rest.indexOf('. ', at + 1)) {
    if (INSIDE_NAME.test(rest.slice(0, at))) continue;
    return { outlet: rest.slice(0, at), text: rest.slice(at + 2) };
  }
  return null;
}

function parseNarrative(
  content: string,
  index: number,
  known: string[],
  err: (i: number, m: string) => void,
): { label: string; outlet: string; text: string } | null {
  const join = content.indexOf(NARRATIVE_JOIN);
  if (join < 0) {
    err(index, `expected "<Label>${NARRATIVE_JOIN}<Outlet>. <text>"`);
    return null;
  }
  const label = content.slice(0, join);
  if (label.trim() === '') err(index, 'the narrative has no perspective label');
  const rest = content.slice(join + NARRATIVE_JOIN.length);
  const split = splitOutletAndText(rest, known);
  if (!split) {
    const outlet = rest.endsWith('.') ? rest.slice(0, -1) : rest;
    err(index, `the narrative has no text after "${outlet}." (an unfilled slot reads "[to be written]")`);
    return { label, outlet, text: '' };
  }
  if (split.outlet.trim() === '') err(index, 'the narrative names no outlet');
  if (split.text.trim() === '') err(index, 'the narrative has no text (an unfilled slot reads "[to be written]")');
  return { label, outlet: split.outlet, text: split.text };
}
