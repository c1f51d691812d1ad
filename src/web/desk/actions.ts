import type { Queues } from '../../adapters/queue/queues.js';
import type { Store } from '../../adapters/store/store.js';
import { ArticleMovedError, RetiredStoryError, StaleVersionError, type StoryChange } from '../../adapters/store/stories.js';
import { emptyCandidate } from '../../adapters/store/story-updater.js';
import { shortHash, StorydeskError, type Decision, type Outlet, type StoryCandidate } from '../../core/model/index.js';
import { MAX_SUGGESTION_ARTICLES, refreshSuggestions, suggestStory } from '../../core/story/index.js';
import type { FormBody } from './form.js';
import { documentOf } from './exports.js';
import { combineEditorWork, withoutMergedFrom } from './merge-work.js';
import { unwrittenMessage, unwrittenSlots } from './publish-guard.js';
import { applyStoryForm } from './story-form.js';

/** How often an action re-reads a candidate the editor did not load (the other side of a merge or move) after a concurrent write. */
const RETRIES = 8;

/** A status change an editor can make. */
export type StatusAction = 'publish' | 'reject' | 'reopen';

const STATUS_AFTER: Record<StatusAction, StoryCandidate['status']> = { publish: 'published', reject: 'rejected', reopen: 'in_review' };

const invalid = (message: string) => new StorydeskError('invalid_form', message, { permanent: true });

/**
 * Everything an editor does to candidates. Each action is one atomic change over every
 * candidate it touches (StoryStore.commit: a Lua script): the version the editor loaded is
 * checked (StaleVersionError when someone saved in between), the other candidates are checked
 * at the version read here (a concurrent write makes the action re-read and redo them),
 * articles change owner, and the decision lands in each touched candidate's history, all or
 * nothing. Decisions that affect clustering then go to the clusterer's queue.
 */
