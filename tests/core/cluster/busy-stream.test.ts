import { describe, expect, it } from 'vitest';
import { createClusterer } from '../../../src/core/cluster/index.js';
import { generateWorld } from '../../../src/demo/generator.js';

// A busy stream of full texts: 400 reports of 60 generated events by 10 outlets, so most
// arrivals join a story (the stream prior's estimate climbs towards its cap) and every topic has
// several events. The committed model with the prior on every article merged it into 14
// candidates (B3 precision 0.25); a full text must be judged on its own evidence.
describe('a busy stream of full texts', () => {
  it('keeps its events apart while nearly every arrival joins a story', () => {
    const world = generateWorld({ seed: 7, outlets: 10, stories: 60, articles: 400, baseTime: new Date('2026-11-20T12:00:00Z') });
    const reports = world.articles
      .filter((a) => a.storyKey)
      .sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : a.id < b.id ? -1 : 1));
    const clusterer = createClusterer({ trackChanges: false });
    const predicted = new Map<string, string>();
    for (const a of reports) {
      const text = a.paragraphs.join('\n\n');
      predicted.set(a.id, clusterer.add({ id: a.id, title: a.title, text, date: a.published, outlet: a.outletId, lang: 'en' }).storyId);
    }
    expect(clusterer.snapshot().meta.joinRate).toBeGreaterThan(0.8);

    // B-cubed precision: for each report, the share of its candidate that tells its own event.
    const members = new Map<string, string[]>();
    for (const a of reports) {
      const storyId = predicted.get(a.id)!;
      members.set(storyId, [...(members.get(storyId) ?? []), a.storyKey!]);
    }
    let precision = 0;
    for (const a of reports) {
      const candidate = members.get(predicted.get(a.id)!)!;
      precision += candidate.filter((key) => key === a.storyKey).length / candidate.length / reports.length;
    }
    expect(precision).toBeGreaterThan(0.9);
    expect(members.size).toBeGreaterThanOrEqual(50);
  });
});
