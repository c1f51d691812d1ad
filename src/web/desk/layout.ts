import { html, type Html } from '../html.js';

/** The desk's page frame. */
export function page(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · storydesk</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{background:#1d2b3a;color:#fff;padding:.6rem 1.2rem}header a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:1200px;margin:1rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%;background:#fff}td,th{padding:.45rem .6rem;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
.muted{color:#666;font-size:.9em}.tag{display:inline-block;background:#eef2f7;border-radius:3px;padding:0 .35rem;margin:0 .2rem .2rem 0;font-size:.85em}
</style></head>
<body><header><a href="/">storydesk</a></header><main>${body}</main></body></html>`.value;
}
