import { TEXT_LIMITS, type Article, type Decision, type Outlet, type StoryCandidate } from '../../core/model/index.js';
import type { Coverage } from '../../core/story/index.js';
import { html, safeHref, type Html } from '../html.js';
import { coverageChart } from './coverage-chart.js';
import { renderHistory } from './history.js';
import { canEdit, page, type Viewer } from './layout.js';
import { shortTime } from './list.js';
import { titleOf } from './list-filter.js';
import type { MissingCoverage, StrayCandidate } from './missing-coverage.js';
import type { LastLook } from './seen.js';

/** Another candidate, as the pickers offer it. */
export interface PickerEntry {
  id: string;
  title: string;
  status: StoryCandidate['status'];
}

/** Everything the candidate page shows. */
export interface CandidateView {
  story: StoryCandidate;
  articles: Article[];
  outlets: ReadonlyMap<string, Outlet>;
  coverage: Coverage;
  missing: MissingCoverage;
  strays: StrayCandidate[];
  history: Decision[];
  /** Other open candidates to move ticked articles to or merge from, most recent first. */
  others: PickerEntry[];
  /** The neighbours in the list (open candidates, most recent update first). */
  previous: PickerEntry | null;
  next: PickerEntry | null;
  /** This viewer's last look at the candidate (null: never); what came after is marked. */
  lastSeen: LastLook | null;
  viewer: Viewer;
  flash?: string;
  error?: string;
  /** Text the editor sent in a save that was refused, so nothing typed is lost. */
  unsaved?: string[];
}

const NEW = html`<span class="new">new</span>`;

/** One candidate: what changed, coverage and who is missing, compact articles, the story form, actions and history. */
export function renderCandidate(view: CandidateView): string {
  const { story, viewer } = view;
  const base = `/stories/${encodeURIComponent(story.id)}`;
  const editor = canEdit(viewer);
  const outletCount = new Set(view.articles.map((a) => a.outletId)).size;
  const body = html`<nav class="pager"><a href="/" id="back-to-list">← all candidates</a>
${view.previous ? html`<a href="/stories/${encodeURIComponent(view.previous.id)}" rel="prev" title="${view.previous.title}">‹ previous <kbd>k</kbd></a>` : ''}
${view.next ? html`<a href="/stories/${encodeURIComponent(view.next.id)}" rel="next" title="${view.next.title}">next <kbd>j</kbd> ›</a>` : ''}
<a href="${base}/preview" id="preview-link">Preview <kbd>p</kbd></a><span class="muted"><kbd>e</kbd> edit · <a href="/help">keys</a></span></nav>
<h1>${titleOf(story)}</h1>
<p><span class="status status-${story.status}" id="status">${story.status.replace('_', ' ')}</span>
<span class="muted">· ${story.articleIds.length} article(s) from ${outletCount} outlet(s) · updated ${shortTime(story.updatedAt)} · last edit ${story.editedAt ? shortTime(story.editedAt) : 'never'}</span></p>
${view.flash ? html`<p class="flash" role="status">${view.flash}</p>` : ''}
${view.error ? html`<div class="error" role="alert"><p>${view.error}</p>${view.unsaved?.length ? html`<p>What you had typed (not saved):</p><ul class="unsaved">${view.unsaved.map((t) => html`<li>${t}</li>`)}</ul>` : ''}</div>` : ''}
${sinceLastVisit(view)}
${editor ? statusActions(view, base) : html`<p class="readonly" id="readonly">You are signed in as an operator: you can read this candidate and download it; editing is for editors.</p>`}
<p class="actions"><span class="muted">Download:</span> <a href="${base}/export.txt" download>story (.txt)</a> <a href="${base}/export.md" download>Markdown</a> <a href="${base}/export.json" download>JSON</a></p>
<div class="columns">${coverageBox(view)}${missingBox(view, base)}</div>
${articlesBox(view, base)}
${editor ? storyForm(view, base) : ''}
${editor ? mergeBox(view, base) : ''}
<section class="box" id="history"><h2>History</h2>${renderHistory(view.history, story.id, editor ? hiddenFields(view) : undefined, view.lastSeen?.at ?? null, viewer.name)}</section>`;
  return page(titleOf(story), body, viewer);
}

function hiddenFields(view: CandidateView): Html {
  return html`<input type="hidden" name="_csrf" value="${view.viewer.csrf}"><input type="hidden" name="version" value="${view.story.version}">`;
}

/** Is this suggestion or decision newer than the viewer's last look? Never looked: nothing is marked. */
function isNew(view: CandidateView, at: string | null | undefined): boolean {
  return view.lastSeen !== null && !!at && at > view.lastSeen.at;
}

