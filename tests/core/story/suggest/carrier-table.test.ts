import { describe, expect, it } from 'vitest';
import { buildGroup, type GroupArticle, type GroupSentence } from '../../../../src/core/story/suggest/article-group.js';
import { type ArticleCarrierData, CarrierTable } from '../../../../src/core/story/suggest/carrier-table.js';
import { contentStems } from '../../../../src/core/story/suggest/content-stems.js';
import { type Carriers, carrierIndex } from '../../../../src/core/story/suggest/outlet-carriers.js';
import { asExtractedArticle, demoOutlets, generateWorld } from '../../../../src/demo/index.js';

/** An article's headline and sentences of four content words or more, as fact selection gives them to the index. */
function carrierData(a: GroupArticle): ArticleCarrierData {
  const title: GroupSentence = {
    text: a.article.title,
    paragraph: -1,
    index: Number.MAX_SAFE_INTEGER,
    truncated: false,
    quotation: null,
    articleId: a.article.id,
    outletId: a.outlet.id,
    stems: contentStems(a.article.title),
    role: 'fact',
  };
  const sentences = [title, ...a.sentences].filter((s) => s.role !== 'furniture' && s.stems.length >= 4);
  return { sentences, words: sentences.map((s) => [...new Set(s.stems)]) };
}

/** Carriers as ordered lists (Map equality alone would not check the order facts list their outlets in). */
function listed(carriers: Carriers): [string, [string, number][]][] {
  return [...carriers].map(([outletId, at]) => [outletId, [...at]]);
}

describe('CarrierTable (the carrier index kept by the story cache)', () => {
  it('answers as an index built over the window while articles join, leave and change text in any order', () => {
    const world = generateWorld({ seed: 4, outlets: 9, stories: 1, articles: 40, baseTime: new Date('2026-11-20T12:00:00Z') });
    const outlets = new Map(demoOutlets(world, 'http://127.0.0.1:9').map((o) => [o.id, o]));
    const articles = world.articles.map(asExtractedArticle);
    const table = new CarrierTable();
    // The same fact objects are asked at every step, as a story's cache gives them: kept answers must stay right.
    const facts = buildGroup(articles, outlets)
      .articles.flatMap((a) => a.sentences)
      .filter((s, i) => i % 5 === 0 && s.stems.length >= 4)
      .map((s) => ({ words: new Set(s.stems), outletId: s.outletId }));
    const data = new Map<string, ArticleCarrierData>();
    let state = 23;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    let window = articles.slice(0, 5);
    let carried = 0;
    for (let step = 0; step < 40; step++) {
      window = window.filter(() => random() > 0.2);
      for (const a of articles) if (!window.some((b) => b.id === a.id) && random() < 0.1) window.push(a);
      // Now and then an article comes back with other text (another article's): its data is new.
      if (window.length > 0 && step % 7 === 3) window[0] = { ...window[0]!, text: articles[(step * 3) % articles.length]!.text };
      const group = buildGroup(window, outlets);
      const held = group.articles.map((a) => {
        // An article keeps its data object while its text stays the same (as the story's cache keeps it).
        const key = `${a.article.id}\u0000${a.article.text}`;
        const mine = data.get(key) ?? carrierData(a);
        data.set(key, mine);
        return { id: a.article.id, outletId: a.outlet.id, data: mine };
      });
      expect(table.sync(held)).toBe(true);
      const fresh = carrierIndex(held.flatMap((a) => a.data.sentences));
      // Each fact is asked at some steps only: kept answers must stay right over the articles that joined and left meanwhile.
      for (const fact of facts.filter(() => random() < 0.6)) {
        const expected = listed(fresh.carriersOf(fact.words, fact.outletId));
        carried += expected.length;
        expect(listed(table.carriersOf(fact.words, fact.outletId)), `step ${step}`).toEqual(expected);
      }
    }
    // The check compared something: facts were carried by other outlets.
    expect(carried).toBeGreaterThan(60);
  });

  it('leaves a window with an article twice to the caller', () => {
    const table = new CarrierTable();
    const data: ArticleCarrierData = { sentences: [], words: [] };
    expect(
      table.sync([
        { id: 'a', outletId: 'x', data },
        { id: 'a', outletId: 'x', data },
      ]),
    ).toBe(false);
  });
});
