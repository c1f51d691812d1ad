import type { StoryDocument } from './story-document.js';

/** The story as JSON: the model itself, pretty-printed, one trailing newline. */
export function renderJson(doc: StoryDocument): string {
  const ordered: StoryDocument = {
    title: doc.title,
    facts: [...doc.facts],
    sources: [...doc.sources],
    narratives: doc.narratives.map((n) => ({ label: n.label, outlet: n.outlet, text: n.text })),
    predictions: [...doc.predictions],
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}
