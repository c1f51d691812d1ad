import type { TermVector } from './features.js';

/** Whether a story takes new articles: rejected stories keep their members but take none. */
export type ClusterStoryStatus = 'open' | 'rejected';

/** A story of the active window as persisted (members are derived from the articles). */
export interface StoryRecord {
  id: string;
  lang: string;
  status: ClusterStoryStatus;
  /** Earliest and latest article time (ms; arrival clock when dates are missing). */
  firstT: number;
  lastT: number;
  /** Arrival number of the latest article or update. */
  lastSeq: number;
  /** Sum of member vectors, pruned to the strongest terms; insertion order is kept. */
  centroid: TermVector;
}

/** An article of the active window as persisted. */
export interface ArticleRecord {
  id: string;
  storyId: string;
  lang: string;
  /** Article time in ms (the stream clock when the article had no date). */
  t: number;
  /** Arrival number. */
  seq: number;
  outlet: string | null;
  url: string | null;
  /** Hash of the normalised text, or null when too short to identify a copy. */
  fingerprint: string | null;
  /** Whole text (title + lead + body). */
  vector: TermVector;
  /** Title + lead, and title alone (absent in state saved before they existed: read as empty). */
  head: TermVector;
  title: TermVector;
  words: number;
  /** Placed by an editor: it stays where the editor put it. */
  pinned: boolean;
  /** A copy of another outlet's text (wire copy), not original reporting. */
  syndicated: boolean;
}

/** Counters of the whole clusterer. */
export interface ClusterMeta {
  version: 1;
  /** Arrivals so far. */
  seq: number;
  /** Latest article time seen (ms), the "now" of idleness. */
  clock: number;
  /** Active articles per language: the N of idf. */
  docs: Array<[string, number]>;
  /**
   * The stream's estimated share of articles that join an existing story (the prior the join
   * decision is shifted by; see `prior` in options). Absent in snapshots written before it existed.
   */
  joinRate?: number;
}

/** The whole clusterer state as plain JSON. */
export interface ClusterSnapshot {
  meta: ClusterMeta;
  stories: StoryRecord[];
  articles: ArticleRecord[];
  /** Document frequency per "lang|term" over active articles. */
  df: Array<[string, number]>;
}

/** What changed since the last takeChanges(): enough to bring a persisted snapshot up to date. */
export interface ClusterChanges {
  meta: ClusterMeta;
  stories: StoryRecord[];
  removedStories: string[];
  articles: ArticleRecord[];
  removedArticles: string[];
  /** New document frequencies; 0 means the key is gone. */
  df: Array<[string, number]>;
}
