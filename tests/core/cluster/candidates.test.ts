import { describe, expect, it } from 'vitest';
import { candidateStories } from '../../../src/core/cluster/candidates.js';
import { createClusterer, defaultLinkModel, resolveOptions } from '../../../src/core/cluster/index.js';
import { articleFeatures } from '../../../src/core/cluster/features.js';
import { ClusterState } from '../../../src/core/cluster/state.js';

// Three stories on tariffs, one of them on steel too (a model that never joins keeps them three);
// the member look-up is off, so every candidate comes from the story look-up.
const reports = [
  { id: 'a1', title: 'Tariffs on steel rise again', text: 'Steel tariffs rise for mills.' },
  { id: 'a2', title: 'Tariffs hit soybean farmers', text: 'Soybean growers face tariffs.' },
  { id: 'a3', title: 'Tariffs lift car prices', text: 'Carmakers pass tariffs on to buyers.' },
];

function candidatesFor(maxStoryPostings: number): string[] {
  const neverJoins = { ...defaultLinkModel, join: { ...defaultLinkModel.join, bias: -1000 } };
  const options = resolveOptions({ model: neverJoins, linkage: { memberPostings: 0, maxStoryPostings }, prior: { horizon: 0 } });
  const clusterer = createClusterer(options);
  for (const r of reports) clusterer.add({ ...r, date: '2026-12-01T10:00:00Z', lang: 'en' });
  const state = new ClusterState(options, clusterer.snapshot());
  const texts = articleFeatures('Steel tariffs squeeze mills', 'Mills say steel tariffs squeeze margins.', 'en', options);
  const probe = { lang: 'en', t: Date.parse('2026-12-01T11:00:00Z'), dated: true, ...texts };
  return candidateStories(state, probe, state.df.idfFor('en'), options).map((c) => c.story.id);
}

describe('the story look-up', () => {
  it('finds every open story that holds a query term', () => {
    expect(new Set(candidatesFor(1000))).toEqual(new Set(['s1', 's2', 's3']));
  });

  it('skips a term more stories hold than maxStoryPostings: the rarer terms still find theirs', () => {
    // "tariff" is in all three centroids, "steel" and "mill" only in the first story's.
    expect(candidatesFor(2)).toEqual(['s1']);
  });
});
