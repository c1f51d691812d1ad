import { describe, expect, it } from 'vitest';
import { isAllowed, parseRobots, policyFor, productToken } from '../../src/core/robots.js';

const UA = 'storydesk/0.1.0 (+https://example.org/contact)';

describe('isAllowed', () => {
  const cases: Array<[label: string, robots: string, path: string, allowed: boolean]> = [
    ['empty file allows all', '', '/news/a', true],
    ['Disallow: / for everyone', 'User-agent: *\nDisallow: /', '/news/a', false],
    ['robots.txt itself is always allowed', 'User-agent: *\nDisallow: /', '/robots.txt', true],
    ['empty Disallow allows all', 'User-agent: *\nDisallow:', '/news/a', true],
    ['prefix match', 'User-agent: *\nDisallow: /private', '/private-notes/x', false],
    ['non-matching prefix', 'User-agent: *\nDisallow: /private', '/public/private', true],
    ['longest match wins (allow longer)', 'User-agent: *\nDisallow: /news\nAllow: /news/public', '/news/public/a', true],
    ['longest match wins (disallow longer)', 'User-agent: *\nAllow: /news\nDisallow: /news/drafts', '/news/drafts/1', false],
    ['allow wins a tie', 'User-agent: *\nDisallow: /page\nAllow: /page', '/page', true],
    ['wildcard in the middle', 'User-agent: *\nDisallow: /*/print', '/2024/05/print', false],
    ['wildcard does not match other paths', 'User-agent: *\nDisallow: /*/print', '/2024/05/story', true],
    ['$ anchors the end', 'User-agent: *\nDisallow: /*.pdf$', '/files/a.pdf', false],
    ['$ anchor does not match a longer path', 'User-agent: *\nDisallow: /*.pdf$', '/files/a.pdf?x=1', true],
    ['query strings take part', 'User-agent: *\nDisallow: /*?print=1', '/a?print=1', false],
    ['our own group beats *', 'User-agent: *\nDisallow: /\n\nUser-agent: storydesk\nAllow: /', '/news/a', true],
    [
      'our own group, even empty of rules for the path',
      'User-agent: storydesk\nDisallow: /admin\n\nUser-agent: *\nDisallow: /',
      '/news/a',
      true,
    ],
    ['agent names are case-insensitive and may carry a version', 'User-agent: StoryDesk/2.0\nDisallow: /', '/news/a', false],
    ['another bot group does not apply', 'User-agent: Googlebot\nDisallow: /', '/news/a', true],
    ['several agents share a group', 'User-agent: googlebot\nUser-agent: storydesk\nDisallow: /x', '/x/1', false],
    ['groups for the same agent merge', 'User-agent: storydesk\nDisallow: /a\n\nUser-agent: storydesk\nDisallow: /b', '/b/1', false],
    ['rules before any user-agent are ignored', 'Disallow: /\nUser-agent: *\nAllow: /', '/news', true],
    ['comments and CRLF', 'User-agent: * # all\r\nDisallow: /tmp # temp\r\n', '/tmp/a', false],
    ['unknown lines do not split a group', 'User-agent: a\nHost: example.org\nUser-agent: storydesk\nDisallow: /x', '/x', false],
    [
      'sitemap lines do not split a group',
      'User-agent: storydesk\nSitemap: https://e.org/s.xml\nUser-agent: other\nDisallow: /x',
      '/x',
      false,
    ],
    ['a common misspelling of disallow', 'User-agent: *\nDisalow: /x', '/x', false],
    ['percent escapes compare case-insensitively', 'User-agent: *\nDisallow: /caf%c3%a9', '/caf%C3%A9/menu', false],
    ['non-ASCII patterns match encoded paths', 'User-agent: *\nDisallow: /café', '/caf%C3%A9', false],
    ['escaped unreserved characters match plain ones', 'User-agent: *\nDisallow: /%7Euser', '/~user/page', false],
    ['BOM before the first line', '\uFEFFUser-agent: *\nDisallow: /', '/a', false],
    ['regex characters in patterns are literal', 'User-agent: *\nDisallow: /a.b(c)', '/aXb(c)', true],
  ];
  it.each(cases)('%s', (_label, robots, path, allowed) => {
    expect(isAllowed(robots, UA, path)).toBe(allowed);
  });
});

describe('parseRobots and policyFor', () => {
  it('collects groups, sitemaps and crawl-delay', () => {
    const robots = parseRobots(
      'Sitemap: https://e.org/a.xml\nUser-agent: storydesk\nCrawl-delay: 2.5\nDisallow: /x\nUser-agent: *\nDisallow: /',
    );
    expect(robots.sitemaps).toEqual(['https://e.org/a.xml']);
    expect(robots.groups.map((g) => g.agents)).toEqual([['storydesk'], ['*']]);
    expect(policyFor(robots, UA)).toEqual({ rules: [{ allow: false, pattern: '/x' }], crawlDelaySeconds: 2.5 });
    expect(policyFor(robots, 'otherbot').crawlDelaySeconds).toBeNull();
  });

  it('takes the product token of a User-Agent', () => {
    expect(productToken(UA)).toBe('storydesk');
    expect(productToken('  Googlebot ')).toBe('googlebot');
  });

  it('ignores what is past the 500 KiB parse limit', () => {
    const filler = `# ${'x'.repeat(600 * 1024)}\n`;
    expect(isAllowed(`User-agent: *\nDisallow: /a\n${filler}Disallow: /b`, UA, '/b')).toBe(true);
    expect(isAllowed(`User-agent: *\nDisallow: /a\n${filler}Disallow: /b`, UA, '/a')).toBe(false);
  });
});
