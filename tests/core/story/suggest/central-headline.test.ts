import { describe, expect, it } from 'vitest';
import { statesNews } from '../../../../src/core/story/suggest/central-headline.js';

describe('statesNews: a headline that states news, as a title does', () => {
  it.each([
    ['China and Japan hold first security talks in four years', true],
    ['Senator says the tax bill should pass this week', true],
    ['Harbour bridge approved after two years of debate', true],
    ['Are voters tired of the tax debate?', false],
    ['What we know about the bridge collapse in Harbourtown', false],
    ['Tax bill passes, and 3 other takeaways from the session', false],
    ['Why you should care about the chip shortage', false],
    ['Remote learning should end for good', false],
    ["The senator's speech to the council, annotated", false],
  ])('%s → %s', (title, expected) => {
    expect(statesNews(title)).toBe(expected);
  });
});
