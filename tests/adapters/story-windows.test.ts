import { describe, expect, it } from 'vitest';
import { StoryWindows } from '../../src/adapters/store/story-windows.js';
import type { Article } from '../../src/core/model/index.js';

const article = (id: string): Article => ({
  id,
  outletId: 'o',
  feedId: 'f',
  url: `https://example.org/${id}`,
  canonicalUrl: `https://example.org/${id}`,
  title: id,
  byline: null,
  published: '2026-11-20T00:00:00Z',
  modified: null,
  lang: 'en',
  section: null,
  description: null,
  image: null,
  text: `Article ${id} says something.`,
  summary: '',
  outcome: 'article',
  fetchedAt: '2026-11-20T00:00:00Z',
});

/** A loader that records what it was asked for; ids starting with "gone" are not stored. */
function loader() {
  const asked: string[][] = [];
  const load = async (ids: string[]) => {
    asked.push(ids);
    return ids.filter((id) => !id.startsWith('gone')).map(article);
  };
  return { asked, load };
}

describe('StoryWindows', () => {
  it('reads only the articles it does not hold yet, and returns the window in order', async () => {
    const windows = new StoryWindows();
    const { asked, load } = loader();
    await windows.window('s1', ['a', 'b'], load);
    const { articles } = await windows.window('s1', ['a', 'b', 'c'], load);
    expect(asked).toEqual([['a', 'b'], ['c']]);
    expect(articles.map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('drops articles that left the window, and leaves out ids that are not stored', async () => {
    const windows = new StoryWindows();
    const { asked, load } = loader();
    await windows.window('s1', ['a', 'b', 'c'], load);
    const { articles, cache } = await windows.window('s1', ['b', 'c', 'gone1'], load);
    expect(articles.map((a) => a.id)).toEqual(['b', 'c']);
    await windows.window('s1', ['a', 'b'], load);
    expect(asked.at(-1)).toEqual(['a']);
    expect(cache).toBe((await windows.window('s1', ['a', 'b'], load)).cache);
  });

  it('keeps at most maxStories stories, dropping the least recently refreshed', async () => {
    const windows = new StoryWindows(2);
    const { asked, load } = loader();
    await windows.window('s1', ['a'], load);
    await windows.window('s2', ['b'], load);
    await windows.window('s1', ['a'], load);
    await windows.window('s3', ['c'], load);
    expect(windows.size).toBe(2);
    asked.length = 0;
    await windows.window('s1', ['a'], load);
    await windows.window('s2', ['b'], load);
    expect(asked).toEqual([[], ['b']]);
  });
});
