import { describe, expect, it } from 'vitest';
import { cleanSentence, hasDateline, isCaption, isFragment, isFurniture } from '../../../../src/core/story/suggest/sentence-hygiene.js';

describe('datelines and stray marks', () => {
  it.each([
    [
      'TOKYO (Reuters) - China and Japan held their first formal security talks in four years.',
      'China and Japan held their first formal security talks in four years.',
    ],
    [
      'BRUSSELS, May 3 (Reuters) - The European Union and Australia concluded a trade deal.',
      'The European Union and Australia concluded a trade deal.',
    ],
    [
      'WASHINGTON — President Joe Biden blamed the Trump administration for problems at the border.',
      'President Joe Biden blamed the Trump administration for problems at the border.',
    ],
    [
      'TOKYO - Japan and China held their first security dialogue in four years.',
      'Japan and China held their first security dialogue in four years.',
    ],
    ['LUSAIL, Qatar - Kaoru Mitoma scored in the 87th minute.', 'Kaoru Mitoma scored in the 87th minute.'],
    ['Beijing, Jan. 4 (Xinhua) -- China launched a new satellite on Thursday.', 'China launched a new satellite on Thursday.'],
    ['農水相は「あらゆる手段を検討する」と述べた。.', '農水相は「あらゆる手段を検討する」と述べた。'],
  ])('%s', (raw, clean) => {
    expect(hasDateline(raw) || raw.endsWith('。.')).toBe(true);
    expect(cleanSentence(raw)).toBe(clean);
  });

  it('leaves sentences that only start with a name or an acronym alone', () => {
    for (const text of [
      'NATO - the alliance - met in Brussels.',
      'President Biden spoke on Monday.',
      'The U.S. - Mexico border stayed closed.',
      'The talks ended...',
    ]) {
      expect(cleanSentence(text)).toBe(text);
    }
  });
});

describe('page furniture', () => {
  it.each([
    'By Jane Doe and John Roe, CNN',
    '(Reporting by Satoshi Kano in Tokyo; Editing by Martin Pell)',
    'Photo: Kyodo',
    '(Photo by Tomohiro Ohsumi/Getty Images)',
    'Read more: How the hotline will work.',
    'Sign up for our morning newsletter.',
    'On this episode of The Weekly Hour, the culture editor joins our host to discuss the memorial.',
    "In today's episode, we look at the vote.",
    'Updated 3:45 p.m. ET, Wed February 22, 2023',
    'Key Points',
    '- Tariffs on 98% of goods removed',
    'It’s...',
  ])('%s', (text) => {
    expect(isFurniture(text)).toBe(true);
  });

  it('takes a lone present-tense line about a scene as a caption, and reporting in the past as none', () => {
    expect(isCaption('The China-Japan security consultation is held in Tokyo.', { aloneInParagraph: true })).toBe(true);
    expect(
      isCaption('The hospital ship Peace Ark berths at a military port in Zhoushan, Zhejiang province.', { aloneInParagraph: true }),
    ).toBe(true);
    expect(
      isCaption('Senior Deputy Foreign Minister Shigeo Yamada (R) meets Chinese Vice Foreign Minister Sun Weidong.', {
        aloneInParagraph: false,
      }),
    ).toBe(true);
    expect(isCaption('China and Japan held security talks in Tokyo.', { aloneInParagraph: true })).toBe(false);
    expect(isCaption('The typhoon is expected to weaken as it moves west across the South China Sea.', { aloneInParagraph: true })).toBe(
      false,
    );
    // The same line inside a paragraph of reporting is reporting.
    expect(isCaption('The consultation is held in Tokyo.', { aloneInParagraph: false })).toBe(false);
  });

  it('keeps whole sentences, including cut excerpts long enough to say something', () => {
    for (const text of [
      'The Senate passed the bill 94-1.',
      'The episode of violence left five people dead.',
      'In the latest edition of its outlook, the IMF cut its growth forecast.',
      '"We will win," the coach said.',
      'The bill directs the Department of Justice to accelerate its reviews of reported hate crimes...',
    ]) {
      expect(isFurniture(text)).toBe(false);
      expect(isFragment(text)).toBe(false);
    }
  });
});
