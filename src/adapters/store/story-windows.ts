import type { Article } from '../../core/model/index.js';
import { SentenceCache } from '../../core/story/index.js';

/** What a process keeps of one story between refreshes: its window's articles and their sentence data. */
interface StoryWindow {
  articles: Map<string, Article>;
  cache: SentenceCache;
}

/**
 * The suggestion windows of the stories this process refreshed last (least recently used
 * dropped first), so that a refresh after a join reads and analyses only the new article:
 * the others' text, sentences and matches are here already. Stored articles do not change
 * once written, so a kept article is never stale. Another process refreshing the same story
 * keeps its own; a story not kept is read whole, as before.
 */
export class StoryWindows {
  private readonly windows = new Map<string, StoryWindow>();

  constructor(private readonly maxStories = 500) {}

  /** The story's articles with these ids, in this order (ids not stored are left out), and the story's sentence cache. */
  async window(
    storyId: string,
    ids: readonly string[],
    load: (ids: string[]) => Promise<Article[]>,
  ): Promise<{ articles: Article[]; cache: SentenceCache }> {
    let kept = this.windows.get(storyId);
    if (kept)
      this.windows.delete(storyId); // re-inserted below: most recently used last
    else kept = { articles: new Map(), cache: new SentenceCache() };
    this.windows.set(storyId, kept);
    while (this.windows.size > this.maxStories) this.windows.delete(this.windows.keys().next().value!);

    const missing = ids.filter((id) => !kept.articles.has(id));
    for (const article of await load(missing)) kept.articles.set(article.id, article);
    const wanted = new Set(ids);
    for (const id of [...kept.articles.keys()]) if (!wanted.has(id)) kept.articles.delete(id);
    kept.cache.retain(kept.articles.keys());
    return { articles: ids.flatMap((id) => kept.articles.get(id) ?? []), cache: kept.cache };
  }

  /** Stories kept (for tests and sizing). */
  get size(): number {
    return this.windows.size;
  }
}
