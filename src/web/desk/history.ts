import type { Decision } from '../../core/model/index.js';
import { html, type Html } from '../html.js';
import { shortTime } from './list.js';

/** One decision in words, with links to the other candidates it names. */
export function describeDecision(d: Decision, storyId: string): Html {
  const link = (id: string) => (id === storyId ? html`this candidate` : html`<a href="/stories/${encodeURIComponent(id)}">${id}</a>`);
  switch (d.kind) {
    case 'edit': return html`edited ${d.fields.join(', ')}`;
    case 'publish': return html`published`;
    case 'reject': return html`rejected`;
    case 'reopen': return html`sent back for review`;
    case 'merge': return html`merged ${link(d.from)} into ${link(d.into)}`;
    case 'move': return html`moved article ${d.articleId} from ${link(d.from)} to ${link(d.to)}`;
    case 'split': return html`split ${d.articleIds.length} article(s) from ${link(d.from)} into ${link(d.to)}`;
  }
}

/** The candidate's decision log, newest first: who, when, what. */
export function renderHistory(decisions: Decision[], storyId: string): Html {
  if (!decisions.length) return html`<p class="muted">No decisions yet.</p>`;
  return html`<ol class="history" reversed>${[...decisions].reverse().map((d) => html`<li><strong>${d.by}</strong> <span class="muted">${shortTime(d.at)}</span> ${describeDecision(d, storyId)}</li>`)}</ol>`;
}
