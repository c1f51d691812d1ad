import { skipOnProblem, StorydeskError, type ProblemHandler } from '../model/errors.js';
import { plainParagraphs, withoutOutletSuffix } from '../poll/plain-text.js';
import { createClusterer, type Assignment, type ClusterArticle, type Clusterer } from './clusterer.js';
import type { ClusterOptionsInput } from './options.js';

/** One line of output: the article and the story it went to. */
export interface StreamPrediction {
  id: string;
  cluster: string;
}

/** How clusterStream runs. */
export interface ClusterStreamOptions {
  /** The clusterer to feed (a restored one, say); a fresh one with `clusterOptions` when absent. */
  clusterer?: Clusterer;
  clusterOptions?: ClusterOptionsInput;
  /** Called after each placement, before the prediction is yielded: the hook `--store` writes through. */
  onAssignment?: (article: ClusterArticle, assignment: Assignment) => void | Promise<void>;
  /**
   * Where a bad line is reported; the stream then goes on (see parseStreamLine). Without it the
   * first bad line throws.
   */
  onProblem?: ProblemHandler;
}

const optionalString = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

/**
 * A Unix time as an ISO date: seconds below 10^11 (until the year 5138), milliseconds above (a
 * stream exported from a database or a crawler often dates its records so). Not finite: "NaN",
 * which the date check then reports.
 */
function epochDate(value: number): string {
  const ms = Math.abs(value) < 1e11 ? value * 1000 : value;
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date.toISOString() : 'NaN';
}

/**
 * Reads one JSON Lines record {id, title, text, date, lang, outlet[, canonicalUrl | url]};
 * other fields (a gold label, say) are ignored, and a byte-order mark before the record too.
 * HTML in a title or text (tags, character references) is read as plain text (plainParagraphs),
 * and a title's closing " - <outlet>" as the headline alone (withoutOutletSuffix); a date may be
 * ISO 8601 (or anything Date.parse reads) or a Unix time in seconds or milliseconds.
 * Throws `input_invalid` with the line number. An unreadable date is reported to `onProblem`,
 * when given, and the article is read as undated: its text still places it.
 */
export function parseStreamLine(line: string, lineNo: number, onProblem?: ProblemHandler): ClusterArticle {
  let record: unknown;
  try {
    record = JSON.parse(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);
  } catch {
    throw new StorydeskError('input_invalid', `line ${lineNo}: not JSON`, { permanent: true });
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    throw new StorydeskError('input_invalid', `line ${lineNo}: expected a JSON object`, { permanent: true });
  }
  const r = record as Record<string, unknown>;
  const id = typeof r.id === 'number' ? String(r.id) : optionalString(r.id);
  if (!id) throw new StorydeskError('input_invalid', `line ${lineNo}: missing "id"`, { permanent: true });
  const outlet = optionalString(r.outlet);
  const title = typeof r.title === 'string' ? withoutOutletSuffix(plainParagraphs(r.title), outlet) : '';
  const text = typeof r.text === 'string' ? plainParagraphs(r.text) : '';
  let date = typeof r.date === 'number' ? epochDate(r.date) : optionalString(r.date);
  if (date !== null && !Number.isFinite(Date.parse(date))) {
    const why = `line ${lineNo}: article ${id} has an unreadable date "${date.slice(0, 40)}"`;
    if (!onProblem) throw new StorydeskError('input_invalid', why, { permanent: true });
    onProblem(new StorydeskError('input_invalid', `${why}; placed as undated`, { permanent: true }));
    date = null;
  }
  return {
    id,
    title,
    text,
    date,
    lang: optionalString(r.lang),
    outlet,
    canonicalUrl: optionalString(r.canonicalUrl) ?? optionalString(r.url),
  };
}

/**
 * Clusters a JSON Lines stream of articles in order and yields {id, cluster} per article.
 * `storydesk cluster` and the benchmark both run through here, so they measure the same code.
 */
export async function* clusterStream(
  lines: AsyncIterable<string> | Iterable<string>,
  options: ClusterStreamOptions = {},
): AsyncGenerator<StreamPrediction> {
  // A clusterer made here is never persisted unless a hook is given, so it keeps no change sets.
  const clusterer = options.clusterer ?? createClusterer({ trackChanges: options.onAssignment !== undefined, ...options.clusterOptions });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    const article = readLine(line, lineNo, options.onProblem);
    if (!article) continue;
    const assignment = clusterer.add(article);
    if (options.onAssignment) await options.onAssignment(article, assignment);
    yield { id: article.id, cluster: assignment.storyId };
  }
}

/**
 * One line of a stream as an article, or null for a blank line or, when a problem handler is
 * given, a bad one (reported there): a stream of thousands does not stop at one broken record.
 */
export function readLine(line: string, lineNo: number, onProblem?: ProblemHandler): ClusterArticle | null {
  if (!line.trim()) return null;
  return skipOnProblem(() => parseStreamLine(line, lineNo, onProblem), onProblem);
}
