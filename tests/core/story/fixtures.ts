import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Outlet } from '../../../src/core/model/index.js';
import type { GroupSentence } from '../../../src/core/story/suggest/article-group.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..', '..');
export const fixtureDir = path.resolve(repoRoot, 'tests/fixtures/story');

/** The seed story (a copy kept with the fixtures; see its README). */
export function readSeed(): string {
  return readFileSync(path.join(fixtureDir, 'seed.txt'), 'utf8');
}

interface FixtureArticle {
  id: string;
  outletId: string;
  published: string;
  section: string | null;
  title: string;
  text: string;
}

/** Full Outlet from the fixture's short form. */
export function outlet(o: Partial<Outlet> & Pick<Outlet, 'id' | 'name'>): Outlet {
  return { homepage: '', language: 'en', country: '', kind: 'newspaper', perspective: [], feeds: [], ...o };
}

/** A sentence known only by its stems (all the matchers read), of article `articleId` and outlet o(i mod 3). */
export function stemSentence(stems: string[], i = 0, articleId = `a${i}`): GroupSentence {
  return {
    text: stems.join(' '),
    paragraph: 0,
    index: i,
    truncated: false,
    quotation: null,
    articleId,
    outletId: `o${i % 3}`,
    stems,
    role: 'fact',
  };
}

/**
 * Two outlets, "wire" and "paper", publishing the same text an hour apart on `day` (from 10:00
 * UTC): what one outlet's sentences alone cannot decide is then the same for both.
 */
export function sameTextFromTwoOutlets(title: string, day: string, text: string): { outlets: Outlet[]; articles: Article[] } {
  const outlets = [outlet({ id: 'wire', name: 'Wire' }), outlet({ id: 'paper', name: 'Paper' })];
  const articles = ['wire', 'paper'].map((outletId, k) =>
    article({ id: `${outletId}1`, outletId, section: null, title, published: `${day}T1${k}:00:00Z`, text }),
  );
  return { outlets, articles };
}

/** Full Article from the fixture's short form. */
export function article(a: FixtureArticle): Article {
  return {
    ...a,
    feedId: `${a.outletId}-feed`,
    url: `https://example.org/${a.id}`,
    canonicalUrl: `https://example.org/${a.id}`,
    byline: null,
    modified: null,
    lang: 'en',
    description: null,
    image: null,
    summary: '',
    outcome: 'article',
    fetchedAt: a.published,
  };
}

/** The China–Japan security talks: six news outlets, one state-media commentary, one opinion piece. */
export function chinaJapan(): { outlets: Outlet[]; articles: Article[] } {
  const raw = JSON.parse(readFileSync(path.join(fixtureDir, 'china-japan.json'), 'utf8')) as {
    outlets: (Partial<Outlet> & Pick<Outlet, 'id' | 'name'>)[];
    articles: FixtureArticle[];
  };
  return { outlets: raw.outlets.map(outlet), articles: raw.articles.map(article) };
}
