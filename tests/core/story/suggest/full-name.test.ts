import { describe, expect, it } from 'vitest';
import { fullNameOf, introduceNames } from '../../../../src/core/story/suggest/full-name.js';

describe('fullNameOf: the full name a surname stands for', () => {
  const article = 'The hotline lowers the risk, said Haruka Mori, a researcher at a Tokyo institute. Mori said more talks would follow.';
  it.each([
    ['Mori said the next round of talks could come later this year.', [article], 'Haruka Mori'],
    // A title or office before the surname is no first name.
    ['Hayashi said the visit would go ahead.', ['Foreign Minister Hayashi met his counterpart on Monday.'], null],
    // Two people of one surname: not for us to guess.
    ['Lee said the plan would pass.', ['Ann Lee and Tom Lee spoke to reporters on Monday.'], null],
    // A party or a country is no surname.
    ['Democrats said the bill would pass next week.', ['House Democrats met on Monday.'], null],
    // A common noun that only opens the sentence with a capital.
    ['Officials said the bridge would reopen in May.', ['Senior Officials met. The officials agreed.'], null],
    // No name at the start.
    ['The council said the bridge would reopen in May.', [article], null],
  ])('%s → %s', (sentence, texts, expected) => {
    expect(fullNameOf(sentence, texts)).toBe(expected);
  });
});

describe('introduceNames', () => {
  const texts = ['A Tokyo researcher, Haruka Mori, said the hotline would lower the risk of clashes at sea.'];
  it('gives a surname its full name where it first opens a suggestion', () => {
    expect(introduceNames(['Mori said the next round of talks could come later this year.'], texts)).toEqual([
      'Haruka Mori said the next round of talks could come later this year.',
    ]);
  });
  it('leaves it when an earlier suggestion names the person in full', () => {
    const suggested = [
      'Haruka Mori said the hotline would lower the risk of clashes.',
      'Mori said the next round of talks could come later this year.',
    ];
    expect(introduceNames(suggested, texts)).toEqual(suggested);
  });
});
