import { describe, expect, it } from 'vitest';
import {
  BODY_CLASS_WORDS,
  BOILERPLATE_CLASS,
  BOILERPLATE_CLASS_EXACT,
  BOILERPLATE_CLASS_WORDS,
  BOILERPLATE_LINE,
  BOILERPLATE_LINE_PATTERNS,
  BYLINE_LINE_PATTERNS,
  compileList,
  DATELINE_PATTERNS,
  NEGATIVE_CLASS_WORDS,
  PAYWALL_CLASS_WORDS,
  PAYWALL_TEXT_PATTERNS,
  POSITIVE_CLASS_WORDS,
  SIGN_OFF_LINE,
  SIGN_OFF_LINE_PATTERNS,
  DATELINE,
  BODY_CLASS,
  type PatternList,
} from '../../../src/core/extract/patterns.js';

/** Every list, with text that none of its patterns may match (near misses of real prose and real names). */
const LISTS: Record<string, { list: PatternList; never: string[] }> = {
  BOILERPLATE_CLASS_WORDS: { list: BOILERPLATE_CLASS_WORDS, never: ['commentary', 'article-body', 'story', 'main'] },
  BOILERPLATE_CLASS_EXACT: { list: BOILERPLATE_CLASS_EXACT, never: ['add', 'address', 'gadget', 'stage', 'rsspage'] },
  BODY_CLASS_WORDS: { list: BODY_CLASS_WORDS, never: ['article', 'article-body-footer', 'sidebar'] },
  POSITIVE_CLASS_WORDS: { list: POSITIVE_CLASS_WORDS, never: ['sidebar', 'footer', 'nav'] },
  NEGATIVE_CLASS_WORDS: { list: NEGATIVE_CLASS_WORDS, never: ['article-body', 'story', 'main'] },
  BOILERPLATE_LINE_PATTERNS: {
    list: BOILERPLATE_LINE_PATTERNS,
    never: [
      'Markets rallied on Monday after the advertisement ban was lifted.',
      'She shared the prize with two colleagues.',
      'More than 40 people were hurt.',
    ],
  },
  PAYWALL_TEXT_PATTERNS: {
    list: PAYWALL_TEXT_PATTERNS,
    never: ['Subscribers to the channel rose by a third.', 'He continued reading the statement.'],
  },
  PAYWALL_CLASS_WORDS: { list: PAYWALL_CLASS_WORDS, never: ['article-body', 'premium-brands'] },
  DATELINE_PATTERNS: {
    list: DATELINE_PATTERNS,
    never: ['The deal was signed on 5 March 2024 by both governments, ending years of talks.', '2018.04.05 ~ OPEN RUN'],
  },
  SIGN_OFF_LINE_PATTERNS: {
    list: SIGN_OFF_LINE_PATTERNS,
    never: [
      'The company said copyright claims were rising.',
      'Police said the suspect could not be reached at his home.',
      'Follow-up talks are planned for May.',
    ],
  },
  BYLINE_LINE_PATTERNS: { list: BYLINE_LINE_PATTERNS, never: ['by the end of the week, prices had doubled', 'By then it was too late.'] },
};

describe('extraction patterns: every pattern of every list', () => {
  for (const [name, { list, never }] of Object.entries(LISTS)) {
    describe(name, () => {
      for (const named of list.patterns) {
        it(`${named.pattern.source.slice(0, 60)}: ${named.note}`, () => {
          expect(named.note.length).toBeGreaterThan(5);
          expect(named.examples.length).toBeGreaterThan(0);
          // The pattern alone, joined as its list joins it, matches each of its examples.
          const alone = compileList(list, [named]);
          for (const example of named.examples) expect(alone.test(example), `${example} should match`).toBe(true);
        });
      }

      it('matches none of its near misses', () => {
        const whole = compileList(list);
        for (const text of never) expect(whole.test(text), `${text} should not match`).toBe(false);
      });
    });
  }
});

describe('the compiled patterns the extractor uses', () => {
  it('BOILERPLATE_CLASS is both class-word lists', () => {
    expect(BOILERPLATE_CLASS.test('share-tools')).toBe(true);
    expect(BOILERPLATE_CLASS.test('ad-slot')).toBe(true);
    expect(BOILERPLATE_CLASS.test('article-body')).toBe(false);
  });

  it('BODY_CLASS, BOILERPLATE_LINE, DATELINE and SIGN_OFF_LINE are their lists', () => {
    expect(BODY_CLASS.test('story-body')).toBe(true);
    expect(BOILERPLATE_LINE.test('ADVERTISEMENT')).toBe(true);
    expect(DATELINE.test('Updated 5 March 2024')).toBe(true);
    expect(SIGN_OFF_LINE.test('© 2024 Example Media Group')).toBe(true);
  });
});
