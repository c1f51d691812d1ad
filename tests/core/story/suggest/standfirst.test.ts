import { describe, expect, it } from 'vitest';
import { articleSentences } from '../../../../src/core/story/suggest/article-group.js';
import { isStandfirst } from '../../../../src/core/story/suggest/standfirst.js';
import { article } from '../fixtures.js';

const dek =
  'Agreement scraps tariffs on 98% of goods and gives Europe access to critical minerals, but French and Irish farmers say the 30,000-tonne beef quota threatens their livelihoods.';
const lede =
  'Australia and the European Union have struck a free trade agreement that removes tariffs on more than 98% of goods, five years after talks began in earnest.';

function page(text: string, description: string | null) {
  const a = {
    ...article({ id: 'a-gu', outletId: 'guardian', published: '2026-11-18T10:00:00Z', section: 'trade', title: 'Deal', text }),
    description,
  };
  const sentences = articleSentences(a);
  const last = sentences.at(-1)!.paragraph;
  return sentences.map((s) => isStandfirst(s, a, last));
}

describe('isStandfirst', () => {
  it('finds the page summary repeated as the first paragraph above the article', () => {
    expect(page(`${dek}\n\n${lede}`, dek)).toEqual([true, false]);
  });

  it('is not a lede that only resembles the summary, nor a first paragraph with nothing after it', () => {
    expect(
      page(`${lede}\n\n${dek}`, 'The EU and Australia concluded a trade deal on Tuesday that will remove tariffs on 98% of goods.'),
    ).toEqual([false, false]);
    expect(page(dek, dek)).toEqual([false]);
    expect(page(`${dek}\n\n${lede}`, null)).toEqual([false, false]);
  });
});
