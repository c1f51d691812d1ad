import { describe, expect, it } from 'vitest';
import { createClusterer, type Clusterer } from '../../../src/core/cluster/index.js';
import type { Decision } from '../../../src/core/model/index.js';
import { fixtureArticles } from '../../fixtures/cluster/load.js';

const by = 'editor';
const at = '2024-03-05T10:00:00Z';

/** The fixture streamed in: quake, budget and vote stories. */
function seeded(): { clusterer: Clusterer; story: (id: string) => string } {
  const clusterer = createClusterer();
  const assigned = new Map(fixtureArticles().map((a) => [a.id, clusterer.add(a).storyId]));
  return { clusterer, story: (id) => assigned.get(id)! };
}

const quakeFollowUp = {
  id: 'a-quake-4',
  outlet: 'Asahi',
  date: '2024-03-04T07:00:00Z',
  canonicalUrl: 'https://asahi.test/quake',
  title: 'Tsunami advisory after magnitude 6.9 Aomori earthquake; Shinkansen halted',
  text: 'The Japan Meteorological Agency issued a tsunami advisory after the magnitude 6.9 earthquake off Aomori prefecture. Tohoku Shinkansen trains were halted.',
};

const membersOf = (clusterer: Clusterer, storyId: string) =>
  clusterer
    .snapshot()
    .articles.filter((a) => a.storyId === storyId)
    .map((a) => a.id)
    .sort();

describe('editor decisions', () => {
  it('a moved article stays pinned where the editor put it, even when its update arrives', () => {
    const { clusterer, story } = seeded();
    const decision: Decision = { kind: 'move', articleId: 'a-quake-3', from: story('a-quake-3'), to: story('a-budget-1'), by, at };
    clusterer.applyDecision(decision);
    const update = clusterer.add({ ...fixtureArticles()[2]!, id: 'a-quake-3' });
    expect(update.storyId).toBe(story('a-budget-1'));
    expect(clusterer.snapshot().articles.find((a) => a.id === 'a-quake-3')?.pinned).toBe(true);
  });

  it('a merge stands: the target absorbs the source, and new articles join the merged story', () => {
    const { clusterer, story } = seeded();
    clusterer.applyDecision({ kind: 'merge', from: story('a-quake-1'), into: story('a-budget-1'), by, at });
    expect(membersOf(clusterer, story('a-budget-1'))).toEqual([
      'a-budget-1',
      'a-budget-2',
      'a-budget-3',
      'a-quake-1',
      'a-quake-2',
      'a-quake-3',
    ]);
    expect(clusterer.snapshot().stories.map((s) => s.id)).not.toContain(story('a-quake-1'));
    expect(clusterer.add(quakeFollowUp).storyId).toBe(story('a-budget-1'));
  });

  it('a split stands: the split-off articles form their own story and stay there', () => {
    const { clusterer, story } = seeded();
    clusterer.applyDecision({ kind: 'split', from: story('a-vote-1'), to: 's-haley', articleIds: ['a-vote-1'], by, at });
    expect(membersOf(clusterer, 's-haley')).toEqual(['a-vote-1']);
    expect(membersOf(clusterer, story('a-vote-2'))).toEqual(['a-vote-2', 'a-vote-3']);
    const snapshot = clusterer.snapshot();
    expect(snapshot.articles.find((a) => a.id === 'a-vote-1')?.pinned).toBe(true);
  });

  it('a rejected story takes no new articles but stays findable; reopening lets it grow again', () => {
    const { clusterer, story } = seeded();
    const quake = story('a-quake-1');
    clusterer.applyDecision({ kind: 'reject', storyId: quake, by, at });
    const follow = clusterer.add(quakeFollowUp);
    expect(follow.storyId).not.toBe(quake);
    expect(follow.isNewStory).toBe(true);
    expect(clusterer.snapshot().stories.find((s) => s.id === quake)?.status).toBe('rejected');
    // Still findable: an update of one of its members lands on it.
    expect(clusterer.add({ ...fixtureArticles()[0]!, id: 'a-quake-1' }).storyId).toBe(quake);
    clusterer.applyDecision({ kind: 'reopen', storyId: quake, by, at });
    const later = clusterer.add({ ...quakeFollowUp, id: 'a-quake-5', canonicalUrl: null, outlet: 'Mainichi' });
    expect([quake, follow.storyId]).toContain(later.storyId);
    expect(clusterer.snapshot().stories.find((s) => s.id === quake)?.status).toBe('open');
  });

  it('publish and edit change nothing in clustering; decisions on unknown stories are ignored', () => {
    const { clusterer, story } = seeded();
    const before = clusterer.snapshot();
    clusterer.applyDecision({ kind: 'publish', storyId: story('a-vote-1'), by, at });
    clusterer.applyDecision({ kind: 'edit', storyId: story('a-vote-1'), by, at, fields: ['title'] });
    clusterer.applyDecision({ kind: 'merge', from: 's-gone', into: story('a-vote-1'), by, at });
    expect(clusterer.snapshot()).toEqual(before);
  });
});
