import type { Outlet, StoryCandidate } from '../model/index.js';
import { UNWRITTEN, type StoryDocument } from './format/story-document.js';
import { outletMap } from './suggest/article-group.js';
import type { StorySuggestion } from './suggest/suggest-story.js';

/** Editor text on one line: the format has one line per fact, narrative and prediction. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Display name of an outlet id (the id itself when the outlet is unknown). */
function nameOf(outlets: Map<string, Outlet>, id: string): string {
  return outlets.get(id)?.name ?? id;
}

/**
 * The story a candidate would publish now: the editor's title, else the suggested one; the
 * accepted facts, else the suggestions; the editor's sources, else the outlets behind the facts
 * in order of first report; each slot with its text, or "[to be written]" so the export stays
 * valid; the accepted predictions, else the suggestions.
 */
export function candidateToDocument(
  candidate: StoryCandidate,
  suggestion: StorySuggestion,
  outlets: ReadonlyMap<string, Outlet> | readonly Outlet[],
): StoryDocument {
  const byId = outletMap(outlets);
  const accepted = candidate.facts.filter((f) => f.accepted);
  const facts = accepted.length > 0 ? accepted : suggestion.facts;
  const factOutlets = new Set(facts.flatMap((f) => f.outlets));
  // First-report order comes from the suggestion; outlets only the editor added go after it.
  const sourceIds = candidate.sources ?? [
    ...suggestion.sources.filter((id) => factOutlets.has(id)),
    ...[...factOutlets].filter((id) => !suggestion.sources.includes(id)),
  ];
  const slots = candidate.narratives.length > 0 ? candidate.narratives : suggestion.narratives.map((s) => ({ ...s, text: '' }));
  const keptPredictions = candidate.predictions.filter((p) => p.accepted);
  const predictions = keptPredictions.length > 0 ? keptPredictions.map((p) => p.text) : suggestion.predictions.map((p) => p.text);
  return {
    title: oneLine(candidate.title ?? '') || oneLine(candidate.suggestedTitle) || oneLine(suggestion.title),
    facts: facts.map((f) => oneLine(f.text)).filter(Boolean),
    sources: sourceIds.map((id) => nameOf(byId, id)),
    narratives: slots.map((s) => ({ outlet: nameOf(byId, s.outletId), label: oneLine(s.label), text: oneLine(s.text) || UNWRITTEN })),
    predictions: predictions.map(oneLine).filter(Boolean),
  };
}
