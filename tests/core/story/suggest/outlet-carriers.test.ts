import { describe, expect, it } from 'vitest';
import type { GroupSentence } from '../../../../src/core/story/suggest/article-group.js';
import { contentStems } from '../../../../src/core/story/suggest/content-stems.js';
import { carrierIndex } from '../../../../src/core/story/suggest/outlet-carriers.js';

function sentences(outletId: string, texts: string[]): GroupSentence[] {
  return texts.map((text, index) => ({
    text,
    paragraph: index,
    index,
    truncated: false,
    articleId: `${outletId}-1`,
    outletId,
    stems: contentStems(text),
    role: 'fact',
  }));
}

describe('outlets that carry a fact in their own words', () => {
  const fact = 'The European Union and Australia concluded a free trade agreement removing tariffs on 98% of goods.';
  const index = carrierIndex([
    ...sentences('wire', [fact]),
    ...sentences('paper', [
      'Brussels and Canberra signed a deal on Tuesday.',
      'The European Union and Australia agreed a free trade agreement that scraps tariffs on 98% of goods.',
    ]),
    // Split over two sentences.
    ...sentences('tv', [
      'The European Union and Australia concluded their negotiations.',
      'The free trade agreement ends tariffs on 98% of goods.',
    ]),
    ...sentences('blog', ['Farmers in France protested against the beef quota.', 'Lithium prices rose in Sydney.']),
  ]);
  const carriers = index.carriersOf(new Set(contentStems(fact)), 'wire');

  it('finds a restatement and a fact split over two sentences, with the article and sentence', () => {
    expect([...carriers.keys()].sort()).toEqual(['paper', 'tv']);
    expect(carriers.get('paper')).toEqual(new Map([['paper-1', 1]]));
    expect(carriers.get('tv')).toEqual(new Map([['tv-1', 0]]));
  });

  it('never lists the outlet that said it, nor one that only shares the topic', () => {
    expect(carriers.has('wire')).toBe(false);
    expect(carriers.has('blog')).toBe(false);
  });
});
