import { describe, expect, it } from 'vitest';
import type { Article, Outlet } from '../../../../src/core/model/index.js';
import type { GroupSentence } from '../../../../src/core/story/suggest/article-group.js';
import { sentenceMatcher } from '../../../../src/core/story/suggest/same-fact-index.js';
import { SentenceCache } from '../../../../src/core/story/suggest/sentence-cache.js';
import { MAX_SUGGESTION_ARTICLES, suggestStory } from '../../../../src/core/story/suggest/suggest-story.js';
import { asExtractedArticle, demoOutlets, generateWorld } from '../../../../src/demo/index.js';
import { stemSentence as sentence } from '../fixtures.js';

/** One synthetic story of `count` articles from 12 outlets, in order of publication. */
function growingStory(count: number, seed = 5): { outlets: Map<string, Outlet>; articles: Article[] } {
  const world = generateWorld({ seed, outlets: 12, stories: 1, articles: count, baseTime: new Date('2026-11-20T12:00:00Z') });
  const outlets = new Map(demoOutlets(world, 'http://127.0.0.1:9').map((o) => [o.id, o]));
  const articles = [...world.articles].sort((a, b) => a.published.localeCompare(b.published)).map(asExtractedArticle);
  return { outlets, articles };
}

/** A cache that records which articles it had to split and stem. */
class CountingCache extends SentenceCache {
  analysed: string[] = [];
  override sentencesOf(article: Article, compute: () => GroupSentence[]): GroupSentence[] {
    return super.sentencesOf(article, () => {
      this.analysed.push(article.id);
      return compute();
    });
  }
}

