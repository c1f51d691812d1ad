import { describe, expect, it } from 'vitest';
import { createClusterer } from '../../../src/core/cluster/index.js';
import { fixtureArticles } from '../../fixtures/cluster/load.js';

const HOUR = 3_600_000;

// Dates are evidence, not a wall: a report days later joins when it clearly retells the event,
// and the same topic with little shared wording days later does not.
describe('time as evidence', () => {
  const filler = [
    [
      'Parliament passes budget after long debate',
      'Lawmakers in the capital approved the annual budget late on Tuesday after a debate over spending on schools and roads.',
    ],
    [
      'Storm closes schools along the coast',
      'Heavy rain and wind closed schools in three coastal districts, and the weather service warned of flooding near rivers.',
    ],
    [
      'Central bank holds interest rates steady',
      'The central bank left its main rate unchanged, saying inflation had eased but wages were still rising quickly.',
    ],
  ];
  const report =
    'The Karvola dam on the Tessin river burst on Monday, flooding the valley towns of Brenno and Olivone; rescuers evacuated 4,000 residents by helicopter.';

  it('a clear retelling days later still joins; the same topic with little shared wording days later does not', () => {
    const clusterer = createClusterer();
    let day = Date.parse('2030-03-01T08:00:00Z');
    for (const [i, [title, text]] of filler.entries())
      clusterer.add({ id: `f${i}`, title: title!, text: text!, date: new Date(day).toISOString() });
    const first = clusterer.add({
      id: 'd1',
      title: 'Karvola dam bursts, flooding Brenno and Olivone',
      text: report,
      date: new Date(day).toISOString(),
    });
    day += 3 * 24 * HOUR;
    const retelling = clusterer.add({
      id: 'd2',
      title: 'Karvola dam burst floods Brenno and Olivone',
      text: 'The Karvola dam on the Tessin river burst, flooding the valley towns of Brenno and Olivone; 4,000 residents were evacuated by helicopter.',
      date: new Date(day).toISOString(),
    });
    const loose = clusterer.add({
      id: 'd3',
      title: 'Engineers inspect dams across the region',
      text: 'Inspectors began checks of older dams after heavy rain, officials said.',
      date: new Date(day).toISOString(),
    });
    expect(retelling.storyId).toBe(first.storyId);
    expect(loose.storyId).not.toBe(first.storyId);
  });

  it('a story told over three days keeps growing, and the same days bring other stories apart (dates fixture)', () => {
    // tests/fixtures/cluster/multi-day.jsonl: Typhoon Lusong from landfall to Hong Kong over three
    // days, in five reports with little wording in common after the first day.
    const articles = fixtureArticles('multi-day.jsonl');
    const clusterer = createClusterer();
    const placed = new Map(articles.map((a) => [a.id, clusterer.add(a).storyId]));
    const typhoon = new Set(articles.filter((a) => a.story === 'typhoon').map((a) => placed.get(a.id)));
    expect(typhoon.size).toBe(1);
    const rates = articles.find((a) => a.story === 'rates')!;
    expect(typhoon.has(placed.get(rates.id))).toBe(false);
    const votes = articles.filter((a) => a.story.endsWith('-vote'));
    for (const vote of votes) expect(typhoon.has(placed.get(vote.id))).toBe(false);
  });

  it('a stream that begins without dates: its first dated report joins the story the undated ones began', () => {
    const clusterer = createClusterer();
    const undated = [
      ['Karvola dam bursts, flooding Brenno and Olivone', report],
      ['Central bank holds interest rates steady', filler[2]![1]!],
    ];
    const begun = undated.map(([title, text], i) => clusterer.add({ id: `u${i}`, title: title!, text: text!, date: null }));
    const dated = clusterer.add({
      id: 'd1',
      title: 'Karvola dam burst floods Brenno and Olivone; 4,000 evacuated',
      text: report,
      date: '2030-03-01T08:00:00Z',
    });
    expect(dated.storyId).toBe(begun[0]!.storyId);
    // The undated start now stands at the first date, so nothing of it is evicted as idle.
    const { articles, stories } = clusterer.snapshot();
    expect(articles.map((a) => [a.id, a.t])).toEqual(['d1', 'u0', 'u1'].map((id) => [id, Date.parse('2030-03-01T08:00:00Z')]));
    expect(stories).toHaveLength(2);
  });
});
