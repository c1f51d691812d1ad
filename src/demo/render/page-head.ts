import type { DemoOutlet } from '../types.js';
import { escapeMarkup as esc, jsonForScript } from './escape.js';
import type { PageView } from './page-view.js';

/** The `<head>` of an article page: charset as the outlet declares it, metadata, JSON-LD. */
export function renderHead(view: PageView): string {
  const { outlet, article } = view;
  const lines: string[] = [];
  const charset = charsetMeta(outlet);
  if (charset) lines.push(charset);
  lines.push(
    `<title>${esc(article.title)} | ${esc(outlet.name)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="description" content="${esc(article.summary)}">`,
    `<link rel="canonical" href="${esc(view.canonicalUrl)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="${esc(outlet.name)}">`,
    `<meta property="og:title" content="${esc(article.title)}">`,
    `<meta property="og:description" content="${esc(article.summary)}">`,
    `<meta property="og:url" content="${esc(view.canonicalUrl)}">`,
    `<meta property="og:image" content="${esc(view.imageUrl)}">`,
    '<meta name="twitter:card" content="summary_large_image">',
  );
  if (outlet.template === 'state') {
    // Old CMS: its own date meta, no Open Graph article times.
    lines.push(
      `<meta name="publishdate" content="${article.published.slice(0, 10)}">`,
      `<meta name="author" content="${esc(article.author)}">`,
    );
  } else {
    lines.push(`<meta property="article:published_time" content="${article.published}">`);
    if (article.modified) lines.push(`<meta property="article:modified_time" content="${article.modified}">`);
    lines.push(`<meta property="article:section" content="${esc(article.section)}">`);
    for (const tag of article.tags) lines.push(`<meta property="article:tag" content="${esc(tag)}">`);
  }
  lines.push(`<link rel="stylesheet" href="/${outlet.id}/static/site.css">`);
  lines.push(`<script async src="/${outlet.id}/static/analytics.js"></script>`);
  lines.push('<script>window.dataLayer = window.dataLayer || []; dataLayer.push({ pageType: "article" });</script>');
  if (outlet.jsonLd) lines.push(`<script type="application/ld+json">${jsonLdFor(view)}</script>`);
  return `<head>\n${lines.map((l) => `  ${l}`).join('\n')}\n</head>`;
}

function charsetMeta(outlet: DemoOutlet): string | null {
  if (outlet.charsetDeclaration === 'header') return null;
  // Legacy pages use the http-equiv form; modern ones the short form.
  return outlet.charset === 'utf-8'
    ? '<meta charset="utf-8">'
    : `<meta http-equiv="Content-Type" content="text/html; charset=${charsetLabel(outlet)}">`;
}

/** The label a document and header use for the outlet's charset. */
export function charsetLabel(outlet: DemoOutlet): string {
  return outlet.charset === 'shift_jis' ? 'Shift_JIS' : 'utf-8';
}

function jsonLdFor(view: PageView): string {
  const { outlet, article } = view;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    datePublished: article.published,
    dateModified: article.modified ?? article.published,
    author: [{ '@type': 'Person', name: article.author }],
    publisher: { '@type': 'Organization', name: outlet.name, logo: { '@type': 'ImageObject', url: `${view.homepageUrl}static/logo.png` } },
    image: [view.imageUrl],
    mainEntityOfPage: { '@type': 'WebPage', '@id': view.canonicalUrl },
    articleSection: article.section,
    inLanguage: outlet.language,
    keywords: article.tags.join(', '),
  };
  // A hostile page does not bother escaping, so its JSON-LD can close the script element.
  return outlet.hostile ? JSON.stringify(data) : jsonForScript(data);
}