/** An article that was not in the candidate at the viewer's last look. */
function isNewArticle(view: CandidateView, article: Article): boolean {
  return view.lastSeen !== null && !view.lastSeen.articleIds.has(article.id);
}

function sinceLastVisit(view: CandidateView): Html {
  if (view.lastSeen === null) return html`<p class="since muted" id="since">First time you open this candidate.</p>`;
  const articles = view.articles.filter((a) => isNewArticle(view, a)).length;
  const suggestions = [...view.story.facts, ...view.story.narratives, ...view.story.predictions].filter((s) =>
    isNew(view, s.suggestedAt),
  ).length;
  const decisions = view.history.filter((d) => isNew(view, d.at) && d.by !== view.viewer.name);
  if (!articles && !suggestions && !decisions.length)
    return html`<p class="since muted" id="since">Nothing new since your last visit (${shortTime(view.lastSeen.at)}).</p>`;
  const parts = [
    articles ? `${articles} new article(s)` : '',
    suggestions ? `${suggestions} new suggestion(s)` : '',
    decisions.length ? `${decisions.length} change(s) by ${[...new Set(decisions.map((d) => d.by))].join(', ')}` : '',
  ].filter(Boolean);
  return html`<p class="since" id="since"><strong>Since your last visit</strong> (${shortTime(view.lastSeen.at)}): ${parts.join(', ')}; marked ${NEW} below.</p>`;
}

function statusActions(view: CandidateView, base: string): Html {
  const { story } = view;
  const hidden = hiddenFields(view);
  const button = (action: string, label: string) =>
    html`<form method="post" action="${base}/${action}">${hidden}<button type="submit" name="action" value="${action}">${label}</button></form>`;
  return html`<div class="actions" id="status-actions">
<a href="${base}/preview">Preview the finished story</a>
${story.status !== 'published' ? html`<form method="post" action="${base}/publish">${hidden}<button class="primary" type="submit" name="action" value="publish">Publish</button></form>` : ''}
${story.status !== 'rejected' ? html`<form method="post" action="${base}/reject" id="reject-form">${hidden}<input name="reason" required maxlength="300" placeholder="why reject? (required)" aria-label="reason for rejecting"><button class="danger" type="submit" name="action" value="reject">Reject</button></form>` : ''}
${story.status === 'published' || story.status === 'rejected' ? button('reopen', 'Send back for review') : ''}
</div>`;
}

function coverageBox(view: CandidateView): Html {
  const outletIds = [...new Set(view.articles.map((a) => a.outletId))];
  const outlets = outletIds.map((id) => view.outlets.get(id) ?? unknownOutlet(id));
  const c = view.coverage;
  const why = { 'single-outlet': 'a single outlet', country: 'outlets of one country', perspective: 'outlets of one side' } as const;
  return html`<section class="box" id="coverage"><h2>Who covers it</h2>
<p>${c.outlets} outlet(s), ${c.articles} article(s)${c.countries.length ? html`; countries: ${c.countries.join(', ')}` : ''}; kinds: ${c.kinds.join(', ')}.
${c.oneGroup && c.oneGroupReason ? html`<strong>Only ${why[c.oneGroupReason]} cover(s) this story.</strong>` : ''}</p>
${coverageChart(outlets)}</section>`;
}

function missingBox(view: CandidateView, base: string): Html {
  const m = view.missing;
  const nameOf = (id: string) => view.outlets.get(id)?.name ?? id;
  const editor = canEdit(view.viewer);
  const tags = (values: string[]) =>
    values.length ? values.map((v) => html`<span class="tag">${v}</span>`) : html`<span class="muted">none: all covered</span>`;
  return html`<section class="box missing" id="missing"><h2>Who is missing</h2>
<ul>
<li><strong>Outlets</strong> (${m.outlets.length} of ${m.configured.outlets} configured did not cover it): ${tags(m.outlets.map((o) => o.name))}</li>
<li><strong>Countries</strong> (${m.countries.length} of ${m.configured.countries}): ${tags(m.countries)}</li>
<li><strong>Leans</strong> (${m.leans.length} of ${m.configured.leans}): ${tags(m.leans)}</li>
</ul>
<h3>Single-outlet candidates that may belong here</h3>
${
  view.strays.length
    ? html`<ul id="strays">${view.strays.map(
        (
          s,
        ) => html`<li data-stray="${s.id}"><a href="/stories/${encodeURIComponent(s.id)}">${s.title}</a> <span class="muted">(${nameOf(s.outletId)}; ${s.shared.length} key words in common)</span>
${editor ? html`<form method="post" action="${base}/merge" class="inline">${hiddenFields(view)}<input type="hidden" name="from" value="${s.id}"><button type="submit">Merge into this…</button></form>` : ''}</li>`,
      )}</ul>`
    : html`<p class="muted" id="strays-none">None found among the recent open candidates.</p>`
}
</section>`;
}

