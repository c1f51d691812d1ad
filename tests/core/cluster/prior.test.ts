import { describe, expect, it } from 'vitest';
import { createClusterer, LINK_FEATURES, type LinkModel } from '../../../src/core/cluster/index.js';

// A model whose scores are easy to read: rank and join both follow the nearest member's cosine,
// and the join score crosses 0 at a cosine of one half.
const weights = LINK_FEATURES.map((f) => (f === 'whole_nearest' ? 2 : 0));
const model: LinkModel = { version: 1, features: [...LINK_FEATURES], rank: { bias: 0, weights }, join: { bias: -1, weights } };

const topic = (i: number) => ({
  id: `t${i}`,
  title: `Harbour bridge ${['closed', 'shut', 'blocked', 'reopens'][i % 4]} in Lisvara after ferry crash ${i % 3 === 0 ? 'inquiry' : 'report'}`,
  text: '',
  date: null,
});
// Shares only the subject with the topic's headlines: a weak match.
const weak = { id: 'w1', title: 'Lisvara harbour bridge tolls to rise next year, council says', text: '', date: null };

/** Two clusterers, with and without the prior, after the same 200 headlines of one topic. */
function afterTopic() {
  const shifted = createClusterer({ model });
  const plain = createClusterer({ model, prior: { horizon: 0 } });
  for (let i = 0; i < 200; i++) {
    shifted.add(topic(i));
    plain.add(topic(i));
  }
  return { shifted, plain };
}

describe('the stream prior', () => {
  it('rises on a stream whose articles keep joining, and then lets a weaker match join', () => {
    const { shifted, plain } = afterTopic();
    expect(shifted.snapshot().meta.joinRate).toBeGreaterThan(0.8);
    expect(plain.add(weak).isNewStory).toBe(true);
    expect(shifted.add(weak).isNewStory).toBe(false);
    // A headline sharing nothing with the topic still starts its own story.
    expect(shifted.add({ id: 'o1', title: 'Volcano erupts on remote island, flights cancelled', text: '', date: null }).isNewStory).toBe(
      true,
    );
  });

  it('shifts a headline, not a full text: a full text is judged on its own evidence', () => {
    // Another event of the same city, told at length: shares the place and the bridge, little else.
    const tolls = {
      id: 'tolls',
      title: 'Lisvara to raise harbour bridge tolls',
      text:
        'Lisvara council approved a plan to raise tolls on the harbour bridge from next year to pay for repairs ' +
        'of the old tram depot, new cycle lanes along the waterfront, a heated pool in the eastern district, longer ' +
        'opening hours for the central library and a festival of music and food in the old market square each summer.',
      date: null,
    };
    const { shifted, plain } = afterTopic();
    expect(shifted.snapshot().meta.joinRate).toBeGreaterThan(0.8);
    expect(plain.add(tolls).isNewStory).toBe(true);
    expect(shifted.add(tolls).isNewStory).toBe(true);
    // The same report cut to its headline joins on the prior, as the weak headline above does.
    expect(shifted.add({ ...tolls, id: 'tolls-headline', text: '' }).isNewStory).toBe(false);
  });

  it('never raises the bar: on a stream of unrelated articles it decides as the balanced score does', () => {
    const subjects = ['volcano', 'election', 'football', 'vaccine', 'merger', 'drought', 'strike', 'satellite'];
    const stream = subjects.flatMap((s, i) => [
      { id: `${s}-1`, title: `${s} news from region ${i}`, text: '', date: null },
      { id: `${s}-2`, title: `more ${s} news from region ${i}`, text: '', date: null },
    ]);
    const shifted = createClusterer({ model });
    const plain = createClusterer({ model, prior: { horizon: 0 } });
    expect(stream.map((a) => shifted.add(a))).toEqual(stream.map((a) => plain.add(a)));
    expect(shifted.snapshot().meta.joinRate).toBeLessThan(0.51);
  });
});
