import { describe, expect, it } from 'vitest';
import { fullNameOf, introduceNames, type TextNames } from '../../../../src/core/story/suggest/full-name.js';

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

describe('introduceNames with answers kept per article text (a story cache)', () => {
  it('names as it does afresh while articles join and leave in random order', () => {
    // Surnames some texts introduce, others write in lower case, or give two first names.
    const pool = [
      'A Tokyo researcher, Haruka Mori, said the hotline would help.',
      'Mori said more talks would follow. Officials in Tokyo agreed.',
      'Ann Lee spoke on Monday. Lee said the vote was close.',
      'Tom Lee, a rival, said the plan would fail.',
      'The mayor, Carla Banks, opened the bridge. Banks said traffic would ease.',
      'River banks burst after the storm, officials said.',
      'Senior Officials met in Geneva on Friday.',
      'Foreign Minister Hayashi met his counterpart. Hayashi said talks went well.',
      'Kenji Hayashi, an analyst, said tensions had eased.',
      'Mori and Hayashi are expected to meet again in May.',
    ];
    const suggestions = [
      'Mori said the next round of talks could come later this year.',
      'Lee said the plan would pass.',
      'Banks said the bridge would reopen in May.',
      'Hayashi said the visit would go ahead.',
      'Officials said the bridge would reopen.',
    ];
    const kept = new Map<string, TextNames>();
    let state = 29;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    let window: string[] = [];
    const seen = new Set<string>();
    for (let step = 0; step < 80; step++) {
      window = window.filter(() => random() > 0.3);
      for (const text of pool)
        if (!window.includes(text) && random() < 0.25) window.splice(Math.floor(random() * (window.length + 1)), 0, text);
      const asked = suggestions.filter(() => random() < 0.6);
      const fresh = introduceNames(asked, window);
      const memos = window.map((t) => kept.get(t) ?? kept.set(t, new Map()).get(t)!);
      expect(introduceNames(asked, window, memos), `step ${step}`).toEqual(fresh);
      for (const text of fresh) seen.add(text);
    }
    // The windows gave some surnames their full name and left others.
    expect(seen).toContain('Haruka Mori said the next round of talks could come later this year.');
    expect(seen).toContain('Mori said the next round of talks could come later this year.');
    expect(seen).toContain('Carla Banks said the bridge would reopen in May.');
    expect(seen).toContain('Banks said the bridge would reopen in May.');
  });
});
