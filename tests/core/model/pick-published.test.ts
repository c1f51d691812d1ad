import { describe, expect, it } from 'vitest';
import { pickPublished } from '../../../src/core/model/index.js';

describe('pickPublished', () => {
  const seen = '2026-12-04T08:00:00.000Z';
  it.each([
    // A day-only page date does not override the feed's time of the same day (China Military's case).
    ['2026-12-03T00:00:00.000Z', '2026-12-03T16:32:39.000Z', '2026-12-03T16:32:39.000Z', 'feed'],
    // Nor one a few hours across midnight (time zones).
    ['2026-12-04T00:00:00.000Z', '2026-12-03T22:10:00.000Z', '2026-12-03T22:10:00.000Z', 'feed'],
    // A page date with a time wins over the feed's.
    ['2026-12-03T15:00:00.000Z', '2026-12-03T16:32:39.000Z', '2026-12-03T15:00:00.000Z', 'page'],
    // A day-only page date far from the feed's is the page's word.
    ['2026-11-20T00:00:00.000Z', '2026-12-03T16:32:39.000Z', '2026-11-20T00:00:00.000Z', 'page'],
    // Both at midnight: the page's.
    ['2026-12-03T00:00:00.000Z', '2026-12-03T00:00:00.000Z', '2026-12-03T00:00:00.000Z', 'page'],
    [null, '2026-12-03T16:32:39.000Z', '2026-12-03T16:32:39.000Z', 'feed'],
    [null, null, seen, 'first_seen'],
  ] as const)('page %s, feed %s → %s (%s)', (page, feed, published, from) => {
    expect(pickPublished(page, feed, seen)).toEqual({ published, publishedFrom: from });
  });
});
