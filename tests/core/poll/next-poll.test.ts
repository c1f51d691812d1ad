import { describe, expect, it } from 'vitest';
import { initialFeedState } from '../../../src/core/model/index.js';
import {
  decideNextPoll,
  isStale,
  jitterUnit,
  nextPollAt,
  publishingGapSeconds,
  type NextPollInput,
} from '../../../src/core/poll/next-poll.js';

const now = new Date('2025-01-14T12:00:00Z');
const minutesAgo = (...minutes: number[]): string[] => minutes.map((m) => new Date(now.getTime() - m * 60_000).toISOString());
const base: NextPollInput = {
  feedId: 'f',
  baseSeconds: 900,
  minSeconds: 60,
  maxSeconds: 21_600,
  itemDates: [],
  ttlMinutes: null,
  cacheMaxAgeSeconds: null,
  retryAfterSeconds: null,
  consecutiveFailures: 0,
  backoffCapSeconds: 86_400,
  jitterRatio: 0,
  now,
};

describe('decideNextPoll (no jitter)', () => {
  const table: Array<[string, Partial<NextPollInput>, number, string]> = [
    ['base interval when the rhythm is unknown', {}, 900, 'base'],
    ['too few dated items: base', { itemDates: minutesAgo(5, 10) }, 900, 'base'],
    ['a busy feed (an item every 10 min) polls every 5 min', { itemDates: minutesAgo(0, 10, 20, 30, 40) }, 300, 'publishing_rate'],
    [
      'a quiet feed (daily) polls every 12 h',
      { itemDates: minutesAgo(0, 1440, 2880, 4320), maxSeconds: 86_400 },
      43_200,
      'publishing_rate',
    ],
    ['a very quiet feed is capped at max', { itemDates: minutesAgo(0, 10_080, 20_160) }, 21_600, 'publishing_rate'],
    ['a very busy feed is held at min', { itemDates: minutesAgo(0, 1, 2, 3) }, 60, 'publishing_rate'],
    ['future items are ignored', { itemDates: [...minutesAgo(0, 10, 20), '2030-01-01T00:00:00Z'] }, 300, 'publishing_rate'],
    ['a batch with one timestamp says nothing', { itemDates: minutesAgo(5, 5, 5, 5) }, 900, 'base'],
    ['<ttl> raises the interval', { ttlMinutes: 60 }, 3600, 'ttl'],
    ['<ttl> below the interval changes nothing', { ttlMinutes: 5 }, 900, 'base'],
    ['<ttl> beyond max is capped', { ttlMinutes: 24 * 60 }, 21_600, 'ttl'],
    ['Cache-Control max-age raises the interval', { cacheMaxAgeSeconds: 1800 }, 1800, 'cache_max_age'],
    ['Retry-After on success raises the interval', { retryAfterSeconds: 7200 }, 7200, 'retry_after'],
    ['first failure: base', { consecutiveFailures: 1 }, 900, 'backoff'],
    ['third failure: 4 × base', { consecutiveFailures: 3 }, 3600, 'backoff'],
    ['many failures: capped, never disabled', { consecutiveFailures: 40 }, 86_400, 'backoff'],
    ['failure with a longer Retry-After', { consecutiveFailures: 1, retryAfterSeconds: 5000 }, 5000, 'retry_after'],
    ['failure with a shorter Retry-After keeps the back-off', { consecutiveFailures: 3, retryAfterSeconds: 120 }, 3600, 'backoff'],
    ['an absurd Retry-After is capped', { consecutiveFailures: 1, retryAfterSeconds: 10_000_000 }, 86_400, 'retry_after'],
    ['failures ignore the publishing rate', { consecutiveFailures: 2, itemDates: minutesAgo(0, 1, 2, 3) }, 1800, 'backoff'],
  ];
  for (const [name, change, delaySeconds, reason] of table) {
    it(name, () => {
      const decision = decideNextPoll({ ...base, ...change });
      expect(decision).toEqual({ delaySeconds, reason, at: new Date(now.getTime() + delaySeconds * 1000) });
    });
  }
});

