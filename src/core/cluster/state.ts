import type { TermVector } from './features.js';
import type { ClusterOptions } from './options.js';
import type { ArticleRecord, ClusterChanges, ClusterSnapshot, StoryRecord } from './records.js';
import { DocFreq } from './doc-freq.js';
import { StoryIndex } from './story-index.js';
import { MemberIndex } from './member-index.js';
import { IdleHeap } from './time-heap.js';

/** A story of the active window in memory: its record, with the centroid as a map and derived fields. */
export interface StoryState extends Omit<StoryRecord, 'centroid'> {
  centroid: Map<string, number>;
  /** L2 norm of the centroid without idf: scales index look-ups so big stories do not crowd out the rest. */
  rawNorm: number;
  /** Active member ids in arrival order. */
  members: string[];
}

const EPSILON = 1e-9;

/**
 * Everything the clusterer knows about its active window, with the bookkeeping that keeps
 * the derived structures (index, url and text maps, idle heaps, change sets) in step.
 * Derived structures are rebuilt from the persisted records, so a restored state decides
 * exactly like the one that was saved.
 */
export class ClusterState {
  seq = 0;
  clock = 0;
  /** Estimated share of arrivals that join an existing story (the stream's prior), 0.5 until it has seen any. */
  joinRate = 0.5;
  readonly stories = new Map<string, StoryState>();
  readonly articles = new Map<string, ArticleRecord>();
  readonly df: DocFreq;
  readonly index = new StoryIndex();
  /** Active articles by term, for single-article linkage. */
  readonly members = new MemberIndex();
  readonly byUrl = new Map<string, string>();
  readonly byFingerprint = new Map<string, string>();
  private readonly idleByTime = new IdleHeap('lastT');
  private readonly idleBySeq = new IdleHeap('lastSeq');
  private readonly dirtyStories = new Set<string>();
  private readonly removedStories = new Set<string>();
  private readonly dirtyArticles = new Set<string>();
  private readonly removedArticles = new Set<string>();

