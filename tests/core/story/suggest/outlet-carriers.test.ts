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
    quotation: null,
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

describe('a headline carries a fact only when it states that fact', () => {
  function headline(outletId: string, text: string): GroupSentence {
    return { ...sentences(outletId, [text])[0]!, paragraph: -1, index: Number.MAX_SAFE_INTEGER };
  }
  const fact = 'The Bank of Japan raised interest rates to 0.5%.';
  const index = carrierIndex([
    ...sentences('wire', [fact]),
    // States the event.
    headline('paper', 'Bank of Japan raises rates'),
    ...sentences('paper', ['Markets in Tokyo were calm.']),
    // Shares the bank's name and "interest rates" but reports another event (traders' bets).
    headline('tv', 'Yen slides as traders bet the Bank of Japan will hold interest rates until spring despite wage gains'),
    ...sentences('tv', ['Exporters in Osaka welcomed the weaker currency.']),
    // Headline and first sentence together hold the fact's words, but neither states it.
    headline('blog', 'Bank of Japan under pressure'),
    ...sentences('blog', [
      'Lenders raised interest rates for households and exporters across every prefecture this winter.',
      'Other news.',
    ]),
  ]);
  const carriers = index.carriersOf(new Set(contentStems(fact)), 'wire');

  it('credits the headline that states the event', () => {
    expect(carriers.get('paper')).toEqual(new Map([['paper-1', Number.MAX_SAFE_INTEGER]]));
  });

  it('does not credit a long headline on another event that shares its names, nor a headline plus a sentence', () => {
    expect(carriers.has('tv')).toBe(false);
    expect(carriers.has('blog')).toBe(false);
  });
});
