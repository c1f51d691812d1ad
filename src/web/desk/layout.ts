import { createHash } from 'node:crypto';
import { html, raw, type Html } from '../html.js';

/**
 * The desk's only stylesheet, inline so the page needs no asset route; the Content-Security-
 * Policy admits it by its hash and nothing else (no inline style attributes).
 */
export const DESK_CSS = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header.top{background:#1d2b3a;color:#fff;padding:.5rem 1.2rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header.top a{color:#fff;text-decoration:none;font-weight:600}header.top a.brand{font-size:1.05em}header.top .who{margin-left:auto;font-size:.9em}
header.top form{display:inline}header.top button{background:none;border:1px solid #8aa;color:#fff;border-radius:3px;cursor:pointer}
main{max-width:1300px;margin:1rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%;background:#fff}td,th{padding:.45rem .6rem;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
tr.current td{background:#eef5ff}
.muted{color:#666;font-size:.9em}.tag{display:inline-block;background:#eef2f7;border-radius:3px;padding:0 .35rem;margin:0 .2rem .2rem 0;font-size:.85em}
.new{display:inline-block;background:#ffe58a;color:#5a4500;border-radius:3px;padding:0 .35rem;font-size:.8em;font-weight:600}
.changed{background:#fff8d6}
.status{font-weight:600;text-transform:uppercase;font-size:.8em;letter-spacing:.03em}
.status-published{color:#1f7a35}.status-rejected{color:#a12}.status-in_review{color:#8a5a00}
.flash{background:#e8f4ea;border:1px solid #9c9;padding:.5rem .8rem;margin:.5rem 0}
.error{background:#fdecec;border:1px solid #d99;padding:.5rem .8rem;margin:.5rem 0}
.since{background:#fff8d6;border:1px solid #e6d27a;padding:.4rem .8rem;margin:.5rem 0}
.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;margin:.6rem 0}.filters label{display:flex;flex-direction:column;font-size:.85em}
.pager{display:flex;gap:1rem;align-items:center}.pager a{font-weight:600}
ul.articles{list-style:none;padding:0;margin:0}ul.articles>li{display:grid;grid-template-columns:auto 1fr;gap:.5rem;border-top:1px solid #eee;padding:.3rem 0}
ul.articles summary{cursor:pointer}ul.articles summary .headline{font-weight:600}
.article-body{font-size:.9em;white-space:pre-wrap;max-height:22rem;overflow:auto;border-left:3px solid #dde;padding:.3rem .6rem;margin:.3rem 0}
section.box{background:#fff;border:1px solid #ddd;border-radius:4px;padding:.8rem;margin:1rem 0}section.box h2{margin:.1rem 0 .5rem}
.columns{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem}.columns>section.box{margin:0}
.item{border-top:1px solid #eee;padding:.5rem 0;display:grid;grid-template-columns:auto 1fr auto;gap:.6rem;align-items:start}
.item textarea,.wide{width:100%;box-sizing:border-box}textarea{font:inherit;min-height:3.2em}
.excerpts{font-size:.88em;color:#444;margin:.2rem 0 .4rem 1rem}
.actions{display:flex;gap:.6rem;flex-wrap:wrap;align-items:center}.actions form{display:inline-flex;gap:.3rem;align-items:center}
button.primary{background:#1d5fa7;color:#fff;border:0;border-radius:3px;padding:.4rem .9rem;font-weight:600;cursor:pointer}
button.danger{border:1px solid #a12;color:#a12;background:#fff;border-radius:3px}
.pos{width:3.5em}select{max-width:100%}input.search{min-width:22em}svg.coverage text{font:12px system-ui,sans-serif}
.missing li{margin:.15rem 0}.missing strong{font-weight:600}
.preview{background:#fff;border:1px solid #ddd;padding:1rem 1.4rem;max-width:900px}.preview h1{margin-top:0}
.unwritten{background:#fdecec;color:#a12;font-weight:600;padding:0 .2rem}
pre.story{white-space:pre-wrap;background:#f4f4f4;padding:.6rem;font-size:.85em}
kbd{border:1px solid #bbb;border-bottom-width:2px;border-radius:3px;padding:0 .3rem;font-size:.9em;background:#fff}
.readonly{background:#eef2f7;border:1px solid #c9d3e0;padding:.4rem .8rem}
.signin{max-width:360px;margin:4rem auto;background:#fff;border:1px solid #ddd;padding:1.2rem;border-radius:6px}
.signin label{display:block;margin:.6rem 0}.signin input{width:100%;box-sizing:border-box;padding:.35rem}
`;

/** The CSP source that admits DESK_CSS and only it. */
export const DESK_CSS_HASH = `'sha256-${createHash('sha256').update(DESK_CSS).digest('base64')}'`;

/** Where the desk's one script (keyboard shortcuts) is served from; pages load it with the response's nonce. */
export const DESK_SCRIPT_PATH = '/assets/desk-keys.js';

/** Who is looking at a page: the header shows them and the sign-out form carries their CSRF token. */
export interface Viewer {
  name: string;
  role: string;
  csrf: string;
  /** This response's CSP nonce: the keyboard script loads with it (absent: no script on the page). */
  nonce?: string;
}

/** Editors change stories; operators read them. */
export function canEdit(viewer: Viewer | null): boolean {
  return viewer?.role === 'editor';
}

/** The desk's page frame. */
export function page(title: string, body: Html, viewer: Viewer | null = null): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · storydesk</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${raw(DESK_CSS)}</style>
${viewer?.nonce ? html`<script src="${DESK_SCRIPT_PATH}" nonce="${viewer.nonce}" defer></script>` : ''}</head>
<body><header class="top"><a class="brand" href="/">storydesk</a>${
    viewer
      ? html`<a href="/">Candidates</a><a href="/?status=published">Published</a>
${viewer.role === 'operator' ? html`<a href="/admin/queues" id="nav-queues">Queue dashboard</a>` : ''}<a href="/help">Help</a>
<span class="who">${viewer.name} (${viewer.role})</span>
<form method="post" action="/signout"><input type="hidden" name="_csrf" value="${viewer.csrf}"><button type="submit">Sign out</button></form>`
      : ''
  }</header>
<main>${body}</main></body></html>`.value;
}
