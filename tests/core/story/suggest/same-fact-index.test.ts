import { describe, expect, it } from 'vitest';
import { buildGroup, outletMap, type GroupSentence } from '../../../../src/core/story/suggest/article-group.js';
import { sentenceMatcher } from '../../../../src/core/story/suggest/same-fact-index.js';
import { SAME_FACT_THRESHOLD, sentenceMatch } from '../../../../src/core/story/suggest/same-fact-score.js';
import { chinaJapan, stemSentence as sentence } from '../fixtures.js';

/** What the matcher must find: every pair compared with sentenceMatch. */
function pairwise(sentences: GroupSentence[]): number[][] {
  return sentences.map((s, i) => sentences.flatMap((o, j) => (j !== i && sentenceMatch(s, o) >= SAME_FACT_THRESHOLD ? [j] : [])));
}

function expectSameAsPairwise(sentences: GroupSentence[]): void {
  const matcher = sentenceMatcher(sentences);
  const expected = pairwise(sentences);
  sentences.forEach((_, i) => {
    expect(matcher.near(i)).toEqual(expected[i]);
    for (let j = 0; j < sentences.length; j++) if (j !== i) expect(matcher.matches(i, j)).toBe(expected[i]!.includes(j));
    const visited: number[] = [];
    expect(matcher.someNear(i, (j) => (visited.push(j), false))).toBe(false);
    expect(visited.sort((a, b) => a - b)).toEqual(expected[i]);
  });
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('sentenceMatcher', () => {
  it('finds exactly the pairs sentenceMatch finds in a real story', () => {
    const { outlets, articles } = chinaJapan();
    const sentences = buildGroup(articles, outletMap(outlets)).articles.flatMap((a) => a.sentences);
    expect(pairwise(sentences).some((near) => near.length > 0)).toBe(true);
    expectSameAsPairwise(sentences);
  });

  it('matches repeated sentences with each other, never a sentence with itself, and nothing with an empty one', () => {
    const talks = ['china', 'japan', 'security', 'talk', 'tokyo'];
    const sentences = [sentence(talks, 0), sentence([], 1), sentence(talks, 2), sentence([], 3), sentence([...talks].reverse(), 4)];
    const matcher = sentenceMatcher(sentences);
    expect(matcher.near(0)).toEqual([2, 4]);
    expect(matcher.near(1)).toEqual([]);
    expect(matcher.matches(0, 0)).toBe(false);
    expect(matcher.matches(1, 3)).toBe(false);
    expectSameAsPairwise(sentences);
  });

  it('keeps a short sentence inside a long one even when all they share are widespread words', () => {
    // "said", "minister", "talk", "tuesday" are in nearly every sentence: a short sentence made of
    // them lies inside a long one (4 shared words), a match the word index must not drop.
    const common = ['said', 'minister', 'talk', 'tuesday'];
    // The long ones have 40 distinct words, so the cosine stays under the bar (4 / √160 ≈ 0.32);
    // the short one comes first, so it is the one looking the long ones up in the index.
    const long = Array.from({ length: 12 }, (_, i) =>
      sentence([...common, ...Array.from({ length: 36 }, (_, k) => `rare${i}x${k}`)], i + 1),
    );
    const sentences = [sentence(common, 0), ...long];
    expect(sentenceMatch(sentences[0]!, sentences[1]!)).toBeCloseTo(0.8);
    const matcher = sentenceMatcher(sentences);
    expect(matcher.near(0)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expectSameAsPairwise(sentences);
  });

  it('agrees with pair-by-pair matching on random sentences over a skewed vocabulary', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = rng(seed);
      // Zipf-like: a few words in most sentences, many rare ones; lengths 0–24, repeats allowed.
      const word = () => `w${Math.floor(60 * next() ** 3)}`;
      const sentences = Array.from({ length: 150 }, (_, i) => sentence(Array.from({ length: Math.floor(next() * 25) }, word), i));
      expectSameAsPairwise(sentences);
    }
  });
});
