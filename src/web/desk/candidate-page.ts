import { TEXT_LIMITS, type Article, type Decision, type Outlet, type StoryCandidate } from '../../core/model/index.js';
import { isNewSinceEdit, type Coverage } from '../../core/story/index.js';
import { html, safeHref, type Html } from '../html.js';
import { coverageChart } from './coverage-chart.js';
import { renderHistory } from './history.js';
import { page, type Viewer } from './layout.js';
import { shortTime } from './list.js';
import { titleOf } from './list-filter.js';

/** Everything the candidate page shows. */
export interface CandidateView {
  story: StoryCandidate;
  articles: Article[];
  outlets: ReadonlyMap<string, Outlet>;
  coverage: Coverage;
  history: Decision[];
  /** Other candidates to merge from or move an article to: id and title, most recent first. */
  others: { id: string; title: string }[];
  viewer: Viewer;
  flash?: string;
  error?: string;
  /** Text the editor sent in a save that was refused, so nothing typed is lost. */
  unsaved?: string[];
}

const NEW = html`<span class="new">new</span>`;

/** One candidate: articles side by side, coverage, the editable story, actions and history. */
export function renderCandidate(view: CandidateView): string {
  const { story, viewer } = view;
  const base = `/stories/${encodeURIComponent(story.id)}`;
  const hidden = html`<input type="hidden" name="_csrf" value="${viewer.csrf}"><input type="hidden" name="version" value="${story.version}">`;
  const statusButton = (action: string, label: string) =>
    html`<form method="post" action="${base}/${action}">${hidden}<button type="submit" name="action" value="${action}">${label}</button></form>`;
  const body = html`<p class="muted"><a href="/">← all candidates</a></p>
<h1>${titleOf(story)}</h1>
<p><span class="status status-${story.status}" id="status">${story.status.replace('_', ' ')}</span>
<span class="muted">· ${story.articleIds.length} article(s) · updated ${shortTime(story.updatedAt)} · last edit ${story.editedAt ? shortTime(story.editedAt) : 'never'} · version ${story.version}</span></p>
${view.flash ? html`<p class="flash" role="status">${view.flash}</p>` : ''}
${view.error ? html`<div class="error" role="alert"><p>${view.error}</p>${view.unsaved?.length ? html`<p>What you had typed (not saved):</p><ul class="unsaved">${view.unsaved.map((t) => html`<li>${t}</li>`)}</ul>` : ''}</div>` : ''}
<div class="actions">
${story.status !== 'published' ? statusButton('publish', 'Publish') : ''}
${story.status !== 'rejected' ? statusButton('reject', 'Reject') : ''}
${story.status === 'published' || story.status === 'rejected' ? statusButton('reopen', 'Send back for review') : ''}
<span class="muted">Download:</span> <a href="${base}/export.txt" download>story (.txt)</a> <a href="${base}/export.md" download>Markdown</a> <a href="${base}/export.json" download>JSON</a>
</div>
${coverageBox(view)}
${articlesBox(view, base, hidden)}
${storyForm(view, base, hidden)}
<section class="box"><h2>Merge</h2>
${view.others.length ? html`<form method="post" action="${base}/merge" class="actions">${hidden}
<label>Merge <select name="from">${view.others.map((o) => html`<option value="${o.id}">${o.title} (${o.id})</option>`)}</select></label>
<button type="submit">into this candidate</button></form>` : html`<p class="muted">No other candidates.</p>`}
</section>
<section class="box"><h2>History</h2>${renderHistory(view.history, story.id, viewer.role === 'editor' ? hidden : undefined)}</section>`;
  return page(titleOf(story), body, viewer);
}

function coverageBox(view: CandidateView): Html {
  const outletIds = [...new Set(view.articles.map((a) => a.outletId))];
  const outlets = outletIds.map((id) => view.outlets.get(id) ?? unknownOutlet(id));
  const c = view.coverage;
  const why = { 'single-outlet': 'a single outlet', country: 'outlets of one country', perspective: 'outlets of one side' } as const;
  return html`<section class="box"><h2>Coverage</h2>
<p>${c.outlets} outlet(s), ${c.articles} article(s)${c.countries.length ? html`; countries: ${c.countries.join(', ')}` : ''}; kinds: ${c.kinds.join(', ')}.
${c.oneGroup && c.oneGroupReason ? html`<strong>Only ${why[c.oneGroupReason]} cover(s) this story.</strong>` : ''}</p>
${coverageChart(outlets)}</section>`;
}

function articlesBox(view: CandidateView, base: string, hidden: Html): Html {
  const { story } = view;
  const nameOf = (id: string) => view.outlets.get(id)?.name ?? id;
  const fresh = (a: Article) => story.editedAt !== null && a.fetchedAt > story.editedAt;
  const others = view.others;
  return html`<section class="box"><h2>Articles</h2>
<form id="split" method="post" action="${base}/split">${hidden}</form>
<div class="articles">
${view.articles.map((a, i) => {
    const href = safeHref(a.url);
    return html`<article class="article" data-article="${a.id}">
<div class="muted">${nameOf(a.outletId)} · ${shortTime(a.published)} ${fresh(a) ? NEW : ''}</div>
<h3>${href ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${a.title}</a>` : a.title}</h3>
${a.byline ? html`<div class="muted">${a.byline}</div>` : ''}
<div class="text">${a.text || a.summary}</div>
<div class="tools"><label><input type="checkbox" name="articleIds" value="${a.id}" form="split"> split off</label>
${others.length ? html`<form method="post" action="${base}/move" class="actions">${hidden}<input type="hidden" name="articleId" value="${a.id}">
<select name="to" aria-label="move article ${i + 1} to">${others.map((o) => html`<option value="${o.id}">${o.title}</option>`)}</select><button type="submit">Move</button></form>` : ''}</div>
</article>`;
  })}