export class DeskActions {
  constructor(
    private readonly store: Store,
    private readonly queues: Pick<Queues, 'cluster'>,
    private readonly outlets: ReadonlyMap<string, Outlet>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Load a candidate or throw `not_found` (saying where a merged one went). */
  async load(id: string): Promise<StoryCandidate> {
    const story = await this.store.stories.get(id);
    if (story) return story;
    const forward = await this.store.stories.forwardOf(id);
    if (forward) throw new StorydeskError('not_found', `candidate ${id} was merged into ${forward}`, { permanent: true });
    throw new StorydeskError('not_found', `there is no candidate ${id}`, { permanent: true });
  }

  /** Save the story form (title, facts, sources, slots, predictions). */
  async saveEdits(id: string, version: number, form: FormBody, by: string): Promise<StoryCandidate> {
    const current = await this.loadAt(id, version);
    const articles = await this.store.articles.getMany(current.articleIds);
    const { next, fields } = applyStoryForm(current, form, { now: this.now(), articles });
    const history = fields.length
      ? [{ storyIds: [id], decision: { kind: 'edit', storyId: id, by, at: next.editedAt!, fields } satisfies Decision }]
      : [];
    const [saved] = await this.store.stories.commit({ put: [{ story: next, expected: version }], history });
    return saved!;
  }

  /**
   * Publish, reject, or send back for review. Publishing is refused while a narrative slot
   * still reads "[to be written]" (`unwritten_slots`); rejecting needs a reason, kept in the history.
   */
  async setStatus(
    id: string,
    version: number,
    action: StatusAction,
    by: string,
    options: { reason?: string } = {},
  ): Promise<StoryCandidate> {
    const current = await this.loadAt(id, version);
    const reason = (options.reason ?? '').replace(/\s+/g, ' ').trim();
    if (action === 'reject' && !reason) throw invalid('say why you reject it (a few words), so others know');
    if (action === 'publish') {
      const unwritten = unwrittenSlots(await documentOf(this.store, this.outlets, current));
      if (unwritten.length) throw new StorydeskError('unwritten_slots', unwrittenMessage(unwritten), { permanent: true });
    }
    const at = this.now().toISOString();
    const decision: Decision =
      action === 'reject' ? { kind: 'reject', storyId: id, by, at, reason } : { kind: action, storyId: id, by, at };
    const [saved] = await this.store.stories.commit({
      put: [{ story: { ...current, status: STATUS_AFTER[action], updatedAt: at }, expected: version }],
      history: [{ storyIds: [id], decision }],
    });
    await this.tellClusterer(decision);
    return saved!;
  }

  /**
   * Merge candidate `from` into `into` (the page the editor is on, at `version`). Both sides'
   * editor work stays (merge-work.ts); `from` is retired and forwards to `into`, so late
   * placements land in `into`. A published candidate is never merged away.
   */
  async merge(into: string, version: number, from: string, by: string, undoes?: 'split'): Promise<StoryCandidate> {
    if (from === into) throw invalid('a candidate cannot be merged into itself');
    return this.retrying(into, async () => {
      const target = await this.loadAt(into, version);
      const source = await this.load(from);
      if (source.status === 'published')
        throw invalid(`candidate ${from} is published; send it back for review before merging it into another`);
      const at = this.now().toISOString();
      const members = [...target.articleIds, ...source.articleIds.filter((a) => !target.articleIds.includes(a))];
      const merged = await this.withMembers(combineEditorWork(target, source), members, at);
      const decision: Decision = { kind: 'merge', from, into, by, at, articleIds: source.articleIds, ...(undoes ? { undoes } : {}) };
      const [saved] = await this.store.stories.commit({
        put: [{ story: { ...merged, editedAt: at }, expected: version }],
        retire: [{ id: from, expected: source.version, forwardTo: into }],
        own: Object.fromEntries(source.articleIds.map((a) => [a, into])),
        history: [{ storyIds: [into, from], decision }],
      });
      await this.tellClusterer(decision);
      return saved!;
    });
  }

  /** Move one article from candidate `from` (at `version`) to candidate `to` (or where `to` was merged into). */
  async move(from: string, version: number, articleId: string, toId: string, by: string): Promise<StoryCandidate> {
    return this.moveMany(from, version, [articleId], toId, by);
  }

  /**
   * Move the ticked `articleIds` of candidate `from` (at `version`) to `to` (or where `to` was
   * merged into), in one atomic step (one move decision per article in the history). A
   * candidate left with no articles is retired and forwards to `to`, and its editor work goes
   * along (as in a merge), so nothing written is lost; a published one is never emptied.
   */
  async moveMany(from: string, version: number, articleIds: string[], toId: string, by: string): Promise<StoryCandidate> {
    const moving = [...new Set(articleIds)];
    if (!moving.length) throw invalid('tick the articles to move first');
    return this.retrying(from, async () => {
      const to = await this.store.stories.resolve(toId);
      if (from === to)
        throw invalid(moving.length === 1 ? 'the article is already in that candidate' : 'the articles are already in that candidate');
      const source = await this.loadAt(from, version);
      const stray = moving.find((a) => !source.articleIds.includes(a));
      if (stray) throw invalid(`article ${stray} is not in candidate ${from}`);
      const target = await this.load(to);
      const at = this.now().toISOString();
      const left = source.articleIds.filter((a) => !moving.includes(a));
      if (!left.length && source.status === 'published')
        throw invalid(`that would leave published candidate ${from} with no articles; send it back for review first`);
      const decisions: Decision[] = moving.map((articleId) => ({ kind: 'move', articleId, from, to, by, at }));
      const receiving = left.length ? target : { ...combineEditorWork(target, source), editedAt: at };
      const change: StoryChange = {
        put: [
          {
            story: await this.withMembers(receiving, [...target.articleIds, ...moving.filter((a) => !target.articleIds.includes(a))], at),
            expected: target.version,
          },
        ],
        own: Object.fromEntries(moving.map((a) => [a, to])),
        history: decisions.map((decision) => ({ storyIds: [from, to], decision })),
      };
      if (left.length) change.put!.push({ story: { ...(await this.withMembers(source, left, at)), editedAt: at }, expected: version });
      else change.retire = [{ id: from, expected: version, forwardTo: to }];
      const [saved] = await this.store.stories.commit(change);
      for (const decision of decisions) await this.tellClusterer(decision);
      return saved!;
    });
  }

  /** Split `articleIds` of candidate `from` (at `version`) into a new candidate; returns the new one. */
  async split(from: string, version: number, articleIds: string[], by: string): Promise<StoryCandidate> {
    const source = await this.loadAt(from, version);
    const moving = [...new Set(articleIds)].filter((a) => source.articleIds.includes(a));
    if (!moving.length) throw invalid('tick the articles to split off first');
    if (moving.length === source.articleIds.length) throw invalid('a split must leave at least one article behind');
    const at = this.now().toISOString();
    const to = newStoryId(from, moving, at);
    const decision: Decision = { kind: 'split', from, to, articleIds: moving, by, at };
    const [created] = await this.store.stories.commit({
      put: [
        { story: await this.withMembers(emptyCandidate(to, at), moving, at), expected: 0 },
        {
          story: {
            ...(await this.withMembers(
              source,
              source.articleIds.filter((a) => !moving.includes(a)),
              at,
            )),
            editedAt: at,
          },
          expected: version,
        },
      ],
      own: Object.fromEntries(moving.map((a) => [a, to])),
      history: [{ storyIds: [from, to], decision }],
    });
    await this.tellClusterer(decision);
    return created!;
  }

  /**
   * Undo the merge or split at position `index` of candidate `id`'s history (`id` at
   * `version`). A split is undone by merging the new candidate back; a merge by bringing the
   * merged candidate back as it was, with those of its articles the target still holds.
   * Returns the candidate to show: the restored one (undo of a merge) or the merge target.
   */
  async undo(id: string, version: number, index: number, by: string): Promise<StoryCandidate> {
    const decision = (await this.store.stories.history(id))[index];
    if (!decision || (decision.kind !== 'merge' && decision.kind !== 'split')) throw invalid('only a merge or a split can be undone');
    if (decision.kind === 'split') {
      const [from, to] = [decision.from, decision.to];
      if (id !== from && id !== to) throw invalid("that split is not in this candidate's history");
      if ((await this.store.stories.forwardOf(to)) !== null) throw invalid(`candidate ${to} was merged away already`);
      return id === from ? this.merge(from, version, to, by, 'split') : this.mergeFromPage(from, to, version, by);
    }
    return this.unmerge(decision, id, version, by);
  }

  /** Undo of a split from the split-off candidate's page: that page's version guards the source side. */
  private async mergeFromPage(into: string, from: string, fromVersion: number, by: string): Promise<StoryCandidate> {
    const source = await this.loadAt(from, fromVersion);
    for (let attempt = 0; ; attempt++) {
      const target = await this.load(into);
      try {
        return await this.merge(into, target.version, source.id, by, 'split');
      } catch (error) {
        if (!(error instanceof StaleVersionError) || error.storyId !== into || attempt >= RETRIES) throw error;
      }
    }
  }

  private async unmerge(
    decision: Extract<Decision, { kind: 'merge' }>,
    pageId: string,
    version: number,
    by: string,
  ): Promise<StoryCandidate> {
    const { from, into } = decision;
    if (pageId !== from && pageId !== into) throw invalid("that merge is not in this candidate's history");
    return this.retrying(pageId, async () => {
      if ((await this.store.stories.forwardOf(from)) !== into) throw invalid(`candidate ${from} is not merged into ${into} any more`);
      const snapshot = await this.store.stories.retired(from);
      if (!snapshot) throw invalid(`candidate ${from} was not kept when it was merged; it cannot be brought back`);
      const target = pageId === into ? await this.loadAt(into, version) : await this.load(into);
      const back = snapshot.articleIds.filter((a) => target.articleIds.includes(a));
      if (!back.length) throw invalid(`none of ${from}'s articles are in ${into} any more`);
      if (back.length === target.articleIds.length) throw invalid(`undoing would leave ${into} with no articles`);
      const at = this.now().toISOString();
      const staying = target.articleIds.filter((a) => !back.includes(a));
      const undo: Decision = { kind: 'split', from: into, to: from, articleIds: back, by, at, undoes: 'merge' };
      // Slots the merge set beside the target's own go back with their text as edited since.
      const carried = target.narratives.filter((s) => s.mergedFrom === from).map(({ mergedFrom: _from, ...slot }) => slot);
      const narratives = [...snapshot.narratives.filter((s) => !carried.some((c) => c.outletId === s.outletId)), ...carried];
      const restored = await this.withMembers({ ...snapshot, narratives, articleIds: back }, back, at);
      const [, revived] = await this.store.stories.commit({
        put: [
          { story: { ...(await this.withMembers(withoutMergedFrom(target, from), staying, at)), editedAt: at }, expected: target.version },
          { story: restored, expected: 0, version: snapshot.version + 1 },
        ],
        restore: [from],
        own: Object.fromEntries(back.map((a) => [a, from])),
        history: [{ storyIds: [into, from], decision: undo }],
      });
      await this.tellClusterer(undo);
      return revived!;
    });
  }

  /**
   * Run an action that also reads candidates the editor did not load: when one of those (or an
   * article's owner) changed meanwhile, read again and redo. A change to the editor's own page
   * (`pageId`) is never retried: the editor must see it first.
   */
  private async retrying<T>(pageId: string, run: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        const otherChanged =
          ((error instanceof StaleVersionError || error instanceof RetiredStoryError) && error.storyId !== pageId) ||
          error instanceof ArticleMovedError;
        if (!otherChanged || attempt >= RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 3 * (attempt + 1)));
      }
    }
  }

  /** The candidate at the version the editor loaded, or StaleVersionError. */
  private async loadAt(id: string, version: number): Promise<StoryCandidate> {
    const story = await this.load(id);
    if (story.version !== version) throw new StaleVersionError(id, version, story.version);
    return story;
  }

  /**
   * The candidate with exactly `members`, suggestions refreshed from them (editor text kept);
   * links to articles that left are dropped, and so are unwritten slots of outlets that left.
   */
  private async withMembers(story: StoryCandidate, members: string[], at: string): Promise<StoryCandidate> {
    const articles = await this.store.articles.getMany(members.slice(-MAX_SUGGESTION_ARTICLES));
    const suggestion = suggestStory(articles, new Map(this.outlets));
    const refreshed = refreshSuggestions({ ...story, articleIds: members }, suggestion, at);
    const inside = new Set(members);
    const outletsInside = new Set((await this.store.articles.getMany(members)).map((a) => a.outletId));
    return {
      ...refreshed,
      facts: refreshed.facts.map((f) => ({ ...f, articles: f.articles.filter((a) => inside.has(a)) })),
      narratives: refreshed.narratives
        .filter((s) => s.text !== '' || outletsInside.has(s.outletId))
        .map((s) => ({ ...s, articles: s.articles.filter((a) => inside.has(a)) })),
      updatedAt: at,
    };
  }

  /** Decisions that affect clustering go to the cluster queue (the single clustering writer applies them in order). */
  private async tellClusterer(decision: Decision): Promise<void> {
    await this.queues.cluster.add('decision', { decision }, { jobId: `decision-${shortHash(JSON.stringify(decision))}` });
  }
}

/** `s` + a hash of where the split came from, what it took and when: unique and reproducible. */
export function newStoryId(from: string, articleIds: string[], at: string): string {
  return 's' + shortHash(`split:${from}:${[...articleIds].sort().join(',')}:${at}`);
}
