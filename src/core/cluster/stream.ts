import { StorydeskError } from '../model/errors.js';
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
}

const optionalString = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

/**
 * Reads one JSON Lines record {id, title, text, date, lang, outlet[, canonicalUrl | url]};
 * other fields (a gold label, say) are ignored. Throws `input_invalid` with the line number.
 */
export function parseStreamLine(line: string, lineNo: number): ClusterArticle {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    throw new StorydeskError('input_invalid', `line ${lineNo}: not JSON`, { permanent: true });
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    throw new StorydeskError('input_invalid', `line ${lineNo}: expected a JSON object`, { permanent: true });
  }
  const r = record as Record<string, unknown>;
  const id = typeof r.id === 'number' ? String(r.id) : optionalString(r.id);
  if (!id) throw new StorydeskError('input_invalid', `line ${lineNo}: missing "id"`, { permanent: true });
  const title = typeof r.title === 'string' ? r.title : '';
  const text = typeof r.text === 'string' ? r.text : '';
  const date = optionalString(r.date);
  if (date !== null && !Number.isFinite(Date.parse(date))) {
    throw new StorydeskError('input_invalid', `line ${lineNo}: article ${id} has an unreadable date "${date.slice(0, 40)}"`, {
      permanent: true,
    });
  }
  return {
    id,
    title,
    text,
    date,
    lang: optionalString(r.lang),
    outlet: optionalString(r.outlet),
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
    if (!line.trim()) continue;
    const article = parseStreamLine(line, lineNo);
    const assignment = clusterer.add(article);
    if (options.onAssignment) await options.onAssignment(article, assignment);
    yield { id: article.id, cluster: assignment.storyId };
  }
}
