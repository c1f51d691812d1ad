import { describe, expect, it } from 'vitest';
import { statusError } from '../../../src/adapters/http/errors.js';
import { parseMaxAge, parseRetryAfter } from '../../../src/adapters/http/headers.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Sat, 01 Mar 2025 12:01:30 GMT', 90_000],
    ['Sat, 01 Mar 2025 11:00:00 GMT', 0],
    ['Saturday, 01-Mar-25 12:00:10 GMT', 10_000],
    ['soon', null],
    ['-5', null],
    ['1.5', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('parseMaxAge', () => {
  it.each([
    ['public, max-age=300', 300],
    ['max-age="60", must-revalidate', 60],
    ['s-maxage=10', null],
    ['no-cache', null],
    [undefined, null],
  ])('%s → %s', (value, expected) => {
    expect(parseMaxAge(value)).toBe(expected);
  });
});

describe('statusError', () => {
  it.each([
    [200, {}, null, false],
    [304, {}, null, false],
    [404, {}, 'http_404', true],
    [403, {}, 'http_403', true],
    [408, {}, 'http_408', false],
    [410, {}, 'gone', true],
    [429, {}, 'rate_limited', false],
    [429, { 'retry-after': '7' }, 'rate_limited', false],
    [500, {}, 'http_500', false],
    [503, {}, 'http_503', false],
    [503, { 'retry-after': '7' }, 'rate_limited', false],
    [300, {}, 'http_300', true],
  ] as Array<[number, Record<string, string>, string | null, boolean]>)('%i %o → %s', (status, headers, code, permanent) => {
    const error = statusError(status, headers, 'http://e.org/', NOW);
    expect(error?.code ?? null).toBe(code);
    if (error) expect(error.permanent).toBe(permanent);
    if (headers['retry-after']) expect(error?.retryAfterMs).toBe(7000);
  });
});
