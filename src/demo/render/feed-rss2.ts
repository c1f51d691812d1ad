import { rfc822Utc, rfc822WithOffset } from './dates.js';
import { cdata, escapeMarkup as esc } from './escape.js';
import type { FeedView } from './feed-view.js';

/** RSS 2.0 with the dc, content, atom and media namespaces real feeds carry. */
export function renderRss2(feed: FeedView): string {
  const date = (iso: string) => (feed.utcOffsetMinutes === 0 ? rfc822Utc(iso) : rfc822WithOffset(iso, feed.utcOffsetMinutes));
  const items = feed.items.map((item) => {
    const description = item.summaryIsHtml ? cdata(item.summary) : esc(item.summary);
    const image = item.imageUrl ? `\n      <media:content url="${esc(item.imageUrl)}" medium="image" width="1200" height="675"/>` : '';
    const categories = item.categories.map((c) => `\n      <category>${esc(c)}</category>`).join('');
    return `    <item>
      <title>${esc(item.title)}</title>
      <link>${esc(item.link)}</link>
      <guid isPermaLink="${item.guidIsPermaLink}">${esc(item.guid)}</guid>
      <description>${description}</description>
      <pubDate>${date(item.published)}</pubDate>
      <dc:creator>${esc(item.author)}</dc:creator>${categories}${image}
    </item>`;
  });
  return `<?xml version="1.0" encoding="${feed.encodingLabel}"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>${esc(feed.title)}</title>
    <link>${esc(feed.homepageUrl)}</link>
    <atom:link href="${esc(feed.feedUrl)}" rel="self" type="application/rss+xml"/>
    <description>${esc(feed.description)}</description>
    <language>${esc(feed.language)}</language>
    <lastBuildDate>${date(feed.updated)}</lastBuildDate>
    <ttl>5</ttl>
${items.join('\n')}
  </channel>
</rss>
`;
}
