import { renderStory, UNWRITTEN, type StoryDocument } from '../../core/story/index.js';
import { html } from '../html.js';
import { canEdit, page, type Viewer } from './layout.js';
import { unwrittenSlots } from './publish-guard.js';

/** The finished story as it will publish (the same document the export and the feed use), unwritten slots marked. */
export function renderPreview(view: { id: string; status: string; doc: StoryDocument; viewer: Viewer }): string {
  const { doc } = view;
  const base = `/stories/${encodeURIComponent(view.id)}`;
  const unwritten = unwrittenSlots(doc);
  const text = (value: string) => (value.includes(UNWRITTEN) ? html`<span class="unwritten">${value}</span>` : value);
  const body = html`<nav class="pager"><a href="${base}" id="back-to-candidate">← back to the candidate</a><a href="/" id="back-to-list">all candidates</a></nav>
<h1 class="muted">Preview</h1>
${
  unwritten.length
    ? html`<div class="error" role="alert" id="unwritten"><p><strong>${unwritten.length} narrative slot(s) still to be written</strong>: ${unwritten.join('; ')}. Publish waits until they are written or dropped.</p></div>`
    : html`<p class="flash" id="ready">Every narrative slot is written${view.status === 'published' ? ' (published)' : canEdit(view.viewer) ? ': ready to publish' : ''}.</p>`
}
<article class="preview" id="preview">
<h1>${doc.title}</h1>
<h2>Facts</h2>
<ul>${doc.facts.map((f) => html`<li>${f}</li>`)}</ul>
<p><strong>Sources:</strong> ${doc.sources.join(', ') || html`<span class="unwritten">no sources</span>`}</p>
<h2>Narratives</h2>
${doc.narratives.map((n) => html`<p class="narrative"><strong>${n.label} narrative, as provided by ${n.outlet}.</strong> ${text(n.text)}</p>`)}
<h2>Predictions</h2>
<ul>${doc.predictions.map((p) => html`<li>${p}</li>`)}</ul>
</article>
<details><summary>As plain text (the story format)</summary><pre class="story">${renderStory(doc)}</pre></details>`;
  return page(`Preview: ${doc.title}`, body, view.viewer);
}
