import type { Outlet, StoryCandidate } from '../../core/model/index.js';
import { MAX_SUGGESTION_ARTICLES, refreshSuggestions, suggestStory } from '../../core/story/index.js';
import type { Store } from './store.js';
import { StaleVersionError } from './stories.js';

/**
 * Keeps story candidates in step with clustering. Every change is a compare-and-set, so an
 * editor's concurrent save is never overwritten (the change is simply redone on top of it).
 * Membership is cheap and done by the cluster job; suggestions are the expensive part and
 * are refreshed by the story queue, where bursts of arrivals coalesce.
 */
export class StoryUpdater {
  constructor(private readonly store: Store, private readonly outlets: ReadonlyMap<string, Outlet>, private readonly now: () => Date = () => new Date()) {}

  /** Add articles to the story, creating it when new (titled by its first article until suggestions arrive). */
  async addMembers(storyId: string, articleIds: string[]): Promise<StoryCandidate> {
    const saved = await this.mutate(storyId, async (current) => {
      const members = [...current.articleIds, ...articleIds.filter((id) => !current.articleIds.includes(id))];
      if (members.length === current.articleIds.length && current.version > 0) return null;
      const suggestedTitle = current.suggestedTitle || (await this.store.articles.get(members[0] ?? ''))?.title || '';
      return { ...current, articleIds: members, suggestedTitle };
    });
    await this.store.stories.setStoryOf(articleIds, storyId);
    return saved;
  }

  /**
   * Recompute the story's suggestions from its articles; editor text stays. With
   * `expectedMembers`, a story that has grown since the job was queued is left to the newer
   * job, so a burst of arrivals costs one refresh.
   */
  async refresh(storyId: string, expectedMembers?: number): Promise<'refreshed' | 'superseded' | 'missing'> {
    let outcome: 'refreshed' | 'superseded' | 'missing' = 'refreshed';
    await this.mutate(storyId, async (current) => {
      if (current.version === 0) outcome = 'missing';
      else if (expectedMembers !== undefined && current.articleIds.length > expectedMembers) outcome = 'superseded';
      if (outcome !== 'refreshed') return null;
      const articles = await this.store.articles.getMany(current.articleIds.slice(-MAX_SUGGESTION_ARTICLES));
      return refreshSuggestions(current, suggestStory(articles, this.outlets), this.now());
    });
    return outcome;
  }

  /** Membership and suggestions in one go (editor actions, backfill). */
  async update(storyId: string, articleIds: string[] = []): Promise<StoryCandidate> {
    await this.addMembers(storyId, articleIds);
    await this.refresh(storyId);
    return (await this.store.stories.get(storyId))!;
  }

  /** Load, change, save with the loaded version; on a concurrent save, redo on top of it. */
  private async mutate(storyId: string, change: (current: StoryCandidate) => Promise<StoryCandidate | null>): Promise<StoryCandidate> {
    for (let attempt = 0; ; attempt++) {
      const at = this.now().toISOString();
      const current = (await this.store.stories.get(storyId)) ?? emptyCandidate(storyId, at);
      const next = await change(current);
      if (!next) return current;
      try {
        return await this.store.stories.save({ ...next, updatedAt: at }, current.version);
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
