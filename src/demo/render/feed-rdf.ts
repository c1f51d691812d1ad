import { isoWithOffset } from './dates.js';
import { cdata, escapeMarkup as esc } from './escape.js';
import type { FeedView } from './feed-view.js';

/** RSS 1.0 (RDF): items outside the channel, listed by `rdf:Seq`, dates in `dc:date`. */
export function renderRdf(feed: FeedView): string {
  const date = (iso: string) => isoWithOffset(iso, feed.utcOffsetMinutes);
  const seq = feed.items.map((item) => `        <rdf:li rdf:resource="${esc(item.link)}"/>`).join('\n');
  const items = feed.items.map((item) => {
    const description = item.summaryIsHtml ? cdata(item.summary) : esc(item.summary);
    const subjects = item.categories.map((c) => `\n    <dc:subject>${esc(c)}</dc:subject>`).join('');
    return `  <item rdf:about="${esc(item.link)}">
    <title>${esc(item.title)}</title>
    <link>${esc(item.link)}</link>
    <description>${description}</description>
    <dc:date>${date(item.published)}</dc:date>
    <dc:creator>${esc(item.author)}</dc:creator>${subjects}
  </item>`;
  });
  return `<?xml version="1.0" encoding="${feed.encodingLabel}"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="${esc(feed.feedUrl)}">
    <title>${esc(feed.title)}</title>
    <link>${esc(feed.homepageUrl)}</link>
    <description>${esc(feed.description)}</description>
    <dc:language>${esc(feed.language)}</dc:language>
    <dc:date>${date(feed.updated)}</dc:date>
    <items>
      <rdf:Seq>
${seq}
      </rdf:Seq>
    </items>
  </channel>
${items.join('\n')}
</rdf:RDF>
`;
}
