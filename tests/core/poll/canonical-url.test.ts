import { describe, expect, it } from 'vitest';
import { canonicalUrl, isTrackingParam } from '../../../src/core/poll/canonical-url.js';

describe('canonicalUrl', () => {
  const cases: Array<[string, string]> = [
    ['https://EXAMPLE.com/News/Story?utm_source=rss&utm_medium=feed#top', 'https://example.com/News/Story'],
    ['http://example.com:80/a?id=7&fbclid=abc&gclid=x', 'http://example.com/a?id=7'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['https://example.com/a?tag=x&tag=y&mc_cid=1&mc_eid=2', 'https://example.com/a?tag=x&tag=y'],
    ['https://www.heise.de/meldung/x-3088438.html?wt_mc=rss.developer.beitrag.atom', 'https://www.heise.de/meldung/x-3088438.html'],
    ['https://www.bbc.co.uk/news/world-1?at_medium=RSS&at_campaign=KARANGA', 'https://www.bbc.co.uk/news/world-1'],
    ['https://example.com/a?', 'https://example.com/a'],
    ['https://example.com/a/', 'https://example.com/a/'],
    ['https://example.com/a?q=%20x', 'https://example.com/a?q=%20x'],
    ['https://user:pw@example.com./a', 'https://example.com/a'],
    ['  https://example.com/a  ', 'https://example.com/a'],
    ['mailto:news@example.com', 'mailto:news@example.com'],
    ['/relative/path', '/relative/path'],
  ];
  for (const [input, expected] of cases) it(`${input} → ${expected}`, () => expect(canonicalUrl(input)).toBe(expected));

  it('is idempotent', () => {
    for (const [input] of cases) expect(canonicalUrl(canonicalUrl(input))).toBe(canonicalUrl(input));
  });

  it('knows tracking parameters by name and by prefix', () => {
    expect(isTrackingParam('UTM_Campaign')).toBe(true);
    expect(isTrackingParam('fbclid')).toBe(true);
    expect(isTrackingParam('id')).toBe(false);
    expect(isTrackingParam('page')).toBe(false);
  });
});
