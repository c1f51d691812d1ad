import { sourcesList } from './render-text.js';
import type { StoryDocument } from './story-document.js';

/** Escape what Markdown (and HTML inside it) would read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

/** The story as Markdown: the title as a heading, a heading per section, bullets as list items. */
export function renderMarkdown(doc: StoryDocument): string {
  const e = escapeMarkdown;
  const parts = [
    `# ${e(doc.title)}`,
    '## Facts',
    doc.facts.map((f) => `- ${e(f)}`).join('\n'),
    '## Sources',
    `${e(sourcesList(doc.sources))}.`,
    '## Narratives',
    doc.narratives.map((n) => `- **${e(n.label)} narrative, as provided by ${e(n.outlet)}.** ${e(n.text)}`).join('\n'),
    '## Predictions',
    doc.predictions.map((p) => `- ${e(p)}`).join('\n'),
  ];
  return parts.filter((p) => p !== '').join('\n\n') + '\n';
}
