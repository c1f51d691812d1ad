import { html } from '../html.js';
import { page, type Viewer } from './layout.js';

/** The keyboard shortcuts, as the help page lists them (the script in keys-script.ts implements them). */
export const SHORTCUTS: [string, string][] = [
  ['j', 'next candidate (on the list: move the highlight down)'],
  ['k', 'previous candidate (on the list: move the highlight up)'],
  ['o or Enter', 'on the list: open the highlighted candidate'],
  ['e', 'edit: jump to the story form (the title field)'],
  ['p', 'preview the finished story'],
  ['u', 'back to the list'],
  ['?', 'this help page'],
  ['Esc', 'leave a text field, so the keys work again'],
];

/** /help: the shortcuts and the desk's day in short. */
export function renderHelp(viewer: Viewer): string {
  return page(
    'Help',
    html`<h1>Help</h1>
<section class="box"><h2>Keyboard shortcuts</h2>
<p class="muted">They work anywhere outside a text field. Everything they do is also a link or button on the page.</p>
<table id="shortcuts"><tbody>${SHORTCUTS.map(([k, what]) => html`<tr><td><kbd>${k}</kbd></td><td>${what}</td></tr>`)}</tbody></table></section>
<section class="box"><h2>A candidate, top to bottom</h2>
<ol>
<li><strong>Since your last visit</strong>: what arrived or changed since you last opened it (marked <span class="new">new</span>).</li>
<li><strong>Coverage</strong>: who covers it (by country and kind) and <strong>who is missing</strong>: configured outlets, countries and leans that did not cover it, and single-outlet candidates that probably belong here (merge them in).</li>
<li><strong>Articles</strong>: one line each (headline, outlet, time); open one to read it. Tick articles to move them to another candidate or split them off. Add an article by its URL.</li>
<li><strong>Story</strong>: title, facts to accept, sources, narrative slots to write, predictions. <strong>Preview</strong> shows the story as it will publish.</li>
<li><strong>Publish</strong> waits until every narrative slot is written (or dropped). <strong>Reject</strong> asks for a reason.</li>
</ol></section>
<section class="box"><h2>The list</h2>
<p>Order by most recent update, newest, most outlets, most articles, or <strong>needs me</strong>: candidates with the most articles you have not seen yet. Search looks in titles, outlet names and article text.</p></section>`,
    viewer,
  );
}
