import { UNWRITTEN, type StoryDocument } from '../../core/story/index.js';

/** The narratives of a story that still read "[to be written]": publishing waits for them. */
export function unwrittenSlots(doc: StoryDocument): string[] {
  return doc.narratives.filter((n) => n.text.trim() === '' || n.text.includes(UNWRITTEN)).map((n) => `${n.label} (${n.outlet})`);
}

/** The editor's message when Publish is refused. */
export function unwrittenMessage(slots: string[]): string {
  return `Not published: ${slots.length} narrative slot(s) still read "${UNWRITTEN}": ${slots.join('; ')}. Write them, or drop the slots you do not need, then publish.`;
}
