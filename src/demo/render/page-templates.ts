import { beijingTimestamp, humanDateUtc, japaneseDate } from './dates.js';
import { escapeMarkup as esc } from './escape.js';
import {
  adSlot,
  bodyParagraphs,
  breadcrumb,
  commentsSection,
  labelsOf,
  leadFigure,
  linkList,
  shareBar,
  siteFooter,
  siteHeader,
} from './page-parts.js';
import type { PageView } from './page-view.js';

/** Wire-service layout: dense header, inline ads, a reporting trailer, "Read next". */
export function wireBody(view: PageView): string {
  const labels = labelsOf(view);
  const a = view.article;
  return `<a class="skip-link" href="#main-content">Skip to main content</a>
${siteHeader(view, labels, 'site-header wire-header')}
${adSlot(labels, 'leaderboard')}
<main id="main-content" class="main">
  <article class="article" data-testid="Article">
    ${breadcrumb(view, labels)}
    <h1 data-testid="Heading">${esc(a.title)}</h1>
    <div class="article-info"><address class="byline">${labels.by} <a rel="author" href="${view.homepageUrl}authors/${encodeURIComponent(a.author)}/">${esc(a.author)}</a></address>
    <time datetime="${a.published}">${humanDateUtc(a.published)}</time>${a.modified ? ` <span class="updated">Updated <time datetime="${a.modified}">${humanDateUtc(a.modified)}</time></span>` : ''}</div>
    ${shareBar(view, labels)}
    ${leadFigure(view, `${view.outlet.name.toUpperCase()}/Staff`)}
    <div class="article-body__content">
${bodyParagraphs(view, labels, { adEvery: 3, pAttrs: (i) => ` data-testid="paragraph-${i}" class="text__paragraph"` })}
    </div>
    <ul class="tags">${a.tags.map((t) => `<li><a href="${view.homepageUrl}tags/${encodeURIComponent(t)}">${esc(t)}</a></li>`).join('')}</ul>
    <p class="trust-principles"><a href="${view.homepageUrl}about/standards">Our Standards: The Trust Principles.</a></p>
  </article>
  <aside class="read-next">${linkList('Read Next', view.related, 'read-next-list')}</aside>
</main>
${commentsSection(view, labels)}
${siteFooter(view, labels)}`;
}

/** Broadsheet layout: standfirst, pull quote and newsletter promo inside the body, most-read rail. */
export function broadsheetBody(view: PageView): string {
  const labels = labelsOf(view);
  const a = view.article;
  const paragraphs = bodyParagraphs(view, labels, { adEvery: 0 }).split('\n');
  const quote = a.paragraphs.find((p) => p.includes('"')) ?? a.paragraphs[0] ?? '';
  const pullQuote = `<aside class="element-pullquote"><blockquote><p>${esc(quote.slice(0, 140))}</p></blockquote></aside>`;
  const newsletter = `<aside class="newsletter-signup"><p>${esc(labels.newsletter)}</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form></aside>`;
  paragraphs.splice(Math.min(2, paragraphs.length), 0, pullQuote);
  paragraphs.splice(Math.min(5, paragraphs.length), 0, newsletter);
  return `${siteHeader(view, labels, 'site-header broadsheet')}
<div class="content-wrapper">
  <div class="content__main-column">
    ${breadcrumb(view, labels)}
    <div class="content__labels"><a class="section-label" href="${view.homepageUrl}${esc(a.section)}/">${esc(a.section)}</a></div>
    <h1 class="content__headline" itemprop="headline">${esc(a.title)}</h1>
    <div class="content__standfirst"><p>${esc(a.summary)}</p></div>
    ${leadFigure(view, 'Photograph: Agency')}
    <div class="content__meta-container"><p class="byline" data-component="meta-byline"><a rel="author" href="${view.homepageUrl}profile/${encodeURIComponent(a.author)}">${esc(a.author)}</a></p>
    <p class="content__dateline"><time itemprop="datePublished" datetime="${a.published}">${humanDateUtc(a.published)}</time></p>
    ${shareBar(view, labels)}</div>
    <div id="maincontent" class="content__article-body from-content-api js-article__body" itemprop="articleBody">
${paragraphs.join('\n')}
    </div>
    <div class="submeta"><ul class="keywords">${a.tags.map((t) => `<li><a href="${view.homepageUrl}${encodeURIComponent(t.toLowerCase())}">${esc(t)}</a></li>`).join('')}</ul></div>
    ${commentsSection(view, labels)}
  </div>
  <aside class="content__secondary-column">${adSlot(labels, 'right')}${linkList(labels.mostRead, view.related, 'most-popular')}</aside>
</div>
${linkList(labels.related, view.related.slice(0, 2), 'onward-journey')}
${siteFooter(view, labels)}`;
}

