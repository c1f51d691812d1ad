import { plainParagraphs, withoutOutletSuffix } from '../../poll/plain-text.js';
import { articleIdFor, skipOnProblem, StorydeskError, type Article, type Outlet, type ProblemHandler } from '../../model/index.js';
import { sourcesLine } from '../format/render-text.js';
import { suggestStory, type SuggestOptions } from './suggest-story.js';
import { outletIdFromName, synthesiseOutlet } from './synthetic-outlet.js';

/** One line of a `storydesk suggest` input: an article already assigned to a group. */
export interface StreamArticle {
  cluster: string;
  outlet: string;
  title: string;
  text: string;
  lean?: string | null;
  /** Tag such as OPINION or ANALYSIS: the piece argues rather than reports. */
  label?: string | null;
  id?: string;
  /** Day or time of the article (ISO); orders first reports. */
  date?: string | null;
  published?: string | null;
}

/** What `storydesk suggest` prints for one group. */
export interface SuggestLine {
  cluster: string;
  title: string;
  facts: { text: string; outlets: string[] }[];
  sources: string[];
  sourcesLine: string;
  narratives: { label: string; outlet: string; excerpts: string[] }[];
  predictions: { text: string; outlet: string }[];
}

function requireString(o: Record<string, unknown>, key: string, line: number): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '') {
    throw new StorydeskError('input_invalid', `line ${line}: "${key}" must be a non-empty string`, { permanent: true });
  }
  return v;
}

/** A title or text: a string, possibly empty; anything else is a problem, read as empty when there is a handler. */
function textField(o: Record<string, unknown>, key: 'title' | 'text', line: number, onProblem: ProblemHandler | undefined): string {
  const v = o[key];
  // HTML copied from a feed ("&#39;", "<p>") is read as the plain text it shows.
  if (typeof v === 'string') return plainParagraphs(v);
  const problem = new StorydeskError('input_invalid', `line ${line}: "${key}" must be a string`, { permanent: true });
  if (!onProblem) throw problem;
  onProblem(new StorydeskError(problem.code, `${problem.message}; read as empty`, { permanent: true }));
  return '';
}

const optional = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/**
 * Parses JSON Lines input (blank lines and a byte-order mark skipped). Without `onProblem` the first
 * bad line throws StorydeskError `input_invalid` naming it. With it, each problem is reported there
 * and parsing goes on: a line that is not a JSON object, or has no cluster or outlet, is skipped; a
 * missing title or text is read as empty (a headline alone still gives facts).
 */
export function parseSuggestInput(text: string, onProblem?: ProblemHandler): StreamArticle[] {
  const out: StreamArticle[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      const article = skipOnProblem(() => parseLine(raw, i + 1, onProblem), onProblem);
      if (article) out.push(article);
    });
  return out;
}

function parseLine(raw: string, line: number, onProblem: ProblemHandler | undefined): StreamArticle {
  let o: unknown;
  try {
    o = JSON.parse(raw);
  } catch {
    throw new StorydeskError('input_invalid', `line ${line}: not valid JSON`, { permanent: true });
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o))
    throw new StorydeskError('input_invalid', `line ${line}: expected a JSON object`, { permanent: true });
  const r = o as Record<string, unknown>;
  const cluster = typeof r.cluster === 'number' ? String(r.cluster) : requireString(r, 'cluster', line);
  const outlet = requireString(r, 'outlet', line);
  return {
    cluster,
    outlet,
    title: withoutOutletSuffix(textField(r, 'title', line, onProblem), outlet),
    text: textField(r, 'text', line, onProblem),
    lean: optional(r.lean),
    label: optional(r.label),
    id: optional(r.id) ?? undefined,
    date: optional(r.date),
    published: optional(r.published),
  };
}

/** An Article for a stream line (ids from the line's id or its place in the stream). */
function toArticle(s: StreamArticle, index: number, outletId: string): Article {
  const id = s.id ?? articleIdFor(`suggest:${s.cluster}:${index}`);
  return {
    id,
    outletId,
    feedId: '',
    url: '',
    canonicalUrl: '',
    title: s.title,
    byline: null,
    published: s.published ?? s.date ?? '',
    modified: null,
    lang: 'en',
    description: null,
    image: null,
    section: s.label ?? null,
    text: s.text,
    summary: '',
    outcome: 'article',
    fetchedAt: '',
  };
}

/** The articles of one group of a `storydesk suggest` input, with their outlets and the leans given. */
export interface StreamGroup {
  articles: Article[];
  outlets: Map<string, Outlet>;
  leans: Map<string, string>;
}

/** The input's groups by cluster, in order of first appearance; outlets matched to `known` by id or name, else synthesised. */
export function streamGroups(input: StreamArticle[], known: Outlet[] = []): Map<string, StreamGroup> {
  const byKey = new Map<string, Outlet>();
  for (const o of known) {
    byKey.set(o.id.toLowerCase(), o);
    byKey.set(o.name.toLowerCase(), o);
  }
  const groups = new Map<string, StreamGroup>();
  input.forEach((s, index) => {
    const outlet = byKey.get(s.outlet.toLowerCase()) ?? byKey.get(outletIdFromName(s.outlet)) ?? synthesiseOutlet(s.outlet, s.lean);
    let g = groups.get(s.cluster);
    if (!g) groups.set(s.cluster, (g = { articles: [], outlets: new Map(), leans: new Map() }));
    const article = toArticle(s, index, outlet.id);
    g.articles.push(article);
    g.outlets.set(outlet.id, outlet);
    if (s.lean) g.leans.set(article.id, s.lean);
  });
  return groups;
}

/**
 * Suggestions per group, in order of each group's first line. Outlets are looked up by id or
 * display name in `known`; others are synthesised from the name, with the line's lean as perspective.
 */
export function suggestGroups(input: StreamArticle[], known: Outlet[] = [], options: SuggestOptions = {}): SuggestLine[] {
  return [...streamGroups(input, known).entries()].map(([cluster, g]) => {
    const s = suggestStory(g.articles, g.outlets, { ...options, leans: g.leans });
    const name = (id: string) => g.outlets.get(id)?.name ?? id;
    const sources = s.sources.map(name);
    return {
      cluster,
      title: s.title,
      facts: s.facts.map((f) => ({ text: f.text, outlets: f.outlets.map(name) })),
      sources,
      sourcesLine: sourcesLine(sources),
      narratives: s.narratives.map((n) => ({ label: n.label, outlet: name(n.outletId), excerpts: n.excerpts })),
      predictions: s.predictions.map((p) => ({ text: p.text, outlet: name(p.outletId) })),
    };
  });
}
