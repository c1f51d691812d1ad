import { describe, expect, it } from 'vitest';
import type { Article, StoryCandidate } from '../../src/core/model/index.js';
import { suggestStory, UNWRITTEN } from '../../src/core/story/index.js';
import { looksLikeHtml } from '../../src/cli/commands/extract.js';
import { outletForUrl } from '../../src/web/desk/add-article.js';
import { filterRows, parseListFilter, unseenArticles, type ListRow } from '../../src/web/desk/list-filter.js';
import { missingCoverage, strayCandidates } from '../../src/web/desk/missing-coverage.js';
import { unwrittenSlots } from '../../src/web/desk/publish-guard.js';
import { storedCoverage } from '../../src/web/desk/stored-coverage.js';
import { withoutThirdParty } from '../../src/web/ops/dashboard.js';
import { BOJ, BOJ_LATE, HOSTILE, OUTLETS, SECURITY_TALKS } from '../fixtures/web/world.js';

const outlets = new Map(OUTLETS.map((o) => [o.id, o]));
const story = (id: string, articles: Article[], extra: Partial<StoryCandidate> = {}): StoryCandidate => ({
  id,
  status: 'candidate',
  articleIds: articles.map((a) => a.id),
  title: null,
  suggestedTitle: articles[0]?.title ?? '',
  facts: [],
  sources: null,
  narratives: [],
  predictions: [],
  createdAt: articles[0]?.published ?? '2025-03-20T00:00:00Z',
  updatedAt: articles.at(-1)?.fetchedAt ?? '2025-03-20T00:00:00Z',
  editedAt: null,
  version: 1,
  ...extra,
});
const row = (s: StoryCandidate, articles: Article[], unseen = 0): ListRow => ({ story: s, articles, unseen });

describe('who is missing', () => {
  it('names configured outlets, countries and leans that did not cover the story', () => {
    const missing = missingCoverage(['kyodo', 'japantimes'], outlets);
    expect(missing.outlets.map((o) => o.id).sort()).toEqual(['chinamil', 'evil', 'hill']);
    expect(missing.countries).toEqual(['CN', 'US', 'ZZ']);
    expect(missing.leans).toEqual(['pro-China', 'US-centre']);
    expect(missing.configured).toEqual({ outlets: 5, countries: 4, leans: 2 });
    expect(missingCoverage([...outlets.keys()], outlets)).toMatchObject({ outlets: [], countries: [], leans: [] });
  });

  it('points to a single-outlet candidate on the same story, not to unrelated ones', () => {
    const stray = [
      { ...SECURITY_TALKS[1]!, id: 'a-stray', title: 'Japan, China agree defence hotline at first security talks in four years' },
    ];
    const others = [
      { story: story('stray', stray), articles: stray },
      { story: story('boj-late', BOJ_LATE), articles: BOJ_LATE },
      { story: story('boj', BOJ), articles: BOJ },
      { story: story('published', stray, { status: 'published' }), articles: stray },
    ];
    const found = strayCandidates({ id: 'talks', articles: SECURITY_TALKS.slice(0, 1) }, others);
    expect(found.map((s) => s.id)).toEqual(['stray']);
    expect(found[0]!.shared.length).toBeGreaterThan(2);
    // A candidate of two outlets is not a stray, however close.
    expect(
      strayCandidates({ id: 'x', articles: SECURITY_TALKS.slice(0, 1) }, [
        { story: story('two', SECURITY_TALKS.slice(1, 3)), articles: SECURITY_TALKS.slice(1, 3) },
      ]),
    ).toEqual([]);
  });
});

describe('coverage from stored data', () => {
  it('says what the suggester says, without re-running it', () => {
    for (const articles of [SECURITY_TALKS, BOJ, BOJ_LATE, HOSTILE, [...BOJ, ...BOJ_LATE]]) {
      expect(storedCoverage(articles, outlets)).toEqual(suggestStory(articles, outlets).coverage);
    }
  });
});

describe('the list', () => {
  const talks = row(story('talks', SECURITY_TALKS), SECURITY_TALKS, 1);
  const boj = row(story('boj', BOJ, { createdAt: '2025-03-21T00:00:00Z' }), BOJ, 0);
  const late = row(story('boj-late', BOJ_LATE, { updatedAt: '2025-03-22T00:00:00Z' }), BOJ_LATE, 3);
  const ids = (rows: ListRow[]) => rows.map((r) => r.story.id);

  it('searches article bodies too, not only titles', () => {
    expect(ids(filterRows([talks, boj, late], parseListFilter({ q: 'Senkaku' }), outlets))).toEqual(['talks']);
    expect(ids(filterRows([talks, boj, late], parseListFilter({ q: 'cheap yen funding' }), outlets))).toEqual(['boj-late']);
  });

  it('sorts by newest, most outlets, and "needs me" (unseen articles)', () => {
    expect(ids(filterRows([talks, boj, late], parseListFilter({ sort: 'newest' }), outlets))[0]).toBe('boj');
    expect(ids(filterRows([boj, late, talks], parseListFilter({ sort: 'outlets' }), outlets))[0]).toBe('talks');
    expect(ids(filterRows([talks, boj, late], parseListFilter({ sort: 'needs' }), outlets))).toEqual(['boj-late', 'talks', 'boj']);
    expect(parseListFilter({ sort: 'bogus' }).sort).toBe('recent');
  });

  it('counts articles that were not there at the last look as unseen (all of them when never opened)', () => {
    expect(unseenArticles(SECURITY_TALKS, null)).toBe(4);
    expect(unseenArticles(SECURITY_TALKS, new Set(SECURITY_TALKS.slice(0, 2).map((a) => a.id)))).toBe(2);
  });
});

describe('publish guard', () => {
  it('lists the slots that still read "[to be written]"', () => {
    const doc = {
      title: 't',
      facts: [],
      sources: [],
      predictions: [],
      narratives: [
        { outlet: 'A', label: 'X', text: 'done' },
        { outlet: 'B', label: 'Y', text: UNWRITTEN },
      ],
    };
    expect(unwrittenSlots(doc)).toEqual(['Y (B)']);
  });
});

describe('add by URL', () => {
  it('guesses the outlet from the address host', () => {
    expect(outletForUrl('https://www.kyodo.example/news/1', outlets)?.id).toBe('kyodo');
    expect(outletForUrl('https://elsewhere.example/x', outlets)).toBeNull();
    expect(outletForUrl('not a url', outlets)).toBeNull();
  });
});

describe('garbage and third parties', () => {
  it('tells HTML from garbage for storydesk extract', () => {
    expect(looksLikeHtml(Buffer.from('<!doctype html><title>x</title><p>hi'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('<div>only a div</div>'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('\uFEFF<html>', 'utf16le'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('{"json": true}'))).toBe(false);
    expect(looksLikeHtml(Buffer.from([0x00, 0x8f, 0x13, 0xfe]))).toBe(false);
    expect(looksLikeHtml(Buffer.from('a < b and c > d'))).toBe(false);
  });

  it('takes third-party links and scripts out of the dashboard page', () => {
    const page =
      '<head><link href="https://fonts.googleapis.com/css2?family=X" rel="stylesheet">\n<link href="static/css/main.css" rel="stylesheet"><script src="//cdn.example/x.js"></script><script src="static/js/main.js"></script>';
    expect(withoutThirdParty(page)).toBe(
      '<head><link href="static/css/main.css" rel="stylesheet"><script src="static/js/main.js"></script>',
    );
  });
});