describe('jitter', () => {
  it('is deterministic per feed id and within ±ratio', () => {
    const a = decideNextPoll({ ...base, feedId: 'kyodo-world', jitterRatio: 0.1 });
    expect(decideNextPoll({ ...base, feedId: 'kyodo-world', jitterRatio: 0.1 })).toEqual(a);
    expect(a.delaySeconds).toBeGreaterThanOrEqual(810);
    expect(a.delaySeconds).toBeLessThanOrEqual(990);
  });

  it('spreads different feeds', () => {
    const delays = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => decideNextPoll({ ...base, feedId: id, jitterRatio: 0.1 }).delaySeconds),
    );
    expect(delays.size).toBeGreaterThan(4);
    for (const id of ['a', 'b', 'zz']) expect(Math.abs(jitterUnit(id))).toBeLessThanOrEqual(1);
  });

  it('never leaves the bounds', () => {
    expect(decideNextPoll({ ...base, jitterRatio: 0.5, itemDates: minutesAgo(0, 1, 2, 3) }).delaySeconds).toBeGreaterThanOrEqual(60);
    expect(decideNextPoll({ ...base, jitterRatio: 0.5, ttlMinutes: 10_000 }).delaySeconds).toBeLessThanOrEqual(21_600);
  });
});

describe('nextPollAt (the worker entry)', () => {
  const state = { ...initialFeedState('feed-1', 'outlet', 'https://a.example/rss'), intervalSeconds: 600 };
  const outcome = { ok: true, newItems: 0, itemDates: [], ttlMinutes: null, cacheMaxAgeSeconds: null, retryAfterMs: null };

  it('uses the state interval and counts this failure on top of the stored ones', () => {
    const options = { minSeconds: 60, maxSeconds: 21_600, now, jitterRatio: 0 };
    expect(nextPollAt(state, outcome, options)).toEqual(new Date(now.getTime() + 600_000));
    expect(nextPollAt({ ...state, consecutiveErrors: 2 }, { ...outcome, ok: false }, options)).toEqual(new Date(now.getTime() + 2400_000));
    expect(nextPollAt(state, { ...outcome, ok: false, retryAfterMs: 3_600_000 }, options)).toEqual(new Date(now.getTime() + 3_600_000));
  });
});

describe('publishingGapSeconds and isStale', () => {
  it('takes the median gap', () => {
    expect(publishingGapSeconds(minutesAgo(0, 10, 20, 200), now)).toBe(600);
    expect(publishingGapSeconds(['nonsense', ...minutesAgo(0, 10)], now)).toBeNull();
  });

  const table: Array<[string, { lastNewItemAt: string | null; itemDates: string[] }, boolean]> = [
    ['never had a new item: not judged', { lastNewItemAt: null, itemDates: [] }, false],
    [
      'hourly feed silent for 2 h: not stale (minimum one day)',
      { lastNewItemAt: minutesAgo(120)[0] ?? null, itemDates: minutesAgo(120, 180, 240) },
      false,
    ],
    ['hourly feed silent for 2 days: stale', { lastNewItemAt: minutesAgo(2880)[0] ?? null, itemDates: minutesAgo(2880, 2940, 3000) }, true],
    [
      'weekly feed silent for 10 days: not stale',
      { lastNewItemAt: minutesAgo(14_400)[0] ?? null, itemDates: minutesAgo(14_400, 24_480, 34_560) },
      false,
    ],
    [
      'weekly feed silent for 5 weeks: stale',
      { lastNewItemAt: minutesAgo(50_400)[0] ?? null, itemDates: minutesAgo(50_400, 60_480, 70_560) },
      true,
    ],
  ];
  for (const [name, input, stale] of table) {
    it(name, () => expect(isStale({ now, baseSeconds: 900, ...input })).toBe(stale));
  }
});
