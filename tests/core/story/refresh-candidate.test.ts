import { describe, expect, it } from 'vitest';
import type { StoryCandidate } from '../../../src/core/model/index.js';
import {
  candidateToDocument,
  isNewSinceEdit,
  parseStory,
  refreshSuggestions,
  renderStory,
  suggestStory,
} from '../../../src/core/story/index.js';
import { chinaJapan } from './fixtures.js';

const { outlets, articles } = chinaJapan();

function empty(): StoryCandidate {
  return {
    id: 's1',
    status: 'candidate',
    articleIds: [],
    title: null,
    suggestedTitle: '',
    facts: [],
    sources: null,
    narratives: [],
    predictions: [],
    createdAt: 't0',
    updatedAt: 't0',
    editedAt: null,
    version: 1,
  };
}

describe('refreshSuggestions', () => {
  const early = suggestStory(articles.slice(0, 3), outlets);
  const later = suggestStory(articles, outlets);

  it('fills an empty candidate with suggestions', () => {
    const c = refreshSuggestions(empty(), early, '2023-02-22T08:30:00Z');
    expect(c.suggestedTitle).toBe(early.title);
    expect(c.facts.map((f) => f.text)).toEqual(early.facts.map((f) => f.text));
    expect(c.facts.every((f) => !f.accepted && f.suggestedAt === '2023-02-22T08:30:00Z')).toBe(true);
    expect(c.narratives.map((n) => n.outletId)).toEqual(early.narratives.map((n) => n.outletId));
    expect(c.updatedAt).toBe('2023-02-22T08:30:00Z');
  });

  it('keeps what the editor wrote and marks what is new since the edit', () => {
    const first = refreshSuggestions(empty(), early, '2023-02-22T08:30:00Z');
    const edited: StoryCandidate = {
      ...first,
      title: 'Editor title',
      facts: [{ text: 'An editor wrote this fact.', outlets: ['kyodo'], articles: ['a-ky'], accepted: true }, ...first.facts.slice(1)],
      narratives: first.narratives.map((n, i) => (i === 0 ? { ...n, label: 'Editor label', text: 'Editor narrative.' } : n)),
      predictions: [{ text: 'Talks resume in autumn.', outletId: null, accepted: true }],
      dismissed: { facts: [first.facts[1]!.text] },
      editedAt: '2023-02-22T09:00:00Z',
    };
    const next = refreshSuggestions(edited, later, new Date('2023-02-22T14:00:00Z'));
    expect(next.title).toBe('Editor title');
    expect(next.facts[0]).toMatchObject({ text: 'An editor wrote this fact.', accepted: true });
    expect(next.facts.map((f) => f.text)).not.toContain(first.facts[1]!.text);
    const slot = next.narratives.find((n) => n.outletId === edited.narratives[0]!.outletId)!;
    expect(slot).toMatchObject({ label: 'Editor label', text: 'Editor narrative.' });
    expect(next.predictions[0]).toEqual({ text: 'Talks resume in autumn.', outletId: null, accepted: true });
    // The opinion piece arrived after the edit: its slot is new, the old slots are not.
    const hill = next.narratives.find((n) => n.outletId === 'thehill')!;
    expect(hill).toMatchObject({ label: 'Anti-China', text: '', suggestedAt: '2023-02-22T14:00:00.000Z' });
    expect(isNewSinceEdit(hill, next)).toBe(true);
    expect(isNewSinceEdit(slot, next)).toBe(false);
    expect(next.version).toBe(edited.version);
  });

  it("orders the slots as the suggestion does, whatever order their outlets' articles arrived in", () => {
    // The news outlets report first; state media and the opinion piece come later, and go first.
    const reports = articles.filter((a) => a.outletId !== 'chinamil' && a.outletId !== 'thehill');
    const first = refreshSuggestions(empty(), suggestStory(reports, outlets), 't1');
    const written = { ...first, narratives: first.narratives.map((n, i) => (i === 0 ? { ...n, text: 'Editor narrative.' } : n)) };
    const next = refreshSuggestions(written, later, 't2');
    expect(next.narratives.slice(0, 2).map((n) => n.outletId)).toEqual(['chinamil', 'thehill']);
    expect(next.narratives.map((n) => n.outletId)).toEqual(later.narratives.map((n) => n.outletId));
    expect(next.narratives.find((n) => n.outletId === first.narratives[0]!.outletId)!.text).toBe('Editor narrative.');
  });

  it('updates a suggested label the editor did not change', () => {
    const first = refreshSuggestions(empty(), early, 't1');
    const relabelled = { ...later, narratives: later.narratives.map((n) => ({ ...n, label: `${n.label}!` })) };
    const next = refreshSuggestions(first, relabelled, 't2');
    const both = next.narratives.filter((n) => relabelled.narratives.some((r) => r.outletId === n.outletId));
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((n) => n.label.endsWith('!'))).toBe(true);
  });
});

describe('candidateToDocument', () => {
  const suggestion = suggestStory(articles, outlets);

  it('uses the suggestions where nothing was accepted, and prints unfilled slots so the story stays valid', () => {
    const doc = candidateToDocument(empty(), suggestion, outlets);
    expect(doc.title).toBe(suggestion.title);
    expect(doc.facts).toEqual(suggestion.facts.map((f) => f.text));
    expect(doc.sources).toEqual(['Al Jazeera', 'Kyodo News+', 'Reuters', 'The Japan Times', 'CNBC', 'Guardian']);
    expect(doc.narratives[0]).toEqual({ label: 'Pro-China', outlet: 'China Military', text: '[to be written]' });
    expect(parseStory(renderStory(doc)).errors).toEqual([]);
  });

  it("uses accepted facts, the editor's sources and slot texts, on one line each", () => {
    const c: StoryCandidate = {
      ...refreshSuggestions(empty(), suggestion, 't'),
      title: 'China, Japan Hold First Security Talks In Four Years',
      facts: [{ text: 'Fact one,\nwrapped.', outlets: ['reuters', 'kyodo'], articles: [], accepted: true }],
    };
    c.narratives[0] = { ...c.narratives[0]!, text: 'It is  not China.' };
    const doc = candidateToDocument(c, suggestion, new Map(outlets.map((o) => [o.id, o])));
    expect(doc.facts).toEqual(['Fact one, wrapped.']);
    expect(doc.sources).toEqual(['Kyodo News+', 'Reuters']);
    expect(doc.narratives[0]!.text).toBe('It is not China.');
    expect(candidateToDocument({ ...c, sources: ['guardian'] }, suggestion, outlets).sources).toEqual(['Guardian']);
    expect(parseStory(renderStory(doc)).errors).toEqual([]);
  });
});