/** Magazine layout: "recommended stories" and key points inside the body wrapper, video embed. */
export function magazineBody(view: PageView): string {
  const labels = labelsOf(view);
  const a = view.article;
  const recommended = view.related.length
    ? `<div class="more-on"><h2>Recommended Stories</h2><ul>${view.related
        .slice(0, 3)
        .map((r) => `<li><a href="${esc(r.url)}">${esc(r.title)}</a></li>`)
        .join('')}</ul></div>`
    : '';
  const keyPoints = `<div class="key-points"><h2>Key Points</h2><ul><li>${esc(a.summary)}</li></ul></div>`;
  return `${siteHeader(view, labels, 'site-header magazine')}
<div class="container">
  <main id="main-content-area">
    <header class="article-header">
      ${breadcrumb(view, labels)}
      <h1>${esc(a.title)}</h1>
      <p class="article__subhead"><em>${esc(a.summary)}</em></p>
      <div class="article-b-l"><div class="author-link">${labels.by} <a href="${view.homepageUrl}author/${encodeURIComponent(a.author)}">${esc(a.author)}</a></div>
      <div class="date-simple"><span class="screen-reader-text">Published On ${humanDateUtc(a.published)}</span><span aria-hidden="true">${humanDateUtc(a.published).split(' ').slice(0, 3).join(' ')}</span></div></div>
      ${shareBar(view, labels)}
    </header>
    ${leadFigure(view, 'AFP')}
    <div class="wysiwyg wysiwyg--all-content">
${keyPoints}
${recommended}
${bodyParagraphs(view, labels, { adEvery: 4 })}
      <div class="video-embed" data-video-id="${esc(a.id)}"><button class="play">Play video</button><p class="video-caption">Watch: our correspondent reports</p></div>
    </div>
  </main>
  <aside class="sidebar">${adSlot(labels, 'sidebar')}${linkList(labels.mostRead, view.related, 'most-read-container')}</aside>
</div>
${commentsSection(view, labels)}
${siteFooter(view, labels)}`;
}

/** State-media layout: table layout, "Location:" trail, editor line, indented paragraphs. */
export function stateBody(view: PageView): string {
  const labels = labelsOf(view);
  const a = view.article;
  const leftNav = labels.nav
    .map((n) => `<a href="${view.homepageUrl}${encodeURIComponent(n.toLowerCase())}/">${esc(n)}</a><br>`)
    .join('\n');
  return `<div id="top-banner"><a href="${view.homepageUrl}"><img src="${view.homepageUrl}static/banner.gif" alt="${esc(view.outlet.name)}"></a></div>
<table class="layout" width="100%" cellpadding="0" cellspacing="0"><tr>
<td class="left-col" width="180" valign="top">${leftNav}</td>
<td class="main-col" valign="top">
  <div class="position">Location: <a href="${view.homepageUrl}">${esc(labels.home)}</a> &gt; <a href="${view.homepageUrl}${esc(a.section)}/">${esc(a.section.toUpperCase())}</a></div>
  <h1 id="article-title">${esc(a.title)}</h1>
  <div class="info"><span>Source: ${esc(view.outlet.name)}</span> <span>Editor: ${esc(a.author)}</span> <span class="time">${beijingTimestamp(a.published)}</span></div>
  <div class="font-size">Font size: <a href="#">A+</a> <a href="#">A-</a></div>
  <div id="article-content"><div class="TRS_Editor">
  <p style="text-align:center"><img src="${esc(view.imageUrl)}" alt=""></p>
  <p style="text-align:center"><font color="#666666">${esc(a.imageCaption)}</font></p>
${bodyParagraphs(view, labels, { adEvery: 0, pAttrs: () => ' style="text-indent:2em"' })}
  </div></div>
  <div class="editor-line">[ Editor: ${esc(a.author)} ]</div>
  ${shareBar(view, labels)}
  ${linkList('Related News', view.related, 'related-news')}
</td></tr></table>
${commentsSection(view, labels)}
${siteFooter(view, labels)}`;
}

