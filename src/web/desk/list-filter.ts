import type { Article, Outlet, StoryCandidate, StoryStatus } from '../../core/model/index.js';

/** A candidate with its articles, as the list shows it. */
export interface ListRow {
  story: StoryCandidate;
  articles: Article[];
}

/** The list's filters and order, from the query string. */
export interface ListFilter {
  sort: 'recent' | 'size';
  status: StoryStatus | 'open' | 'all';
  minOutlets: number;
  outlet: string;
  q: string;
}

const STATUSES = ['candidate', 'in_review', 'published', 'rejected', 'open', 'all'] as const;

/** Read the filters leniently: anything unknown falls back to the default. */
export function parseListFilter(query: Record<string, unknown>): ListFilter {
  const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : '');
  const status = str(query.status);
  const min = Number.parseInt(str(query.minOutlets), 10);
  return {
    sort: str(query.sort) === 'size' ? 'size' : 'recent',
    status: (STATUSES as readonly string[]).includes(status) ? (status as ListFilter['status']) : 'open',
    minOutlets: Number.isFinite(min) && min > 0 ? Math.min(min, 1000) : 1,
    outlet: str(query.outlet),
    q: str(query.q).trim(),
  };
}

/** Distinct outlet ids of a row, in order of first article. */
export function outletsOf(row: ListRow): string[] {
  return [...new Set(row.articles.map((a) => a.outletId))];
}

/** The title the desk shows: the editor's, else the suggestion. */
export function titleOf(story: StoryCandidate): string {
  return story.title ?? (story.suggestedTitle || '(untitled)');
}

/** Rows that pass the filters, in the chosen order ("open" = candidate or in review). */
export function filterRows(rows: ListRow[], filter: ListFilter, outlets: ReadonlyMap<string, Outlet>): ListRow[] {
  const needle = filter.q.toLowerCase();
  const kept = rows.filter((row) => {
    const { story } = row;
    if (filter.status === 'open' && story.status !== 'candidate' && story.status !== 'in_review') return false;
    if (filter.status !== 'open' && filter.status !== 'all' && story.status !== filter.status) return false;
    const ids = outletsOf(row);
    if (ids.length < filter.minOutlets) return false;
    if (filter.outlet && !ids.includes(filter.outlet)) return false;
    if (needle) {
      const haystack = [titleOf(story), story.suggestedTitle, ...row.articles.map((a) => a.title), ...ids.map((id) => outlets.get(id)?.name ?? id)].join('\n').toLowerCase();
      if (!haystack.includes(needle)) return false;
    }
    return true;
  });
  const byTime = (a: ListRow, b: ListRow) => b.story.updatedAt.localeCompare(a.story.updatedAt) || a.story.id.localeCompare(b.story.id);
  return kept.sort(filter.sort === 'size' ? (a, b) => b.story.articleIds.length - a.story.articleIds.length || outletsOf(b).length - outletsOf(a).length || byTime(a, b) : byTime);
}
