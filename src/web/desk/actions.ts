import type { Queues } from '../../adapters/queue/queues.js';
import type { Store } from '../../adapters/store/store.js';
import { StaleVersionError } from '../../adapters/store/stories.js';
import { emptyCandidate } from '../../adapters/store/story-updater.js';
import { shortHash, StorydeskError, type Decision, type Outlet, type StoryCandidate } from '../../core/model/index.js';
import { MAX_SUGGESTION_ARTICLES, refreshSuggestions, suggestStory } from '../../core/story/index.js';
import type { FormBody } from './form.js';
import { applyStoryForm } from './story-form.js';

/** A status change an editor can make. */
export type StatusAction = 'publish' | 'reject' | 'reopen';

const STATUS_AFTER: Record<StatusAction, StoryCandidate['status']> = { publish: 'published', reject: 'rejected', reopen: 'in_review' };

/**
 * Everything an editor does to candidates. Each action checks the version the editor loaded
 * (StaleVersionError when someone saved in between), writes the candidates, records the
 * decision in each touched candidate's history, and hands it to the clusterer's queue so
 * clustering respects it (the single clustering writer applies decisions in order).
 */
export class DeskActions {
  constructor(
    private readonly store: Store,
    private readonly queues: Pick<Queues, 'cluster'>,
    private readonly outlets: ReadonlyMap<string, Outlet>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Load a candidate or throw `not_found`. */
  async load(id: string): Promise<StoryCandidate> {
    const story = await this.store.stories.get(id);
    if (!story) throw new StorydeskError('not_found', `there is no candidate ${id}`, { permanent: true });
    return story;
  }

  /** Save the story form (title, facts, sources, slots, predictions). */
  async saveEdits(id: string, version: number, form: FormBody, by: string): Promise<StoryCandidate> {
    const current = await this.loadAt(id, version);
    const articles = await this.store.articles.getMany(current.articleIds);
    const { next, fields } = applyStoryForm(current, form, { now: this.now(), articles });
    const saved = await this.store.stories.save(next, version);
    if (fields.length) await this.record([id], { kind: 'edit', storyId: id, by, at: next.editedAt!, fields }, false);
    return saved;
  }

  /** Publish, reject, or send back for review. */
  async setStatus(id: string, version: number, action: StatusAction, by: string): Promise<StoryCandidate> {
    const current = await this.loadAt(id, version);
    const at = this.now().toISOString();
    const saved = await this.store.stories.save({ ...current, status: STATUS_AFTER[action], updatedAt: at }, version);
    await this.record([id], { kind: action, storyId: id, by, at }, true);
    return saved;
  }

  /** Merge candidate `from` into `into` (the page the editor is on, at `version`); `from` is retired. */
  async merge(into: string, version: number, from: string, by: string): Promise<StoryCandidate> {
    if (from === into) throw new StorydeskError('invalid_form', 'a candidate cannot be merged into itself', { permanent: true });
    const target = await this.loadAt(into, version);
    const source = await this.load(from);
    const at = this.now().toISOString();
    const members = [...target.articleIds, ...source.articleIds.filter((a) => !target.articleIds.includes(a))];
    const merged = await this.withMembers(carryEditorWork(target, source), members, at);
    const saved = await this.store.stories.save({ ...merged, editedAt: at }, version);
    await this.store.stories.setStoryOf(source.articleIds, into);
    await this.retire(from);
    await this.record([into, from], { kind: 'merge', from, into, by, at }, true);
    return saved;
  }

  /** Move one article from candidate `from` (at `version`) to candidate `to`. */
  async move(from: string, version: number, articleId: string, to: string, by: string): Promise<StoryCandidate> {
    if (from === to) throw new StorydeskError('invalid_form', 'the article is already in that candidate', { permanent: true });
    const source = await this.loadAt(from, version);
    if (!source.articleIds.includes(articleId)) throw new StorydeskError('invalid_form', `article ${articleId} is not in candidate ${from}`, { permanent: true });
    const target = await this.load(to);
    const at = this.now().toISOString();
    const saved = await this.store.stories.save(await this.withMembers(target, [...target.articleIds, articleId], at), target.version);
    await this.store.stories.setStoryOf([articleId], to);
    await this.shrink(source, version, source.articleIds.filter((a) => a !== articleId), at);
    await this.record([from, to], { kind: 'move', articleId, from, to, by, at }, true);
    return saved;
  }

  /** Split `articleIds` of candidate `from` (at `version`) into a new candidate; returns the new one. */
  async split(from: string, version: number, articleIds: string[], by: string): Promise<StoryCandidate> {
    const source = await this.loadAt(from, version);
    const moving = [...new Set(articleIds)].filter((a) => source.articleIds.includes(a));
    if (!moving.length) throw new StorydeskError('invalid_form', 'tick the articles to split off first', { permanent: true });
    if (moving.length === source.articleIds.length) throw new StorydeskError('invalid_form', 'a split must leave at least one article behind', { permanent: true });
    const at = this.now().toISOString();
    const to = newStoryId(from, moving, at);
    const created = await this.store.stories.save(await this.withMembers(emptyCandidate(to, at), moving, at), 0);
    await this.store.stories.setStoryOf(moving, to);
    await this.shrink(source, version, source.articleIds.filter((a) => !moving.includes(a)), at);
    await this.record([from, to], { kind: 'split', from, to, articleIds: moving, by, at }, true);
    return created;
  }

  /** The candidate at the version the editor loaded, or StaleVersionError. */
  private async loadAt(id: string, version: number): Promise<StoryCandidate> {
    const story = await this.load(id);
    if (story.version !== version) throw new StaleVersionError(id, version, story.version);
    return story;
  }

  /** Save a candidate with fewer members (retire it when none are left). */
  private async shrink(source: StoryCandidate, version: number, members: string[], at: string): Promise<void> {
    if (!members.length) return this.retire(source.id);
    await this.store.stories.save({ ...(await this.withMembers(source, members, at)), editedAt: at }, version);
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

  /** Remove a candidate that has no members left (its history stays, so its page can redirect). */
  private async retire(id: string): Promise<void> {
    const { redis, keys } = this.store;
    await redis.multi().del(keys.story(id)).zrem(keys.storiesByTime, id).exec();
  }

  /** History on every touched candidate; decisions that affect clustering go to the cluster queue. */
  private async record(storyIds: string[], decision: Decision, forClusterer: boolean): Promise<void> {
    for (const id of storyIds) await this.store.stories.appendHistory(id, decision);
    if (forClusterer) await this.queues.cluster.add('decision', { decision }, { jobId: `decision-${shortHash(JSON.stringify(decision))}` });
  }
}

/** `s` + a hash of where the split came from, what it took and when: unique and reproducible. */
export function newStoryId(from: string, articleIds: string[], at: string): string {
  return 's' + shortHash(`split:${from}:${[...articleIds].sort().join(',')}:${at}`);
}

/** On a merge the target keeps its editor work and gains the source's: accepted facts, written slots, kept predictions. */
function carryEditorWork(target: StoryCandidate, source: StoryCandidate): StoryCandidate {
  const has = (list: { text: string }[], text: string) => list.some((x) => x.text === text);
  return {
    ...target,
    facts: [...target.facts, ...source.facts.filter((f) => f.accepted && !has(target.facts, f.text))],
    narratives: [...target.narratives, ...source.narratives.filter((s) => s.text !== '' && !target.narratives.some((t) => t.outletId === s.outletId))],
    predictions: [...target.predictions, ...source.predictions.filter((p) => (p.accepted || p.outletId === null) && !has(target.predictions, p.text))],
  };
}