</div>
<p><button type="submit" form="split">Split ticked articles into a new candidate</button></p></section>`;
}

function storyForm(view: CandidateView, base: string, hidden: Html): Html {
  const { story } = view;
  const nameOf = (id: string) => view.outlets.get(id)?.name ?? id;
  const outletIds = [...new Set(view.articles.map((a) => a.outletId))];
  const chosen = story.sources ?? [];
  const sourceChoices = [...chosen, ...outletIds.filter((id) => !chosen.includes(id))];
  return html`<form method="post" action="${base}/save" class="box story-form">${hidden}
<h2>Story</h2>
<p><button class="primary" type="submit" name="op" value="save">Save</button> <span class="muted">(Enter in a field saves too)</span></p>
<label>Title <input class="wide" name="title" maxlength="${TEXT_LIMITS.title}" value="${story.title ?? story.suggestedTitle}"></label>
${story.title !== null && story.suggestedTitle ? html`<div class="muted">Suggested: ${story.suggestedTitle}</div>` : ''}

<h3>Facts</h3>
<p class="muted">Tick to accept; edit, reorder (position or ↑/↓) or delete. The export uses the accepted facts, or the suggestions while none is accepted.</p>
${story.facts.map((f, i) => html`<div class="item fact" data-fact="${i}">
<div><input class="pos" name="fact.${i}.pos" value="${i + 1}" aria-label="position of fact ${i + 1}"><br>
<button type="submit" name="op" value="fact-up-${i}" aria-label="move fact ${i + 1} up">↑</button><button type="submit" name="op" value="fact-down-${i}" aria-label="move fact ${i + 1} down">↓</button></div>
<div><textarea name="fact.${i}.text" maxlength="${TEXT_LIMITS.fact}" aria-label="fact ${i + 1}">${f.text}</textarea>
<div class="muted">${f.outlets.map(nameOf).join(', ') || 'written by an editor'} ${isNewSinceEdit(f, story) ? NEW : ''}</div></div>
<div><label><input type="checkbox" name="fact.${i}.accepted" value="on"${f.accepted ? html` checked` : ''}> accept</label><br>
<label><input type="checkbox" name="fact.${i}.delete" value="on"> delete</label></div></div>`)}
<label>Add a fact <textarea class="wide" name="fact.new" maxlength="${TEXT_LIMITS.fact}"></textarea></label>

<h3>Sources</h3>
<label><input type="radio" name="sources.mode" value="derive"${story.sources === null ? html` checked` : ''}> the outlets behind the facts, in order of first report</label><br>
<label><input type="radio" name="sources.mode" value="choose"${story.sources !== null ? html` checked` : ''}> these, in this order:</label>
${sourceChoices.map((id) => html`<label class="tag"><input type="checkbox" name="sources.pick" value="${id}"${chosen.includes(id) ? html` checked` : ''}> ${nameOf(id)}</label>`)}

<h3>Narratives</h3>
${story.narratives.map((s, i) => html`<div class="item slot" data-slot="${i}"><div></div><div>
<label><input name="slot.${i}.label" maxlength="${TEXT_LIMITS.label}" value="${s.label}" aria-label="label of narrative ${i + 1}"> narrative, as provided by <strong>${nameOf(s.outletId)}</strong></label> ${isNewSinceEdit(s, story) ? NEW : ''}
${s.excerpts.length ? html`<ul class="excerpts">${s.excerpts.map((e) => html`<li>${e}</li>`)}</ul>` : ''}
<textarea name="slot.${i}.text" maxlength="${TEXT_LIMITS.narrative}" aria-label="narrative text ${i + 1}" placeholder="What ${nameOf(s.outletId)} says that the others do not">${s.text}</textarea>
${s.excerpts.length ? html`<button type="submit" name="op" value="slot-excerpts-${i}">Fill with the excerpts (when empty) and save</button>` : ''}</div>
<div><label><input type="checkbox" name="slot.${i}.drop" value="on"> drop</label></div></div>`)}
<p>Add a narrative: <select name="slot.new.outlet" aria-label="outlet of the new narrative"><option value="">outlet…</option>${outletIds.map((id) => html`<option value="${id}">${nameOf(id)}</option>`)}</select>
<input name="slot.new.label" maxlength="${TEXT_LIMITS.label}" placeholder="label, e.g. Pro-China" aria-label="label of the new narrative"></p>

<h3>Predictions</h3>
${story.predictions.map((p, i) => html`<div class="item prediction" data-prediction="${i}"><div></div><div>
<textarea name="pred.${i}.text" maxlength="${TEXT_LIMITS.prediction}" aria-label="prediction ${i + 1}">${p.text}</textarea>
<div class="muted">${p.outletId ? nameOf(p.outletId) : 'written by an editor'} ${isNewSinceEdit(p, story) ? NEW : ''}</div></div>
<div><label><input type="checkbox" name="pred.${i}.keep" value="on"${p.accepted ? html` checked` : ''}> keep</label><br>
<label><input type="checkbox" name="pred.${i}.delete" value="on"> delete</label></div></div>`)}
<label>Add a prediction <textarea class="wide" name="pred.new" maxlength="${TEXT_LIMITS.prediction}"></textarea></label>
<p><button class="primary" type="submit" name="op" value="save">Save</button></p>
</form>`;
}

function unknownOutlet(id: string): Outlet {
  return { id, name: id, homepage: '', language: '', country: '', kind: 'digital', perspective: [], feeds: [] };
}
