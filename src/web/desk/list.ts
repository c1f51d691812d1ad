import type { Outlet } from '../../core/model/index.js';
import { html } from '../html.js';
import { page, type Viewer } from './layout.js';
import { outletsOf, titleOf, type ListFilter, type ListRow, type ListSort } from './list-filter.js';

const STATUS_CHOICES: [ListFilter['status'], string][] = [
  ['open', 'open (candidate or in review)'],
  ['candidate', 'candidate'],
  ['in_review', 'in review'],
  ['published', 'published'],
  ['rejected', 'rejected'],
  ['all', 'all'],
];
const SORT_CHOICES: [ListSort, string][] = [
  ['recent', 'most recent update'],
  ['newest', 'newest first'],
  ['outlets', 'most outlets'],
  ['size', 'most articles'],
  ['needs', 'needs me (unseen articles)'],
];

/** Short human date of an ISO time (UTC, to the minute). */
export function shortTime(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : '';
}

/** The candidates list with its filter form: title, outlets, article count, unseen articles, last update, status. */
export function renderList(
  rows: ListRow[],
  filter: ListFilter,
  outlets: ReadonlyMap<string, Outlet>,
  viewer: Viewer,
  extra: { total: number; feedUrl: string | null },
): string {
  const nameOf = (id: string) => outlets.get(id)?.name ?? id;
  const option = (value: string, label: string, current: string) =>
    html`<option value="${value}"${current === value ? html` selected` : ''}>${label}</option>`;
  const body = html`<h1>Story candidates</h1>
<form class="filters" method="get" action="/">
<label>Order <select name="sort">${SORT_CHOICES.map(([v, l]) => option(v, l, filter.sort))}</select></label>
<label>Status <select name="status">${STATUS_CHOICES.map(([v, l]) => option(v, l, filter.status))}</select></label>
<label>At least outlets <input name="minOutlets" type="number" min="1" value="${filter.minOutlets}" class="pos"></label>
<label>Outlet <select name="outlet">${option('', 'any', filter.outlet)}${[...outlets.values()].sort((a, b) => a.name.localeCompare(b.name)).map((o) => option(o.id, o.name, filter.outlet))}</select></label>
<label>Search (titles, outlets, article text) <input name="q" type="search" value="${filter.q}"></label>
<button type="submit">Filter</button>
</form>
<p class="muted">${rows.length} of ${extra.total} candidates shown. Keys: <kbd>j</kbd>/<kbd>k</kbd> to move, <kbd>o</kbd> to open, <kbd>?</kbd> for <a href="/help">help</a>.${extra.feedUrl ? html` Published stories as Atom: <a href="${extra.feedUrl}">published.atom</a> (the link carries the feed's secret token).` : ''}</p>
<table><thead><tr><th>Title</th><th>Outlets</th><th>Articles</th><th>Unseen</th><th>Updated</th><th>Status</th></tr></thead><tbody>
${rows.map((row) => {
  const { story } = row;
  return html`<tr data-story="${story.id}"><td><a href="/stories/${encodeURIComponent(story.id)}">${titleOf(story)}</a></td>
<td>${outletsOf(row).map((id) => html`<span class="tag">${nameOf(id)}</span>`)}</td><td>${story.articleIds.length}</td>
<td class="unseen">${row.unseen ? html`<span class="new">${row.unseen} new</span>` : ''}</td>
<td>${shortTime(story.updatedAt)}</td><td><span class="status status-${story.status}">${story.status.replace('_', ' ')}</span></td></tr>`;
})}
</tbody></table>`;
  return page('Story candidates', body, viewer);
}
