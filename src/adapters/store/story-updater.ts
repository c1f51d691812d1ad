import type { Outlet, StoryCandidate } from '../../core/model/index.js';
import { refreshSuggestions, suggestStory } from '../../core/story/index.js';
import type { Store } from './store.js';
import { StaleVersionError } from './stories.js';

/** Suggestions read at most this many of a story's articles (the most recent): bounded work per update. */
const MAX_SUGGESTION_ARTICLES = 60;

/**
 * Keeps story candidates in step with clustering: adds members and refreshes suggestions
 * with a compare-and-set, so an editor's concurrent save is never overwritten (the update
 * is simply redone on top of it).
 */
export class StoryUpdater {
  constructor(private readonly store: Store, private readonly outlets: ReadonlyMap<string, Outlet>, private readonly now: () => Date = () => new Date()) {}

  /** Add `articleIds` (if any) to the story, creating it when new, and refresh its suggestions. */
  async update(storyId: string, articleIds: string[] = []): Promise<StoryCandidate> {
    for (let attempt = 0; ; attempt++) {
      const at = this.now().toISOString();
      const current = (await this.store.stories.get(storyId)) ?? emptyCandidate(storyId, at);
      const members = [...current.articleIds, ...articleIds.filter((id) => !current.articleIds.includes(id))];
      const articles = await this.store.articles.getMany(members.slice(-MAX_SUGGESTION_ARTICLES));
      const suggestion = suggestStory(articles, this.outlets);
      const next = { ...refreshSuggestions({ ...current, articleIds: members }, suggestion, this.now()), updatedAt: at };
      try {
        const saved = await this.store.stories.save(next, current.version);
        await this.store.stories.setStoryOf(articleIds, storyId);
        return saved;
      } catch (error) {
        if (!(error instanceof StaleVersionError) || attempt >= 5) throw error;
      }
    }
  }
}

/** A candidate with no members yet; the first update fills it. */
export function emptyCandidate(id: string, at: string): StoryCandidate {
  return {
    id, status: 'candidate', articleIds: [], title: null, suggestedTitle: '', facts: [], sources: null, narratives: [], predictions: [],
    createdAt: at, updatedAt: at, editedAt: null, version: 0,
  };
}
