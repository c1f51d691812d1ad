import type { Article, Outlet, StoryCandidate } from '../../core/model/index.js';
import { html } from '../html.js';
import { page } from './layout.js';

export interface ListRow {
  story: StoryCandidate;
  articles: Article[];
}

/** The candidates list: title, outlets, article count, last update, status. */
export function renderList(rows: ListRow[], outlets: ReadonlyMap<string, Outlet>): string {
  const body = html`<h1>Story candidates</h1>
<p class="muted">${rows.length} candidates, newest update first.</p>
<table><thead><tr><th>Title</th><th>Outlets</th><th>Articles</th><th>Updated</th><th>Status</th></tr></thead><tbody>
${rows.map(({ story, articles }) => {
    const names = [...new Set(articles.map((a) => outlets.get(a.outletId)?.name ?? a.outletId))];
    return html`<tr data-story="${story.id}"><td><a href="/stories/${encodeURIComponent(story.id)}">${story.title ?? story.suggestedTitle}</a>
<div class="muted">${articles.map((a) => html`<div>${outlets.get(a.outletId)?.name ?? a.outletId}: ${a.title}</div>`)}</div></td>
<td>${names.map((n) => html`<span class="tag">${n}</span>`)}</td><td>${story.articleIds.length}</td><td>${story.updatedAt}</td><td>${story.status}</td></tr>`;
  })}
</tbody></table>`;
  return page('Story candidates', body);
}
