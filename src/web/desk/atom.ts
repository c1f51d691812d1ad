import { renderStory, type StoryDocument } from '../../core/story/index.js';

/** One published story in the feed. */
export interface AtomEntry {
  id: string;
  doc: StoryDocument;
  /** When it was published (UTC ISO). */
  publishedAt: string;
  updatedAt: string;
}

function xml(value: string): string {
  // XML 1.0 forbids most control characters even escaped; drop them, escape the rest.
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Published stories as an Atom feed; each entry's content is the story in the story format. */
export function renderAtom(entries: AtomEntry[], options: { baseUrl: string; now: string }): string {
  const updated = entries.reduce((latest, e) => (e.updatedAt > latest ? e.updatedAt : latest), entries.length ? '' : options.now);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '  <title>storydesk: published stories</title>',
    `  <id>${xml(`${options.baseUrl}/published.atom`)}</id>`,
    `  <updated>${xml(updated)}</updated>`,
    `  <link rel="alternate" href="${xml(`${options.baseUrl}/`)}"/>`,
    ...entries.flatMap((e) => [
      '  <entry>',
      `    <title>${xml(e.doc.title)}</title>`,
      `    <id>${xml(`${options.baseUrl}/stories/${encodeURIComponent(e.id)}`)}</id>`,
      `    <link rel="alternate" href="${xml(`${options.baseUrl}/stories/${encodeURIComponent(e.id)}`)}"/>`,
      `    <published>${xml(e.publishedAt)}</published>`,
      `    <updated>${xml(e.updatedAt)}</updated>`,
      `    <author><name>${xml(e.doc.sources.join(', ') || 'storydesk')}</name></author>`,
      `    <content type="text">${xml(renderStory(e.doc))}</content>`,
      '  </entry>',
    ]),
    '</feed>',
  ];
  return lines.join('\n') + '\n';
}
