import type { Decision } from '../../core/model/index.js';
import { html, safeHref, type Html } from '../html.js';
import { shortTime } from './list.js';

/** One decision in words, with links to the other candidates it names. */
export function describeDecision(d: Decision, storyId: string): Html {
  const link = (id: string) => (id === storyId ? html`this candidate` : html`<a href="/stories/${encodeURIComponent(id)}">${id}</a>`);
  switch (d.kind) {
    case 'edit':
      return html`edited ${d.fields.join(', ')}`;
    case 'publish':
      return html`published`;
    case 'reject':
      return d.reason ? html`rejected: “${d.reason}”` : html`rejected`;
    case 'reopen':
      return html`sent back for review`;
    case 'merge':
      return d.undoes
        ? html`undid the split: merged ${link(d.from)} back into ${link(d.into)}`
        : html`merged ${link(d.from)} into ${link(d.into)}`;
    case 'move':
      return html`moved article ${d.articleId} from ${link(d.from)} to ${link(d.to)}`;
    case 'split':
      return d.undoes
        ? html`undid the merge: brought ${link(d.to)} back out of ${link(d.from)} (${d.articleIds.length} article(s))`
        : html`split ${d.articleIds.length} article(s) from ${link(d.from)} into ${link(d.to)}`;
    case 'add': {
      const href = safeHref(d.url);
      return html`added an article by URL (${href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${d.url}</a>` : d.url}) to ${link(d.storyId)}`;
    }
  }
}

/**
 * The candidate's decision log, newest first: who, when, what. With `undo` (the page's hidden
 * CSRF and version fields), merges and splits get an Undo button (POST …/undo, decision=index).
 * Entries after `since` (the viewer's last visit) by someone other than `viewer` are marked new.
 */
export function renderHistory(decisions: Decision[], storyId: string, undo?: Html, since: string | null = null, viewer = ''): Html {
  if (!decisions.length) return html`<p class="muted">No decisions yet.</p>`;
  const button = (d: Decision, index: number) =>
    undo && (d.kind === 'merge' || d.kind === 'split') && !d.undoes
      ? html` <form method="post" action="/stories/${encodeURIComponent(storyId)}/undo" class="inline">${undo}<input type="hidden" name="decision" value="${index}"><button type="submit">Undo</button></form>`
      : '';
  const items = decisions.map((d, index) => {
    const fresh = since !== null && d.at > since && d.by !== viewer;
    return html`<li${fresh ? html` class="changed"` : ''}><strong>${d.by}</strong> <span class="muted">${shortTime(d.at)}</span> ${describeDecision(d, storyId)}${fresh ? html` <span class="new">new</span>` : ''}${button(d, index)}</li>`;
  });
  return html`<ol class="history" reversed>${items.reverse()}</ol>`;
}