  constructor(
    private readonly options: ClusterOptions,
    snapshot?: ClusterSnapshot,
  ) {
    this.df = new DocFreq(snapshot?.df, snapshot?.meta.docs, options.text.idfMinDocs);
    if (!snapshot) return;
    this.seq = snapshot.meta.seq;
    this.clock = snapshot.meta.clock;
    this.joinRate = snapshot.meta.joinRate ?? 0.5;
    for (const record of snapshot.stories) {
      this.df.share(record.lang, record.centroid);
      const story: StoryState = { ...record, centroid: new Map(record.centroid), rawNorm: 0, members: [] };
      story.rawNorm = normOf(story.centroid);
      this.stories.set(story.id, story);
      for (const term of story.centroid.keys()) this.index.add(story.lang, term, story.id);
      this.pushIdle(story);
    }
    const articles = [...snapshot.articles].sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1));
    for (const article of articles) {
      article.head ??= [];
      article.title ??= [];
      this.df.share(article.lang, article.vector, article.head, article.title);
      this.articles.set(article.id, article);
      this.stories.get(article.storyId)?.members.push(article.id);
      this.remember(article);
    }
  }

  /** Creates an empty open story. */
  createStory(id: string, lang: string, t: number, seq: number): StoryState {
    const story: StoryState = { id, lang, status: 'open', firstT: t, lastT: t, lastSeq: seq, centroid: new Map(), rawNorm: 0, members: [] };
    this.stories.set(id, story);
    this.removedStories.delete(id);
    this.dirtyStories.add(id);
    this.pushIdle(story);
    return story;
  }

  /** Puts an active article into a story (centroid, times, members). */
  attach(story: StoryState, article: ArticleRecord): void {
    article.storyId = story.id;
    const at = story.members.findIndex((id) => (this.articles.get(id)?.seq ?? 0) > article.seq);
    if (at < 0) story.members.push(article.id);
    else story.members.splice(at, 0, article.id);
    this.addToCentroid(story, article.vector, 1);
    story.firstT = Math.min(story.firstT, article.t);
    story.lastT = Math.max(story.lastT, article.t);
    story.lastSeq = Math.max(story.lastSeq, article.seq);
    this.touch(story);
    this.dirtyArticles.add(article.id);
  }

  /** Takes an article out of its story; an emptied story leaves the active set. */
  detach(article: ArticleRecord): void {
    const story = this.stories.get(article.storyId);
    if (!story) return;
    const at = story.members.indexOf(article.id);
    if (at >= 0) story.members.splice(at, 1);
    this.addToCentroid(story, article.vector, -1);
    if (story.members.length === 0) this.dropStory(story);
    else this.dirtyStories.add(story.id);
  }

  /** Registers a new active article (idf, url and text maps). */
  admit(article: ArticleRecord): void {
    this.articles.set(article.id, article);
    this.removedArticles.delete(article.id);
    this.dirtyArticles.add(article.id);
    this.df.apply(article.lang, article.vector, 1);
    this.remember(article);
  }

  /** Replaces an active article's text features (an update of the same article). */
  revise(article: ArticleRecord, texts: Pick<ArticleRecord, 'vector' | 'head' | 'title' | 'words'>, fingerprint: string | null): void {
    const { vector } = texts;
    const story = this.stories.get(article.storyId);
    this.df.apply(article.lang, article.vector, -1);
    if (story) this.addToCentroid(story, article.vector, -1);
    if (article.fingerprint && this.byFingerprint.get(article.fingerprint) === article.id) this.byFingerprint.delete(article.fingerprint);
    this.members.remove(article.lang, termsOf(article.vector), article.id);
    article.vector = vector;
    article.head = texts.head;
    article.title = texts.title;
    article.words = texts.words;
    article.fingerprint = fingerprint;
    this.df.apply(article.lang, vector, 1);
    if (story) this.addToCentroid(story, vector, 1);
    this.remember(article);
    this.dirtyArticles.add(article.id);
  }

  /** Marks a story as active now (keeps it in the window). */
  touch(story: StoryState, seq = story.lastSeq): void {
    story.lastSeq = Math.max(story.lastSeq, seq);
    this.dirtyStories.add(story.id);
    this.pushIdle(story);
  }

  /** Marks a story changed without new activity (status, decisions). */
  markStory(story: StoryState): void {
    this.dirtyStories.add(story.id);
  }

  /** Marks an article record changed. */
  markArticle(article: ArticleRecord): void {
    this.dirtyArticles.add(article.id);
  }

  /**
   * The first date of a stream that began without dates. Undated articles take the stream's
   * clock, and there was none yet, so the articles before this one stood at time 0: read
   * against the first date they would be decades old, their stories evicted as idle and never
   * joined again. They are given this date: as far as the stream tells, that is when they were.
   */
  dateUndatedStart(t: number): void {
    for (const story of this.stories.values()) {
      story.firstT = t;
      story.lastT = t;
      this.dirtyStories.add(story.id);
      this.pushIdle(story);
    }
    for (const article of this.articles.values()) {
      article.t = t;
      this.dirtyArticles.add(article.id);
    }
  }

  /** Drops every story idle past the window, with its articles; cost is paid per evicted story. */
  evictIdle(): void {
    const { idleWindowMs, idleWindowArticles } = this.options.eviction;
    this.drain(this.idleByTime, (s) => this.clock - s.lastT > idleWindowMs);
    this.drain(this.idleBySeq, (s) => this.seq - s.lastSeq > idleWindowArticles);
  }

  /** Changes since the last call, as records. */
  takeChanges(): ClusterChanges {
    const stories = [...this.dirtyStories].sort().flatMap((id) => {
      const story = this.stories.get(id);
      return story ? [storyRecord(story)] : [];
    });
    const articles = [...this.dirtyArticles].sort().flatMap((id) => {
      const article = this.articles.get(id);
      return article ? [structuredClone(article)] : [];
    });
    const changes: ClusterChanges = {
      meta: this.meta(),
      stories,
      removedStories: [...this.removedStories].sort(),
      articles,
      removedArticles: [...this.removedArticles].sort(),
      df: this.df.drain(),
    };
    this.dirtyStories.clear();
    this.removedStories.clear();
    this.dirtyArticles.clear();
    this.removedArticles.clear();
    return changes;
  }

  /** Drops the change sets unread, so a clusterer nobody persists does not accumulate them. */
  discardChanges(): void {
    this.dirtyStories.clear();
    this.removedStories.clear();
    this.dirtyArticles.clear();
    this.removedArticles.clear();
    this.df.clearDirty();
  }

  /** The whole state as plain JSON. */
  snapshot(): ClusterSnapshot {
    return {
      meta: this.meta(),
      stories: [...this.stories.values()].map(storyRecord).sort((a, b) => (a.id < b.id ? -1 : 1)),
      articles: [...this.articles.values()].map((a) => structuredClone(a)).sort((a, b) => (a.id < b.id ? -1 : 1)),
      df: this.df.entries(),
    };
  }

  private meta(): ClusterSnapshot['meta'] {
    return { version: 1, seq: this.seq, clock: this.clock, docs: this.df.docCounts(), joinRate: this.joinRate };
  }

  private drain(heap: IdleHeap, idle: (story: StoryState) => boolean): void {
    for (let entry = heap.peek(); entry; entry = heap.peek()) {
      const story = this.stories.get(entry.storyId);
      const stale = !story || story.lastT !== entry.lastT || story.lastSeq !== entry.lastSeq;
      if (!stale && !idle(story)) return;
      heap.pop();
      if (!stale) this.evict(story);
    }
  }

  private evict(story: StoryState): void {
    for (const id of story.members) {
      const article = this.articles.get(id);
      if (!article) continue;
      this.df.apply(article.lang, article.vector, -1);
      this.forget(article);
      this.articles.delete(id);
      this.dirtyArticles.delete(id);
      this.removedArticles.add(id);
    }
    story.members = [];
    this.dropStory(story);
  }

  private dropStory(story: StoryState): void {
    for (const term of story.centroid.keys()) this.index.remove(story.lang, term, story.id);
    this.stories.delete(story.id);
    this.dirtyStories.delete(story.id);
    this.removedStories.add(story.id);
  }

  private addToCentroid(story: StoryState, vector: TermVector, sign: 1 | -1): void {
    const centroid = story.centroid;
    for (const [term, weight] of vector) {
      const before = centroid.get(term);
      const next = (before ?? 0) + sign * weight;
      if (next > EPSILON) {
        centroid.set(term, next);
        if (before === undefined) this.index.add(story.lang, term, story.id);
      } else if (before !== undefined) {
        centroid.delete(term);
        this.index.remove(story.lang, term, story.id);
      }
    }
    if (centroid.size > this.options.linkage.maxCentroidTerms * 1.5) this.prune(story);
    story.rawNorm = normOf(story.centroid);
    this.dirtyStories.add(story.id);
  }

  /** Keeps the strongest centroid terms, so a story's size stays bounded however many articles it has. */
  private prune(story: StoryState): void {
    const kept = [...story.centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, this.options.linkage.maxCentroidTerms);
    const keep = new Set(kept.map(([term]) => term));
    for (const term of story.centroid.keys()) if (!keep.has(term)) this.index.remove(story.lang, term, story.id);
    story.centroid = new Map(kept);
  }

  private pushIdle(story: StoryState): void {
    const entry = { storyId: story.id, lastT: story.lastT, lastSeq: story.lastSeq };
    this.idleByTime.push(entry);
    this.idleBySeq.push(entry);
  }

  /** Indexes url and text; for shared text the earliest copy (the original) is the one found. */
  private remember(article: ArticleRecord): void {
    this.members.add(article.lang, termsOf(article.vector), article.id, article.seq);
    if (article.url) this.byUrl.set(article.url, article.id);
    if (!article.fingerprint) return;
    const holder = this.articles.get(this.byFingerprint.get(article.fingerprint) ?? '');
    if (!holder || holder.seq >= article.seq) this.byFingerprint.set(article.fingerprint, article.id);
  }

  private forget(article: ArticleRecord): void {
    this.members.remove(article.lang, termsOf(article.vector), article.id);
    if (article.url && this.byUrl.get(article.url) === article.id) this.byUrl.delete(article.url);
    if (article.fingerprint && this.byFingerprint.get(article.fingerprint) === article.id) this.byFingerprint.delete(article.fingerprint);
  }
}

/** A story's persisted form. */
function storyRecord(story: StoryState): StoryRecord {
  const { id, lang, status, firstT, lastT, lastSeq } = story;
  return { id, lang, status, firstT, lastT, lastSeq, centroid: [...story.centroid] };
}

/** L2 norm of a centroid, summed in its insertion order (so a restored state gets the same bits). */
function normOf(centroid: Map<string, number>): number {
  let sum = 0;
  for (const weight of centroid.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

/** The terms of a vector. */
function termsOf(vector: TermVector): string[] {
  return vector.map(([term]) => term);
}
