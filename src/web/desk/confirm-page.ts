import { html, type Html } from '../html.js';
import { page, type Viewer } from './layout.js';
import type { PickerEntry } from './candidate-page.js';

/** A move or merge waiting for the editor's yes: what will happen, with Confirm and Cancel. */
export interface Confirmation {
  storyId: string;
  storyTitle: string;
  version: number;
  viewer: Viewer;
  action: 'move' | 'merge';
  /** The other candidate, once one is chosen; else the choices that matched the search. */
  other: PickerEntry | null;
  choices: PickerEntry[];
  /** Headlines of the ticked articles (move). */
  articles: { id: string; title: string }[];
  query: string;
}

/** The confirmation page; posting it again with confirm=yes does the action. */
export function renderConfirm(c: Confirmation): string {
  const base = `/stories/${encodeURIComponent(c.storyId)}`;
  const field = c.action === 'move' ? 'to' : 'from';
  const hidden = html`<input type="hidden" name="_csrf" value="${c.viewer.csrf}"><input type="hidden" name="version" value="${c.version}">
${c.articles.map((a) => html`<input type="hidden" name="articleIds" value="${a.id}">`)}`;
  const what = (other: Html): Html =>
    c.action === 'move'
      ? html`Move ${c.articles.length} article(s) from “${c.storyTitle}” to ${other}?`
      : html`Merge ${other} into “${c.storyTitle}”? Its articles and editor work come here, and it leaves the list.`;
  let body: Html;
  if (c.other) {
    body = html`<h1>Confirm</h1><p id="confirm-question">${what(html`“<a href="/stories/${encodeURIComponent(c.other.id)}">${c.other.title}</a>” (${c.other.status.replace('_', ' ')})`)}</p>
${c.articles.length ? html`<ul>${c.articles.map((a) => html`<li>${a.title}</li>`)}</ul>` : ''}
<form method="post" action="${base}/${c.action}" class="actions">${hidden}<input type="hidden" name="${field}" value="${c.other.id}"><input type="hidden" name="confirm" value="yes">
<button class="primary" type="submit" id="confirm">Yes, ${c.action}</button> <a href="${base}" id="cancel">Cancel</a></form>`;
  } else {
    body = html`<h1>Which candidate?</h1><p>${c.choices.length} candidates match “${c.query}”. ${what(html`the one you choose`)}</p>
<form method="post" action="${base}/${c.action}">${hidden}<input type="hidden" name="confirm" value="yes">
<ul class="choices">${c.choices.map((o) => html`<li><label><input type="radio" name="${field}" value="${o.id}" required> ${o.title} <span class="muted">(${o.id})</span></label></li>`)}</ul>
<p class="actions"><button class="primary" type="submit" id="confirm">${c.action === 'move' ? 'Move' : 'Merge'}</button> <a href="${base}" id="cancel">Cancel</a></p></form>`;
  }
  return page(`Confirm ${c.action}`, body, c.viewer);
}
