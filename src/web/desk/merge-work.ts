import type { NarrativeSlot, StoryCandidate } from '../../core/model/index.js';

const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * What a merge keeps: the target's editor work and the source's, nothing dropped. The
 * target's title stays when both have one (the source's is in the merge's history snapshot
 * and comes back on undo); accepted facts, kept and hand-written predictions of both; a slot
 * written on either side stays: a source text fills the target's empty slot of that outlet,
 * and when both wrote a different text for one outlet, both slots stay and the source's is
 * marked `mergedFrom` for the editor to choose. Chosen sources and dismissals are united;
 * a candidate under review stays under review.
 */
export function combineEditorWork(target: StoryCandidate, source: StoryCandidate): StoryCandidate {
  const has = (list: { text: string }[], text: string) => list.some((x) => sameText(x.text, text));
  const narratives: NarrativeSlot[] = target.narratives.map((s) => ({ ...s }));
  for (const slot of source.narratives.filter((s) => s.text.trim() !== '')) {
    const same = narratives.filter((t) => t.outletId === slot.outletId);
    if (same.some((t) => sameText(t.text, slot.text))) continue;
    const empty = same.find((t) => t.text.trim() === '');
    if (empty)
      Object.assign(empty, {
        text: slot.text,
        label: slot.label,
        suggestedLabel: slot.suggestedLabel,
        articles: [...new Set([...empty.articles, ...slot.articles])],
      });
    else narratives.push(same.length ? { ...slot, mergedFrom: source.id } : { ...slot });
  }
  const union = (a: string[] | undefined, b: string[] | undefined) => [...new Set([...(a ?? []), ...(b ?? [])])];
  const reviewed = target.status === 'candidate' && source.status === 'in_review';
  return {
    ...target,
    title: target.title ?? source.title,
    facts: [...target.facts, ...source.facts.filter((f) => f.accepted && !has(target.facts, f.text))],
    sources: target.sources === null && source.sources === null ? null : union(target.sources ?? [], source.sources ?? []),
    narratives,
    predictions: [
      ...target.predictions,
      ...source.predictions.filter((p) => (p.accepted || p.outletId === null) && !has(target.predictions, p.text)),
    ],
    dismissed: {
      facts: union(target.dismissed?.facts, source.dismissed?.facts),
      predictions: union(target.dismissed?.predictions, source.dismissed?.predictions),
      slots: union(target.dismissed?.slots, source.dismissed?.slots).filter((outletId) => !narratives.some((s) => s.outletId === outletId)),
    },
    status: reviewed ? 'in_review' : target.status,
  };
}

/** The target of an undone merge without the slots that merge brought in beside its own (they go back with the source). */
export function withoutMergedFrom(target: StoryCandidate, sourceId: string): StoryCandidate {
  return { ...target, narratives: target.narratives.filter((s) => s.mergedFrom !== sourceId) };
}
