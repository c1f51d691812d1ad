import { describe, expect, it } from 'vitest';
import { buildGroup } from '../../../../src/core/story/suggest/article-group.js';
import { SentenceCache } from '../../../../src/core/story/suggest/sentence-cache.js';
import { salienceOf } from '../../../../src/core/story/suggest/stem-salience.js';
import { asExtractedArticle, demoOutlets, generateWorld } from '../../../../src/demo/index.js';

/** One synthetic story's articles (in the world's order) and its outlets. */
function story(count: number, seed: number) {
  const world = generateWorld({ seed, outlets: 9, stories: 1, articles: count, baseTime: new Date('2026-11-20T12:00:00Z') });
  const outlets = new Map(demoOutlets(world, 'http://127.0.0.1:9').map((o) => [o.id, o]));
  return { outlets, articles: world.articles.map(asExtractedArticle) };
}

describe('WordStatsTable (word statistics kept by the story cache)', () => {
  it('gives every word the salience computed afresh while articles join and leave the window in any order', () => {
    const { outlets, articles } = story(40, 3);
    const cache = new SentenceCache();
    let state = 17;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    let window = articles.slice(0, 5);
    for (let step = 0; step < 60; step++) {
      // Some articles leave, others (possibly ones that left before) join, in arrival order unrelated to publication.
      window = window.filter(() => random() > 0.2);
      for (const a of articles) if (!window.some((b) => b.id === a.id) && random() < 0.1) window.push(a);
      // Now and then an article comes back with other text: its statistics are taken out and put in again.
      if (window.length > 0 && step % 7 === 3) window[0] = { ...window[0]!, text: `${window[0]!.text} Officials in Geneva said 42 more.` };
      // Now and then an article's date is corrected (same text): the articles kept change their order in the window.
      if (window.length > 2 && step % 5 === 1) {
        const k = Math.floor(random() * window.length);
        const shifted = new Date(Date.parse(window[k]!.published) + (random() < 0.5 ? -1 : 1) * 6 * 3_600_000).toISOString();
        window[k] = { ...window[k]!, published: shifted };
      }
      const cached = salienceOf(buildGroup(window, outlets, undefined, cache));
      const fresh = salienceOf(buildGroup(window, outlets));
      const words = new Set(window.flatMap((a) => `${a.title} ${a.text}`.toLowerCase().split(/\W+/)));
      const stems = buildGroup(window, outlets).articles.flatMap((a) => a.sentences.flatMap((s) => s.stems));
      for (const w of [...words, ...stems, 'geneva', 'no-such-word']) expect(cached(w), `step ${step}, ${w}`).toBe(fresh(w));
    }
  });
});
