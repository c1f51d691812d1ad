import type { Article, Outlet, StoryCandidate, StoryStatus } from '../../core/model/index.js';

/** A candidate with its articles, as the list shows it. */
export interface ListRow {
  story: StoryCandidate;
  articles: Article[];
  /** Articles that arrived since the viewer last opened it (all of them when never opened). */
  unseen: number;
}

/** The list's orders: last update, newest candidate, most outlets, most articles, most unseen articles. */
export const SORTS = ['recent', 'newest', 'outlets', 'size', 'needs'] as const;
export type ListSort = (typeof SORTS)[number];

/** The list's filters and order, from the query string. */
export interface ListFilter {
  sort: ListSort;
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
  const sort = str(query.sort);
  const min = Number.parseInt(str(query.minOutlets), 10);
  return {
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as ListSort) : 'recent',
    status: (STATUSES as readonly string[]).includes(status) ? (status as ListFilter['status']) : 'open',
    minOutlets: Number.isFinite(min) && min > 0 ? Math.min(min, 1000) : 1,
    outlet: str(query.outlet),
    q: str(query.q).trim(),
  };
}

/** Distinct outlet ids of a row, in order of first article. */
export function outletsOf(row: Pick<ListRow, 'articles'>): string[] {
  return [...new Set(row.articles.map((a) => a.outletId))];
}

/** The title the desk shows: the editor's, else the suggestion. */
export function titleOf(story: StoryCandidate): string {
  return story.title ?? (story.suggestedTitle || '(untitled)');
}

/** Articles of a candidate that were not in it at the viewer's last look (every one when never looked at). */
export function unseenArticles(articles: readonly Article[], seen: ReadonlySet<string> | null): number {
  return seen === null ? articles.length : articles.filter((a) => !seen.has(a.id)).length;
}

/** Does a row match the search text? Titles, outlet names and the articles' headlines and bodies. */
function matches(row: ListRow, needle: string, outlets: ReadonlyMap<string, Outlet>): boolean {
  const { story } = row;
  if (titleOf(story).toLowerCase().includes(needle) || story.suggestedTitle.toLowerCase().includes(needle)) return true;
  if (outletsOf(row).some((id) => (outlets.get(id)?.name ?? id).toLowerCase().includes(needle))) return true;
  return row.articles.some(
    (a) => a.title.toLowerCase().includes(needle) || a.text.toLowerCase().includes(needle) || a.summary.toLowerCase().includes(needle),
  );
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
    return !needle || matches(row, needle, outlets);
  });
  const byTime = (a: ListRow, b: ListRow) => b.story.updatedAt.localeCompare(a.story.updatedAt) || a.story.id.localeCompare(b.story.id);
  const order: Record<ListSort, (a: ListRow, b: ListRow) => number> = {
    recent: byTime,
    newest: (a, b) => b.story.createdAt.localeCompare(a.story.createdAt) || byTime(a, b),
    outlets: (a, b) => outletsOf(b).length - outletsOf(a).length || b.story.articleIds.length - a.story.articleIds.length || byTime(a, b),
    size: (a, b) => b.story.articleIds.length - a.story.articleIds.length || outletsOf(b).length - outletsOf(a).length || byTime(a, b),
    needs: (a, b) => b.unseen - a.unseen || byTime(a, b),
  };
  return kept.sort(order[filter.sort]);
}
