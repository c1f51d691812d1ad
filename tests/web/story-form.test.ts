import { describe, expect, it } from 'vitest';
import type { StoryCandidate } from '../../src/core/model/index.js';
import { applyStoryForm } from '../../src/web/desk/story-form.js';
import { SECURITY_TALKS } from '../fixtures/web/world.js';

const now = new Date('2025-03-21T09:00:00Z');

function candidate(): StoryCandidate {
  return {
    id: 'talks',
    status: 'candidate',
    articleIds: SECURITY_TALKS.map((a) => a.id),
    title: null,
    suggestedTitle: 'Suggested title',
    facts: [
      { text: 'Fact A.', outlets: ['kyodo'], articles: ['a-talks-kyodo'], accepted: false },
      { text: 'Fact B.', outlets: ['kyodo', 'japantimes'], articles: [], accepted: true },
      { text: 'Fact C.', outlets: ['chinamil'], articles: [], accepted: false },
    ],
    sources: null,
    narratives: [
      {
        label: 'Pro-China',
        outletId: 'chinamil',
        articles: ['a-talks-chinamil'],
        excerpts: ['Only China says this.', 'And this.'],
        text: '',
        suggestedLabel: 'Pro-China',
      },
      { label: 'US-centre', outletId: 'hill', articles: ['a-talks-hill'], excerpts: [], text: '' },
    ],
    predictions: [{ text: 'Talks continue in spring.', outletId: 'hill', accepted: false }],
    createdAt: '2025-03-20T00:00:00Z',
    updatedAt: '2025-03-20T00:00:00Z',
    editedAt: null,
    version: 3,
  };
}

/** The form as the page posts it, unchanged, plus `extra`. */
function form(story: StoryCandidate, extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const f: Record<string, string | string[]> = { title: story.title ?? story.suggestedTitle, 'sources.mode': 'derive' };
  story.facts.forEach((x, i) =>
    Object.assign(f, {
      [`fact.${i}.text`]: x.text,
      [`fact.${i}.pos`]: String(i + 1),
      ...(x.accepted ? { [`fact.${i}.accepted`]: 'on' } : {}),
    }),
  );
  story.narratives.forEach((s, i) => Object.assign(f, { [`slot.${i}.label`]: s.label, [`slot.${i}.text`]: s.text }));
  story.predictions.forEach((p, i) =>
    Object.assign(f, { [`pred.${i}.text`]: p.text, ...(p.accepted ? { [`pred.${i}.keep`]: 'on' } : {}) }),
  );
  return { ...f, ...extra };
}

const apply = (story: StoryCandidate, f: Record<string, string | string[]>) => applyStoryForm(story, f, { now, articles: SECURITY_TALKS });

describe('applyStoryForm', () => {
  it('changes nothing but status and edit time when nothing was changed', () => {
    const { next, fields } = apply(candidate(), form(candidate()));
    expect(fields).toEqual(['status']);
    expect(next.title).toBeNull();
    expect(next.facts).toEqual(candidate().facts);
    expect(next.editedAt).toBe(now.toISOString());
  });

  it('accepts, edits (which accepts), adds and deletes facts; deleted suggestions are dismissed', () => {
    const { next, fields } = apply(
      candidate(),
      form(candidate(), {
        'fact.0.accepted': 'on',
        'fact.2.text': 'Fact C, edited.',
        'fact.1.delete': 'on',
        'fact.new': '  A new\nfact.  ',
      }),
    );
    expect(next.facts.map((f) => [f.text, f.accepted])).toEqual([
      ['Fact A.', true],
      ['Fact C, edited.', true],
      ['A new fact.', true],
    ]);
    expect(next.dismissed?.facts).toEqual([]);
    expect(fields).toContain('facts');
    const dropped = apply(candidate(), form(candidate(), { 'fact.0.delete': 'on' })).next;
    expect(dropped.dismissed?.facts).toEqual(['Fact A.']);
  });

  it('reorders by position and by the up/down buttons', () => {
    expect(apply(candidate(), form(candidate(), { 'fact.2.pos': '0' })).next.facts.map((f) => f.text)).toEqual([
      'Fact C.',
      'Fact A.',
      'Fact B.',
    ]);
    expect(apply(candidate(), form(candidate(), { op: 'fact-up-1' })).next.facts.map((f) => f.text)).toEqual([
      'Fact B.',
      'Fact A.',
      'Fact C.',
    ]);
    expect(apply(candidate(), form(candidate(), { op: 'fact-down-2' })).next.facts.map((f) => f.text)).toEqual([
      'Fact A.',
      'Fact B.',
      'Fact C.',
    ]);
  });

  it('fills, relabels, drops and adds narrative slots, and fills from excerpts on request', () => {
    const { next } = apply(
      candidate(),
      form(candidate(), {
        'slot.0.label': 'Beijing',
        'slot.0.text': 'China says…',
        'slot.1.drop': 'on',
        'slot.new.outlet': 'japantimes',
        'slot.new.label': 'Japanese',
      }),
    );
    expect(next.narratives.map((s) => [s.label, s.outletId, s.text])).toEqual([
      ['Beijing', 'chinamil', 'China says…'],
      ['Japanese', 'japantimes', ''],
    ]);
    expect(next.narratives[1]!.articles).toEqual(['a-talks-jt']);
    expect(next.dismissed?.slots).toEqual(['hill']);
    expect(apply(candidate(), form(candidate(), { op: 'slot-excerpts-0' })).next.narratives[0]!.text).toBe(
      'Only China says this. And this.',
    );
    expect(apply(candidate(), form(candidate(), { 'slot.new.outlet': 'nowhere', 'slot.new.label': 'X' })).next.narratives).toHaveLength(2);
  });

  it('keeps, edits, deletes and adds predictions', () => {
    const kept = apply(candidate(), form(candidate(), { 'pred.0.keep': 'on', 'pred.new': 'Mine.' })).next.predictions;
    expect(kept).toEqual([
      { text: 'Talks continue in spring.', outletId: 'hill', accepted: true },
      { text: 'Mine.', outletId: null, accepted: true },
    ]);
    const deleted = apply(candidate(), form(candidate(), { 'pred.0.delete': 'on' })).next;
    expect(deleted.predictions).toEqual([]);
    expect(deleted.dismissed?.predictions).toEqual(['Talks continue in spring.']);
  });

  it('sets the title unless it equals the suggestion, and picks sources only among the candidate’s outlets', () => {
    expect(apply(candidate(), form(candidate(), { title: 'Mine' })).next.title).toBe('Mine');
    expect(apply(candidate(), form(candidate(), { title: '' })).next.title).toBeNull();
    const picked = apply(
      candidate(),
      form(candidate(), { 'sources.mode': 'choose', 'sources.pick': ['hill', 'evil-elsewhere', 'kyodo', 'hill'] }),
    ).next;
    expect(picked.sources).toEqual(['hill', 'kyodo']);
  });
});