/** Opinion layout: kicker, author bio, disclaimer, newsletter interrupt, top stories carousel. */
export function opinionBody(view: PageView): string {
  const labels = labelsOf(view);
  const a = view.article;
  const paragraphs = bodyParagraphs(view, labels, { adEvery: 2 }).split('\n');
  paragraphs.splice(
    Math.min(3, paragraphs.length),
    0,
    `<div class="newsletter-interrupt"><strong>${esc(labels.newsletter)}</strong></div>`,
  );
  const isOpinion = a.section === 'opinion';
  return `${siteHeader(view, labels, 'site-header opinion-header')}
${adSlot(labels, 'top')}
<div class="top-stories-carousel">${linkList('Top Stories', view.related, 'top-stories')}</div>
<article class="article ${isOpinion ? 'opinion' : 'news'}">
  ${breadcrumb(view, labels)}
  ${isOpinion ? '<span class="kicker">Opinion</span>' : ''}
  <h1 class="page-title">${esc(a.title)}</h1>
  <div class="submitted-by">${labels.by} <span class="author-name">${esc(a.author)}</span>, ${isOpinion ? 'opinion contributor' : 'staff writer'} - <span class="submitted-date">${humanDateUtc(a.published)}</span></div>
  ${shareBar(view, labels)}
  ${leadFigure(view, 'Associated Press')}
  <div class="article__text">
${paragraphs.join('\n')}
  </div>
  ${isOpinion ? `<div class="author-bio"><p>${esc(a.author)} is a contributor on foreign policy and national security.</p></div><p class="disclaimer"><em>The views expressed by contributors are their own and are not the views of ${esc(view.outlet.name)}.</em></p>` : ''}
  <p class="copyright-notice">Copyright ${new Date(a.published).getUTCFullYear()} ${esc(view.outlet.name)} Media Group. All rights reserved. This material may not be published, broadcast, rewritten, or redistributed.</p>
</article>
<div id="disqus_thread">${commentsSection(view, labels)}</div>
${siteFooter(view, labels)}`;
}

/** News-portal layout: ranking rail; the Japanese outlet separates paragraphs with `<br>` pairs. */
export function portalBody(view: PageView): string {
  const labels = labelsOf(view);
  const a = view.article;
  const japanese = view.outlet.language.startsWith('ja');
  const body = japanese
    ? `<div class="article-body" id="article-body">\n${a.paragraphs.map((p) => `　${esc(p)}`).join('<br><br>\n')}\n</div>`
    : `<div class="article-body">\n${bodyParagraphs(view, labels, { adEvery: 3 })}\n</div>`;
  const date = japanese ? japaneseDate(a.published) : humanDateUtc(a.published);
  return `${siteHeader(view, labels, 'site-header portal')}
<div id="breaking-ticker"><span>${japanese ? '速報' : 'BREAKING'}</span> <a href="${view.related[0]?.url ?? view.homepageUrl}">${esc(view.related[0]?.title ?? '')}</a></div>
<div class="wrapper">
  <div class="main-column">
    ${breadcrumb(view, labels)}
    <div class="article-head">
      <h1 class="article-title">${esc(a.title)}</h1>
      <p class="credit">${japanese ? `${esc(a.author)}　${date}` : `<span class="byline">${esc(a.author)}</span> <span class="date">${date}</span>`}</p>
    </div>
    ${shareBar(view, labels)}
    ${leadFigure(view, view.outlet.name)}
${body}
    ${linkList(labels.related, view.related.slice(0, 3), 'related-articles')}
    ${commentsSection(view, labels)}
  </div>
  <div class="side-column">${adSlot(labels, 'rectangle')}${linkList(labels.mostRead, view.related, 'ranking')}${adSlot(labels, 'skyscraper')}</div>
</div>
${siteFooter(view, labels)}`;
}
