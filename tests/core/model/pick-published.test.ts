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

  // A date after first sight is no publication time: the next believable one is used, and the article says why.
  it.each([
    // Tokyo's evening written as UTC, nine hours ahead: the feed's time is used.
    ['2026-12-04T17:00:00.000Z', '2026-12-04T07:30:00.000Z', '2026-12-04T07:30:00.000Z', 'feed', 'page date 2026-12-04T17:00:00.000Z'],
    // A placeholder year in the feed, no page date: first sight.
    [null, '2099-01-01T00:00:00.000Z', seen, 'first_seen', 'feed date 2099-01-01T00:00:00.000Z'],
    // Both late.
    [
      '2026-12-05T00:00:00.000Z',
      '2026-12-05T09:00:00.000Z',
      seen,
      'first_seen',
      'page date 2026-12-05T00:00:00.000Z and feed date 2026-12-05T09:00:00.000Z',
    ],
  ] as const)('page %s, feed %s → %s (%s), not believed: %s', (page, feed, published, from, ignored) => {
    expect(pickPublished(page, feed, seen)).toEqual({
      published,
      publishedFrom: from,
      publishedIgnored: `${ignored} later than first sight (${seen})`,
    });
  });

  it('believes a date minutes after first sight (clock skew between servers)', () => {
    expect(pickPublished('2026-12-04T08:10:00.000Z', null, seen)).toEqual({ published: '2026-12-04T08:10:00.000Z', publishedFrom: 'page' });
  });
});