describe('SentenceCache', () => {
  it('gives the same suggestions as a fresh computation at every join of a story that outgrows the window', () => {
    const { outlets, articles } = growingStory(MAX_SUGGESTION_ARTICLES + 6);
    const cache = new SentenceCache();
    for (let n = 1; n <= articles.length; n++) {
      const window = articles.slice(0, n).slice(-MAX_SUGGESTION_ARTICLES);
      cache.retain(window.map((a) => a.id));
      expect(suggestStory(window, outlets, { cache }), `after ${n} articles`).toEqual(suggestStory(window, outlets));
    }
    expect(cache.size).toBe(MAX_SUGGESTION_ARTICLES);
    // About 130 suggestion runs of up to 60 articles: seconds alone, a minute on a loaded machine.
  }, 120_000);

  it('splits and stems each article once: a join analyses only the new article', () => {
    const { outlets, articles } = growingStory(20);
    const cache = new CountingCache();
    suggestStory(articles.slice(0, 19), outlets, { cache });
    expect(cache.analysed).toHaveLength(19);
    cache.analysed = [];
    suggestStory(articles, outlets, { cache });
    expect(cache.analysed).toEqual([articles[19]!.id]);
  });

  it('analyses an article again when its text changed, and forgets the articles it is not asked to keep', () => {
    const { outlets, articles } = growingStory(6);
    const cache = new CountingCache();
    suggestStory(articles, outlets, { cache });
    cache.analysed = [];
    const edited = { ...articles[2]!, text: `${articles[2]!.text}\n\nA paragraph added later says something new entirely.` };
    const changed = [...articles.slice(0, 2), edited, ...articles.slice(3)];
    expect(suggestStory(changed, outlets, { cache })).toEqual(suggestStory(changed, outlets));
    expect(cache.analysed).toEqual([edited.id]);
    cache.retain(articles.slice(3).map((a) => a.id));
    expect(cache.size).toBe(3);
  });

  it('matches the same pairs as sentenceMatcher while sentences arrive and leave', () => {
    let a = 17;
    const next = () => (a = (a * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = () => `w${Math.floor(40 * next() ** 3)}`;
    const cache = new SentenceCache();
    let pool: GroupSentence[] = [];
    for (let step = 0; step < 12; step++) {
      // Each step one "article" of 10 sentences joins (a few repeat earlier ones); the oldest leaves after 5.
      const articleId = `art${step}`;
      const fresh = Array.from({ length: 10 }, (_, k) => {
        const earlier = pool[Math.floor(next() * pool.length)];
        const stems = earlier && next() < 0.2 ? [...earlier.stems] : Array.from({ length: 3 + Math.floor(next() * 15) }, word);
        return sentence(stems, step * 10 + k, articleId);
      });
      pool = [...pool, ...fresh].filter((s) => Number(s.articleId.slice(3)) > step - 5);
      cache.retain(new Set(pool.map((s) => s.articleId)));
      const incremental = cache.matcher('test', pool);
      const fromScratch = sentenceMatcher(pool);
      // The outlets saying what each sentence says, kept as matches come and go, as counted afresh.
      expect(incremental.outletCount).toBeDefined();
      expect(incremental.nearOtherOutlet).toBeDefined();
      pool.forEach((s, i) => {
        expect(incremental.near(i)).toEqual(fromScratch.near(i));
        for (let j = 0; j < pool.length; j += 7) expect(incremental.matches(i, j)).toBe(fromScratch.matches(i, j));
        const outlets = fromScratch.near(i).map((j) => pool[j]!.outletId);
        expect(incremental.outletCount!(i)).toBe(new Set([s.outletId, ...outlets]).size);
        expect(incremental.nearOtherOutlet!(i, s.outletId)).toBe(outlets.some((o) => o !== s.outletId));
      });
      expect(pool.some((_, i) => fromScratch.near(i).length > 0)).toBe(true);
      expect(pool.some((_, i) => incremental.outletCount!(i) > 1)).toBe(true);
      // Not counted when the index holds sentences outside the list given (their matches would count).
      const part = cache.matcher('test', pool.slice(1));
      expect(part.outletCount).toBeUndefined();
      expect(part.nearOtherOutlet).toBeUndefined();
    }
  });
});

describe('SentenceCache: sentences no other outlet matches, kept per article', () => {
  it('lists the same sentences as counted afresh while articles join and leave in random order', () => {
    let a = 29;
    const next = () => (a = (a * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = () => `w${Math.floor(120 * next() ** 2)}`;
    const cache = new SentenceCache();
    const outletOf = new Map<string, string>();
    let pool: GroupSentence[] = [];
    let matched = 0;
    let unmatched = 0;
    for (let step = 0; step < 40; step++) {
      // An article of 8 sentences from one of 4 outlets joins (some sentences copy earlier ones), or a random one leaves.
      const ids = [...new Set(pool.map((s) => s.articleId))];
      if (ids.length > 3 && next() < 0.4) {
        const gone = ids[Math.floor(next() * ids.length)]!;
        pool = pool.filter((s) => s.articleId !== gone);
      } else {
        const articleId = `art${step}`;
        outletOf.set(articleId, `o${Math.floor(next() * 4)}`);
        const fresh = Array.from({ length: 8 }, (_, k) => {
          const earlier = pool[Math.floor(next() * pool.length)];
          const stems = earlier && next() < 0.3 ? [...earlier.stems] : Array.from({ length: 3 + Math.floor(next() * 8) }, word);
          return { ...sentence(stems, step * 8 + k, articleId), outletId: outletOf.get(articleId)! };
        });
        // Articles are not always in the order they joined: the new one goes to a random place.
        const at = ids.length === 0 ? 0 : pool.findIndex((s) => s.articleId === ids[Math.floor(next() * ids.length)]);
        pool = [...pool.slice(0, at), ...fresh, ...pool.slice(at)];
      }
      cache.retain(new Set(pool.map((s) => s.articleId)));
      const incremental = cache.matcher('test', pool);
      const fromScratch = sentenceMatcher(pool);
      expect(incremental.unmatchedElsewhere).toBeDefined();
      for (const id of new Set(pool.map((s) => s.articleId))) {
        const expected = pool.flatMap((s, i) =>
          s.articleId === id && !fromScratch.near(i).some((j) => pool[j]!.outletId !== s.outletId) ? [i] : [],
        );
        expect(incremental.unmatchedElsewhere!(id), `step ${step}, ${id}`).toEqual(expected);
        unmatched += expected.length;
        matched += pool.filter((s) => s.articleId === id).length - expected.length;
      }
    }
    // Both kinds were checked many times.
    expect(matched).toBeGreaterThan(100);
    expect(unmatched).toBeGreaterThan(100);
  });
});

describe('SentenceCache: sentences with the same stems share one bag', () => {
  it('keeps the matches and outlet counts of a repeated sentence as its copies arrive and leave, as counted afresh', () => {
    const stems = ['harbour', 'ferry', 'evacuat', 'cattle', 'tuesday'];
    const other = ['harbour', 'ferry', 'evacuat', 'cattle', 'wednesday'];
    const unrelated = ['quarry', 'silo', 'tractor', 'welder'];
    const copy = (words: string[], i: number, outletId: string): GroupSentence => ({ ...sentence(words, i, `art${i}`), outletId });
    // Articles art0..art5: copies of one sentence from three outlets, a close variant and an unrelated one.
    const all = [
      copy(stems, 0, 'o0'),
      copy(stems, 1, 'o1'),
      copy(other, 2, 'o2'),
      copy(stems, 3, 'o2'),
      copy(unrelated, 4, 'o0'),
      copy(stems, 5, 'o0'),
    ];
    const cache = new SentenceCache();
    for (let first = 0; first < all.length; first++) {
      for (let last = first + 1; last <= all.length; last++) {
        const pool = all.slice(first, last);
        cache.retain(pool.map((s) => s.articleId));
        const incremental = cache.matcher('test', pool);
        const fromScratch = sentenceMatcher(pool);
        pool.forEach((s, i) => {
          expect(incremental.near(i), `${first}..${last} #${i}`).toEqual(fromScratch.near(i));
          for (let j = 0; j < pool.length; j++) expect(incremental.matches(i, j)).toBe(fromScratch.matches(i, j));
          const outlets = fromScratch.near(i).map((j) => pool[j]!.outletId);
          expect(incremental.outletCount!(i)).toBe(new Set([s.outletId, ...outlets]).size);
          expect(incremental.nearOtherOutlet!(i, s.outletId)).toBe(outlets.some((o) => o !== s.outletId));
        });
      }
    }
  });
});