function articlesBox(view: CandidateView, base: string): Html {
  const nameOf = (id: string) => view.outlets.get(id)?.name ?? id;
  const editor = canEdit(view.viewer);
  const candidates = view.others.filter((o) => o.status === 'candidate' || o.status === 'in_review');
  return html`<section class="box" id="articles"><h2>Articles</h2>
${editor ? html`<form id="ticked" method="post" action="${base}/move">${hiddenFields(view)}</form>` : ''}
<ul class="articles">
${view.articles.map((a) => {
  const href = safeHref(a.url);
  return html`<li data-article="${a.id}">${editor ? html`<input type="checkbox" name="articleIds" value="${a.id}" form="ticked" aria-label="tick ${a.title}">` : html`<span></span>`}
<details><summary><span class="headline">${a.title}</span> <span class="muted">· ${nameOf(a.outletId)} · ${shortTime(a.published)}</span> ${isNewArticle(view, a) ? NEW : ''}</summary>
<div class="muted">${a.byline ?? ''} ${href ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">original article</a>` : ''}${a.outcome !== 'article' ? html` · extraction: ${a.outcome}${a.errorCode ? html` (${a.errorCode})` : ''}` : ''}</div>
<div class="article-body">${a.text || a.summary}</div></details></li>`;
})}
</ul>
${
  editor
    ? html`<div class="actions" id="ticked-actions"><span>Ticked articles:</span>
<label>move to <input class="search" name="to" form="ticked" list="move-targets" placeholder="search a candidate by title or id" aria-label="candidate to move the ticked articles to" required></label>
<datalist id="move-targets">${candidates.map((o) => html`<option value="${o.id}">${o.title}</option>`)}</datalist>
<button type="submit" form="ticked">Move…</button>
<span class="muted">or</span> <button type="submit" form="ticked" formaction="${base}/split" formnovalidate>Split into a new candidate</button></div>
<form method="post" action="${base}/add-article" class="actions" id="add-article">${hiddenFields(view)}
<label>Add an article by URL <input class="search" name="url" type="url" required placeholder="https://…"></label>
<label>outlet <select name="outlet"><option value="">guess from the address</option>${[...view.outlets.values()].sort((a, b) => a.name.localeCompare(b.name)).map((o) => html`<option value="${o.id}">${o.name}</option>`)}</select></label>
<button type="submit">Add</button></form>`
    : ''
}
</section>`;
}

function mergeBox(view: CandidateView, base: string): Html {
  // Only open candidates are offered: a published story is never a merge source.
  const sources = view.others.filter((o) => o.status === 'candidate' || o.status === 'in_review');
  return html`<section class="box" id="merge"><h2>Merge</h2>
<form method="post" action="${base}/merge" class="actions">${hiddenFields(view)}
<label>Merge <input class="search" name="from" list="merge-sources" required placeholder="search a candidate by title or id" aria-label="candidate to merge into this one"></label>
<datalist id="merge-sources">${sources.map((o) => html`<option value="${o.id}">${o.title}</option>`)}</datalist>
<button type="submit">into this candidate…</button></form>
<p class="muted">You confirm on the next page; the merged candidate's editor work comes along.</p></section>`;
}

function storyForm(view: CandidateView, base: string): Html {
  const { story } = view;
  const nameOf = (id: string) => view.outlets.get(id)?.name ?? id;
  const outletIds = [...new Set(view.articles.map((a) => a.outletId))];
  const chosen = story.sources ?? [];
  const sourceChoices = [...chosen, ...outletIds.filter((id) => !chosen.includes(id))];
  const fresh = (s: { suggestedAt?: string }) => (isNew(view, s.suggestedAt) ? NEW : '');
  // An outlet with nothing of its own to excerpt is offered its headline: say so.
  const headlineOf = (slot: { articles: string[] }, excerpt: string) =>
    view.articles.some((a) => slot.articles.includes(a.id) && a.title.trim() === excerpt);
  return html`<form method="post" action="${base}/save" class="box story-form" id="story">${hiddenFields(view)}
<h2>Story</h2>
<p><button class="primary" type="submit" name="op" value="save">Save</button> <span class="muted">(Enter in a field saves too)</span> <a href="${base}/preview">Preview</a></p>
<label>Title <input class="wide" name="title" maxlength="${TEXT_LIMITS.title}" value="${story.title ?? story.suggestedTitle}"></label>
${story.title !== null && story.suggestedTitle ? html`<div class="muted">Suggested: ${story.suggestedTitle}</div>` : ''}

<h3>Facts</h3>
<p class="muted">Tick to accept; edit, reorder (position or ↑/↓) or delete. The export uses the accepted facts, or the suggestions while none is accepted.</p>
${story.facts.map(
  (f, i) => html`<div class="item fact${isNew(view, f.suggestedAt) ? ' changed' : ''}" data-fact="${i}">
<div><input class="pos" name="fact.${i}.pos" value="${i + 1}" aria-label="position of fact ${i + 1}"><br>
<button type="submit" name="op" value="fact-up-${i}" aria-label="move fact ${i + 1} up">↑</button><button type="submit" name="op" value="fact-down-${i}" aria-label="move fact ${i + 1} down">↓</button></div>
<div><textarea name="fact.${i}.text" maxlength="${TEXT_LIMITS.fact}" aria-label="fact ${i + 1}">${f.text}</textarea>
<div class="muted">${f.outlets.map(nameOf).join(', ') || 'written by an editor'} ${fresh(f)}</div></div>
<div><label><input type="checkbox" name="fact.${i}.accepted" value="on"${f.accepted ? html` checked` : ''}> accept</label><br>
<label><input type="checkbox" name="fact.${i}.delete" value="on"> delete</label></div></div>`,
)}
<label>Add a fact <textarea class="wide" name="fact.new" maxlength="${TEXT_LIMITS.fact}"></textarea></label>

<h3>Sources</h3>
<label><input type="radio" name="sources.mode" value="derive"${story.sources === null ? html` checked` : ''}> the outlets behind the facts, in order of first report</label><br>
<label><input type="radio" name="sources.mode" value="choose"${story.sources !== null ? html` checked` : ''}> these, in this order:</label>
${sourceChoices.map((id) => html`<label class="tag"><input type="checkbox" name="sources.pick" value="${id}"${chosen.includes(id) ? html` checked` : ''}> ${nameOf(id)}</label>`)}

<h3>Narratives</h3>
${story.narratives.map(
  (s, i) => html`<div class="item slot${isNew(view, s.suggestedAt) ? ' changed' : ''}" data-slot="${i}"><div></div><div>
<label><input name="slot.${i}.label" maxlength="${TEXT_LIMITS.label}" value="${s.label}" aria-label="label of narrative ${i + 1}"> narrative, as provided by <strong>${nameOf(s.outletId)}</strong></label> ${fresh(s)}${s.mergedFrom ? html` <span class="new" title="a merge brought this text in beside this outlet's own: keep one, drop the other">from merged ${s.mergedFrom}</span>` : ''}
${s.excerpts.length ? html`<ul class="excerpts">${s.excerpts.map((e) => (headlineOf(s, e) ? html`<li class="headline"><span class="muted">headline:</span> ${e}</li>` : html`<li>${e}</li>`))}</ul>` : ''}
<textarea name="slot.${i}.text" maxlength="${TEXT_LIMITS.narrative}" aria-label="narrative text ${i + 1}" placeholder="What ${nameOf(s.outletId)} says that the others do not">${s.text}</textarea>
${s.excerpts.length ? html`<button type="submit" name="op" value="slot-excerpts-${i}">Fill with the excerpts (when empty) and save</button>` : ''}</div>
<div><label><input type="checkbox" name="slot.${i}.drop" value="on"> drop</label></div></div>`,
)}
<p>Add a narrative: <select name="slot.new.outlet" aria-label="outlet of the new narrative"><option value="">outlet…</option>${outletIds.map((id) => html`<option value="${id}">${nameOf(id)}</option>`)}</select>
<input name="slot.new.label" maxlength="${TEXT_LIMITS.label}" placeholder="label, e.g. Pro-China" aria-label="label of the new narrative"></p>

<h3>Predictions</h3>
${story.predictions.map(
  (p, i) => html`<div class="item prediction${isNew(view, p.suggestedAt) ? ' changed' : ''}" data-prediction="${i}"><div></div><div>
<textarea name="pred.${i}.text" maxlength="${TEXT_LIMITS.prediction}" aria-label="prediction ${i + 1}">${p.text}</textarea>
<div class="muted">${p.outletId ? nameOf(p.outletId) : 'written by an editor'} ${fresh(p)}</div></div>
<div><label><input type="checkbox" name="pred.${i}.keep" value="on"${p.accepted ? html` checked` : ''}> keep</label><br>
<label><input type="checkbox" name="pred.${i}.delete" value="on"> delete</label></div></div>`,
)}
<label>Add a prediction <textarea class="wide" name="pred.new" maxlength="${TEXT_LIMITS.prediction}"></textarea></label>
<p><button class="primary" type="submit" name="op" value="save">Save</button></p>
</form>`;
}

function unknownOutlet(id: string): Outlet {
  return { id, name: id, homepage: '', language: '', country: '', kind: 'digital', perspective: [], feeds: [] };
}
