import type { Fact, NarrativeSlot, Prediction, StoryCandidate } from '../model/index.js';
import type { StorySuggestion } from './suggest/suggest-story.js';

/** Texts compared the way an editor would: case and spacing aside. */
function sameText(a: string, b: string): boolean {
  const n = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return n(a) === n(b);
}

/** True when a fact, slot or prediction appeared after the editor's last edit (the desk marks it new). */
export function isNewSinceEdit(item: { suggestedAt?: string }, candidate: Pick<StoryCandidate, 'editedAt'>): boolean {
  return candidate.editedAt !== null && item.suggestedAt !== undefined && item.suggestedAt > candidate.editedAt;
}

/**
 * Merge fresh suggestions into a candidate without touching what an editor wrote: the editor's
 * title, accepted facts (their support grows when new outlets say the same), sources, slot
 * labels they changed and slot texts, accepted and hand-written predictions all stay. Unaccepted
 * suggestions are replaced by the fresh ones; what the editor deleted does not come back; each
 * suggestion keeps the time it first appeared, and new ones get `now`. Slots, written or not, take
 * the suggestion's order.
 */
export function refreshSuggestions(candidate: StoryCandidate, suggestion: StorySuggestion, at: string | Date): StoryCandidate {
  const now = typeof at === 'string' ? at : at.toISOString();
  const dismissed = candidate.dismissed ?? {};
  const firstSeen = (items: { text: string; suggestedAt?: string }[], text: string): string =>
    items.find((i) => sameText(i.text, text))?.suggestedAt ?? now;

  const accepted = candidate.facts
    .filter((f) => f.accepted)
    .map((f): Fact => {
      const fresh = suggestion.facts.find((s) => sameText(s.text, f.text));
      if (!fresh) return f;
      return { ...f, outlets: [...new Set([...f.outlets, ...fresh.outlets])], articles: [...new Set([...f.articles, ...fresh.articles])] };
    });
  const freshFacts = suggestion.facts
    .filter((s) => !accepted.some((f) => sameText(f.text, s.text)))
    .filter((s) => !(dismissed.facts ?? []).some((d) => sameText(d, s.text)))
    .map(
      (s): Fact => ({
        text: s.text,
        outlets: s.outlets,
        articles: s.articles,
        accepted: false,
        suggestedAt: firstSeen(candidate.facts, s.text),
      }),
    );

  const freshSlots = new Map(suggestion.narratives.map((s) => [s.outletId, s]));
  const kept = candidate.narratives.map((slot): NarrativeSlot => {
    const fresh = freshSlots.get(slot.outletId);
    if (!fresh) return slot;
    const relabelled = slot.suggestedLabel !== undefined && slot.label !== slot.suggestedLabel;
    return {
      ...slot,
      label: relabelled || slot.suggestedLabel === undefined ? slot.label : fresh.label,
      suggestedLabel: relabelled || slot.suggestedLabel === undefined ? slot.suggestedLabel : fresh.label,
      articles: [...new Set([...slot.articles, ...fresh.articles])],
      excerpts: fresh.excerpts,
    };
  });
  const added = suggestion.narratives
    .filter((s) => !kept.some((k) => k.outletId === s.outletId) && !(dismissed.slots ?? []).includes(s.outletId))
    .map((s): NarrativeSlot => ({ ...s, text: '', suggestedLabel: s.label, suggestedAt: now }));
  // Slots in the suggestion's order (state media and opinion first, then by first report), not in
  // the order their outlets' articles happened to arrive; those it no longer offers follow, as they were.
  const order = new Map(suggestion.narratives.map((s, i) => [s.outletId, i]));
  const rank = (slot: NarrativeSlot) => order.get(slot.outletId) ?? order.size;
  const narratives = [...kept, ...added]
    .map((slot, i) => ({ slot, i }))
    .sort((a, b) => rank(a.slot) - rank(b.slot) || a.i - b.i)
    .map(({ slot }) => slot);

  const keptPredictions = candidate.predictions.filter((p) => p.accepted || p.outletId === null);
  const freshPredictions = suggestion.predictions
    .filter((s) => !keptPredictions.some((p) => sameText(p.text, s.text)))
    .filter((s) => !(dismissed.predictions ?? []).some((d) => sameText(d, s.text)))
    .map(
      (s): Prediction => ({ text: s.text, outletId: s.outletId, accepted: false, suggestedAt: firstSeen(candidate.predictions, s.text) }),
    );

  return {
    ...candidate,
    suggestedTitle: suggestion.title || candidate.suggestedTitle,
    facts: [...accepted, ...freshFacts],
    narratives,
    predictions: [...keptPredictions, ...freshPredictions],
    updatedAt: now,
  };
}
