import { createHash } from 'node:crypto';
import { escapeMarkup as esc } from './escape.js';
import { commentPool, labelsFor, type PageLabels } from './page-labels.js';
import type { PageView } from './page-view.js';

/** Site header with logo, primary navigation and search: the first thing extraction must skip. */
export function siteHeader(view: PageView, labels: PageLabels, className: string): string {
  const nav = labels.nav
    .map((item) => `<li><a href="${view.homepageUrl}${encodeURIComponent(item.toLowerCase())}/">${esc(item)}</a></li>`)
    .join('');
  return `<header class="${className}">
  <div class="masthead"><a class="logo" href="${view.homepageUrl}" aria-label="${esc(view.outlet.name)}">${esc(view.outlet.name)}</a>
  <button class="menu-toggle" aria-expanded="false">Menu</button>
  <form class="search" action="${view.homepageUrl}search"><input type="search" name="q" placeholder="Search"><button>Search</button></form></div>
  <nav class="primary-nav" aria-label="Primary"><ul>${nav}</ul></nav>
</header>`;
}

/** An ad slot as ad servers leave it before their script fills it. */
export function adSlot(labels: PageLabels, slot: string): string {
  return `<div class="ad-slot ad-${slot}" id="ad-${slot}" data-ad-unit="/1234/news/${slot}"><span class="ad-label">${esc(labels.advertisement)}</span><div class="ad-placeholder" style="min-height:250px"></div></div>`;
}

/** The row of share buttons. */
export function shareBar(view: PageView, labels: PageLabels): string {
  const url = encodeURIComponent(view.canonicalUrl);
  const links = labels.share.map(
    (label, i) =>
      `<li><a class="share-${i}" href="https://share.invalid/?u=${url}" rel="nofollow noopener" target="_blank">${esc(label)}</a></li>`,
  );
  return `<div class="share-bar" role="group" aria-label="Share"><ul>${links.join('')}</ul></div>`;
}

/** Breadcrumb trail from the homepage to the article's section. */
export function breadcrumb(view: PageView, labels: PageLabels): string {
  const section = view.article.section;
  return `<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="${view.homepageUrl}">${esc(labels.home)}</a></li><li><a href="${view.homepageUrl}${esc(section)}/">${esc(capitalise(section))}</a></li></ol></nav>`;
}

/** Lead picture with caption and credit. */
export function leadFigure(view: PageView, credit: string): string {
  return `<figure class="lead-media"><picture><img src="${esc(view.imageUrl)}" alt="${esc(view.article.imageCaption)}" width="1200" height="675" loading="eager"></picture><figcaption><span class="caption">${esc(view.article.imageCaption)}</span> <span class="credit">${esc(credit)}</span></figcaption></figure>`;
}

/** A list of links to other articles (related, most read, recommended). */
export function linkList(title: string, items: PageView['related'], className: string): string {
  if (items.length === 0) return '';
  const lis = items.map((item) => `<li><a href="${esc(item.url)}">${esc(item.title)}</a></li>`).join('\n    ');
  return `<section class="${className}"><h2>${esc(title)}</h2>
  <ul>
    ${lis}
  </ul>
</section>`;
}

/** A comments section with a few reader comments picked by the article id. */
export function commentsSection(view: PageView, labels: PageLabels): string {
  const pool = view.outlet.language.startsWith('ja') ? commentPool.ja : commentPool.en;
  const start = pick(view.article.id, pool.length);
  const count = 2 + pick(view.article.id + '#n', 2);
  const comments = Array.from({ length: count }, (_, i) => pool[(start + i) % pool.length]!);
  const items = comments
    .map(
      (c, i) =>
        `<li class="comment" id="comment-${i + 1}"><div class="comment-author">${esc(c.user)}</div><div class="comment-body"><p>${esc(c.text)}</p></div><button class="reply">Reply</button></li>`,
    )
    .join('\n    ');
  return `<section id="comments" class="comments"><h2>${esc(labels.comments)} (${count})</h2>
  <p class="comment-cta"><a href="${view.homepageUrl}login">${esc(labels.commentCta)}</a></p>
  <ol class="comment-list">
    ${items}
  </ol>
</section>`;
}

/** The site footer with its link columns and copyright line. */
export function siteFooter(view: PageView, labels: PageLabels): string {
  const links = labels.footer
    .map((item) => `<li><a href="${view.homepageUrl}about/${encodeURIComponent(item.toLowerCase())}">${esc(item)}</a></li>`)
    .join('');
  const year = new Date(view.article.published).getUTCFullYear();
  return `<footer class="site-footer"><nav aria-label="Footer"><ul>${links}</ul></nav><p class="copyright">© ${year} ${esc(view.outlet.name)}. All rights reserved.</p></footer>`;
}

/** The article's paragraphs as `<p>` elements, with an ad after every `adEvery` paragraphs. */
export function bodyParagraphs(view: PageView, labels: PageLabels, options: { adEvery: number; pAttrs?: (i: number) => string }): string {
  const parts: string[] = [];
  view.article.paragraphs.forEach((text, i) => {
    const attrs = options.pAttrs ? options.pAttrs(i) : '';
    parts.push(`<p${attrs}>${esc(text)}</p>`);
    if (options.adEvery > 0 && (i + 1) % options.adEvery === 0 && i + 1 < view.article.paragraphs.length) {
      parts.push(adSlot(labels, `inline-${i + 1}`));
    }
  });
  // The hostile outlet's planted markup goes in raw, between the honest paragraphs.
  for (const raw of view.article.rawBodyHtml ?? []) parts.splice(Math.min(2, parts.length), 0, raw);
  return parts.join('\n');
}

/** Labels for the view's outlet language. */
export function labelsOf(view: PageView): PageLabels {
  return labelsFor(view.outlet.language);
}

function pick(key: string, n: number): number {
  return parseInt(createHash('sha256').update(key).digest('hex').slice(0, 6), 16) % n;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
