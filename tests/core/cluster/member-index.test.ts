import { describe, expect, it } from 'vitest';
import { MemberIndex } from '../../../src/core/cluster/member-index.js';
import { createClusterer } from '../../../src/core/cluster/index.js';

describe('member index', () => {
  it('keeps postings in arrival order, also when an older article is re-added after an update', () => {
    const index = new MemberIndex();
    index.add('en', ['quake', 'tsunami'], 'a1', 1);
    index.add('en', ['quake'], 'a2', 2);
    index.add('en', ['quake', 'tsunami'], 'a3', 3);
    index.remove('en', ['quake', 'tsunami'], 'a1');
    index.add('en', ['quake', 'aomori'], 'a1', 1);
    expect(index.lookup('en', 'quake')?.map((p) => p.id)).toEqual(['a1', 'a2', 'a3']);
    expect(index.lookup('en', 'tsunami')?.map((p) => p.id)).toEqual(['a3']);
    expect(index.lookup('ja', 'quake')).toBeUndefined();
    index.remove('en', ['tsunami'], 'a3');
    expect(index.count('en', 'tsunami')).toBe(0);
  });
});

describe('nearest-member linkage', () => {
  const body = (lead: string) =>
    `${lead}\n\nOfficials said the investigation would continue through the week and more details were expected.`;
  it("a retelling of a story's first report joins it after the story moved on to salvage and insurers; another canal does not", () => {
    const clusterer = createClusterer();
    // Other news first, so that idf knows which words are common.
    for (const [id, title, lead] of [
      [
        'o1',
        'Central bank holds interest rates steady',
        'The central bank kept its main rate unchanged on Tuesday, citing slowing inflation and a weaker labour market.',
      ],
      [
        'o2',
        'Wildfire forces evacuations in California',
        'Thousands were ordered to leave their homes as a wildfire spread through dry hills north of Los Angeles.',
      ],
      [
        'o3',
        'Parliament passes new budget after long debate',
        'Lawmakers approved the budget late on Tuesday after weeks of debate over spending on schools and roads.',
      ],
    ] as const)
      clusterer.add({ id, date: null, title, text: body(lead) });
    const first = clusterer.add({
      id: 'p1',
      date: null,
      title: 'Ever Given container ship blocks the Suez Canal',
      text: body(
        'The Ever Given, a giant container ship, ran aground in the Suez Canal on Tuesday, blocking one of the busiest shipping lanes.',
      ),
    });
    // The story moves on: salvage, tugboats, insurers.
    for (const [id, title, lead] of [
      [
        'p2',
        'Suez Canal Authority sends tugboats and dredgers to free Ever Given',
        'Tugboats and dredgers worked at high tide as salvage crews tried to refloat the Ever Given, the container ship aground in the Suez Canal.',
      ],
      [
        'p3',
        'Insurers brace for claims as Ever Given stays stuck in Suez Canal',
        'Insurers and shipping lines weigh delays and claims against Shoei Kisen, owner of the Ever Given, while salvage crews and tugboats work in the Suez Canal.',
      ],
    ] as const) {
      expect(clusterer.add({ id, date: null, title, text: body(lead) }).storyId).toBe(first.storyId);
    }
    const retold = clusterer.add({
      id: 'p4',
      date: null,
      title: 'Giant container ship Ever Given runs aground, blocking Suez Canal',
      text: body(
        "The container ship Ever Given ran aground in the Suez Canal, blocking one of the world's busiest shipping lanes for hours.",
      ),
    });
    expect(retold.storyId).toBe(first.storyId);
    const other = clusterer.add({
      id: 'p5',
      date: null,
      title: 'Panama Canal raises transit fees amid drought',
      text: body('The Panama Canal Authority raised fees for ships as a drought lowered water levels in Gatun Lake.'),
    });
    expect(other.isNewStory).toBe(true);
  });
});
