import type { Outlet, StoryCandidate } from '../../core/model/index.js';
import { MAX_SUGGESTION_ARTICLES, refreshSuggestions, suggestStory, type StorySuggestion } from '../../core/story/index.js';
import type { Store } from './store.js';
import { ArticleMovedError, RetiredStoryError, StaleVersionError, type StoryChange } from './stories.js';
import { StoryWindows } from './story-windows.js';

/**
 * Keeps story candidates in step with clustering. Every change is a compare-and-set, so an
 * editor's concurrent save is never overwritten (the change is simply redone on top of it).
 * Membership is cheap and done by the cluster job; suggestions are the expensive part and
 * are refreshed by the story queue, where bursts of arrivals coalesce.
 */
export class StoryUpdater {
  /** Each story's suggestion window kept between refreshes: a join reads and analyses only the new article. */
  private readonly windows = new StoryWindows();

  constructor(
    private readonly store: Store,
    private readonly outlets: ReadonlyMap<string, Outlet>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Add articles to the story, creating it when new (titled by its first article until
   * suggestions arrive). A story merged away forwards to the one it was merged into, so a late
   * placement lands there and never recreates it; an article that already belongs to another
   * candidate (an editor moved it) stays where it is. Membership and article ownership change
   * in one atomic step.
   */
  async addMembers(storyId: string, articleIds: string[]): Promise<StoryCandidate> {
    return this.mutate(storyId, articleIds, async (current, owners) => {
      const free = articleIds.filter((id, i) => owners[i] === null || owners[i] === current.id);
      const members = [...current.articleIds, ...free.filter((id) => !current.articleIds.includes(id))];
      if (members.length === current.articleIds.length && current.version > 0) return null;
      if (!members.length) return null;
      const suggestedTitle = current.suggestedTitle || (await this.store.articles.get(members[0] ?? ''))?.title || '';
      return {
        story: { ...current, articleIds: members, suggestedTitle },
        own: Object.fromEntries(free.map((id) => [id, current.id])),
        expectOwners: Object.fromEntries(free.map((id) => [id, owners[articleIds.indexOf(id)] ?? null])),
      };
    });
  }

  /**
   * Recompute the story's suggestions from its articles; editor text stays. With
   * `expectedMembers`, a story that has grown since the job was queued is left to the newer
   * job, so a burst of arrivals costs one refresh. A refresh that has started lands: when
   * articles join while it computes (the cluster role adds members meanwhile), its suggestions
   * are saved onto the grown story rather than thrown away (the joins' own jobs refresh again),
   * so a story that keeps growing still gets suggestions and no computed refresh is wasted.
   * Any other change meanwhile (an editor removed or moved an article) computes them again.
   */
  async refresh(storyId: string, expectedMembers?: number): Promise<'refreshed' | 'superseded' | 'missing'> {
    let outcome: 'refreshed' | 'superseded' | 'missing' = 'refreshed';
    let computed: { members: string[]; suggestion: StorySuggestion } | null = null;
    await this.mutate(storyId, [], async (current) => {
      outcome = 'refreshed';
      if (current.version === 0) outcome = 'missing';
      else if (!computed && expectedMembers !== undefined && current.articleIds.length > expectedMembers) outcome = 'superseded';
      if (outcome !== 'refreshed') return null;
      if (!computed || !onlyAppended(current.articleIds, computed.members)) {
        const { articles, cache } = await this.windows.window(current.id, current.articleIds.slice(-MAX_SUGGESTION_ARTICLES), (ids) =>
          this.store.articles.getMany(ids),
        );
        computed = { members: current.articleIds, suggestion: suggestStory(articles, this.outlets, { cache }) };
      }
      return { story: refreshSuggestions(current, computed.suggestion, this.now()) };
    });
    return outcome;
  }

  /** Membership and suggestions in one go (editor actions, backfill). */
  async update(storyId: string, articleIds: string[] = []): Promise<StoryCandidate> {
    await this.addMembers(storyId, articleIds);
    await this.refresh(storyId);
    return (await this.store.stories.get(storyId))!;
  }

  /**
   * Load, change, save with the loaded version; on a concurrent save (or a merge that retired
   * the story, or an article that moved meanwhile), redo on top of what is stored now. The
   * story's forward, the story and the owners of `articleIds` are read together, in one round
   * trip: the commit checks the version and the owners again, so reading them at once rather
   * than in turn changes nothing but the wait.
   */
  private async mutate(
    storyId: string,
    articleIds: string[],
    change: (
      current: StoryCandidate,
      owners: Array<string | null>,
    ) => Promise<(Pick<StoryChange, 'own' | 'expectOwners'> & { story: StoryCandidate }) | null>,
  ): Promise<StoryCandidate> {
    for (let attempt = 0; ; attempt++) {
      const at = this.now().toISOString();
      const [forward, stored, owners] = await Promise.all([
        this.store.stories.forwardOf(storyId),
        this.store.stories.get(storyId),
        this.store.stories.storiesOf(articleIds),
      ]);
      // Merged away (rare): writes go to the candidate it forwards to, read in turn.
      const id = forward ? await this.store.stories.resolve(forward) : storyId;
      const current = (forward ? await this.store.stories.get(id) : stored) ?? emptyCandidate(id, at);
      const next = await change(current, owners);
      if (!next) return current;
      try {
        const [saved] = await this.store.stories.commit({
          put: [{ story: { ...next.story, updatedAt: at }, expected: current.version }],
          own: next.own,
          expectOwners: next.expectOwners,
        });
        return saved!;
      } catch (error) {
        const retry = error instanceof StaleVersionError || error instanceof RetiredStoryError || error instanceof ArticleMovedError;
        if (!retry || attempt >= 20) throw error;
        // A short random pause, so two writers that keep colliding fall out of step.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * (attempt + 1)));
      }
    }
  }
}

/** True when `members` is `before` with articles appended (nothing removed or reordered). */
function onlyAppended(members: readonly string[], before: readonly string[]): boolean {
  return members.length >= before.length && before.every((id, i) => members[i] === id);
}

/** A candidate with no members yet; the first update fills it. */
export function emptyCandidate(id: string, at: string): StoryCandidate {
  return {
    id,
    status: 'candidate',
    articleIds: [],
    title: null,
    suggestedTitle: '',
    facts: [],
    sources: null,
    narratives: [],
    predictions: [],
    createdAt: at,
    updatedAt: at,
    editedAt: null,
    version: 0,
  };
}
