import { isoWithOffset } from './dates.js';
import { escapeMarkup as esc } from './escape.js';
import type { FeedView } from './feed-view.js';

/** Atom 1.0; summaries are `type="html"` (escaped markup), as most publishers send them. */
export function renderAtom(feed: FeedView): string {
  const date = (iso: string) => isoWithOffset(iso, feed.utcOffsetMinutes);
  const entries = feed.items.map((item) => {
    const summary = item.summaryIsHtml ? esc(item.summary) : esc(`<p>${esc(item.summary)}</p>`);
    const categories = item.categories.map((c) => `\n    <category term="${esc(c)}"/>`).join('');
    const image = item.imageUrl ? `\n    <link rel="enclosure" type="image/jpeg" href="${esc(item.imageUrl)}"/>` : '';
    return `  <entry>
    <id>${esc(item.guid)}</id>
    <title type="text">${esc(item.title)}</title>
    <link rel="alternate" type="text/html" href="${esc(item.link)}"/>${image}
    <published>${date(item.published)}</published>
    <updated>${date(item.updated)}</updated>
    <author><name>${esc(item.author)}</name></author>
    <summary type="html">${summary}</summary>${categories}
  </entry>`;
  });
  return `<?xml version="1.0" encoding="${feed.encodingLabel}"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${esc(feed.language)}">
  <id>${esc(feed.feedUrl)}</id>
  <title>${esc(feed.title)}</title>
  <subtitle>${esc(feed.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${esc(feed.homepageUrl)}"/>
  <link rel="self" type="application/atom+xml" href="${esc(feed.feedUrl)}"/>
  <updated>${date(feed.updated)}</updated>
${entries.join('\n')}
</feed>
`;
}
