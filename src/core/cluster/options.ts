import { defaultLinkModel, type LinkModel } from './link-model.js';

/**
 * The clusterer's knobs, in groups. Only `model` decides quality, and it is learned from
 * labelled streams (`npm run train:cluster`, docs/clustering.md). Every other option is
 * structural: how text is read, how much work one article may cost, how long a story stays
 * in memory, what counts as a copy. None was fitted to a benchmark stream.
 */
export interface ClusterOptions {
  /** Learned: the weights that rank candidate stories and decide "new story" (link-model.json). */
  model: LinkModel;
  /** Structural: how a text becomes term vectors. */
  text: {
    /** Weight of a title word relative to a body word. */
    titleWeight: number;
    /** Weight of a lead (first paragraph) word relative to a body word. */
    leadWeight: number;
    /** Words read from the lead (the head is title + lead) and from the body: bounds per-article work. */
    maxLeadWords: number;
    maxBodyWords: number;
    /**
     * Where a text sits between headline and full text, on a log scale of content words from
     * `shortWords` (0) to `longWords` (1): the model's `short` feature.
     */
    shortWords: number;
    longWords: number;
    /**
     * idf reads the window as holding at least this many articles: at a cold start a window of a
     * few articles is mostly one story, whose own names would otherwise look common (DocFreq).
     */
    idfMinDocs: number;
  };
  /** Structural: names and quantities. */
  entities: {
    /** Extra factor on names (capitalised words, acronyms). */
    entityBoost: number;
    /** Weight of a multi-word name or a quantity as a term of its own. */
    phraseWeight: number;
  };
  /**
   * The stream's prior: the join score is shifted by the log-odds of the share of arrivals that
   * joined a story, estimated online from the clusterer's own posteriors (0 turns it off).
   */
  prior: {
    /** Arrivals the moving average spans. */
    horizon: number;
    /** Largest shift either way, in log-odds. */
    maxLogOdds: number;
  };
  /** Structural: how article time becomes the model's time features. */
  time: {
    /** Gaps are measured in these units (the model sees log(1 + gap / unit)). */
    gapUnitMs: number;
  };
  /** Structural: the bounded look-ups that find candidate stories and members. */
  linkage: {
    /** Terms kept in a story's centroid. */
    maxCentroidTerms: number;
    /** Article terms used to look stories and members up in the inverted indexes. */
    queryTerms: number;
    /** Stories scored in full per article, picked from the centroid look-up. */
    maxCandidates: number;
    /** Most recent articles read per query term when looking for nearest members. */
    memberPostings: number;
    /**
     * A query term that more of the window's stories hold in their centroids than this finds no
     * stories itself (the member look-up still reads its most recent articles): scoring every
     * holder of a term that common would make an article's work grow with the window.
     */
    maxStoryPostings: number;
    /** Members found by the member look-up and scored in full per article. */
    maxMemberCandidates: number;
    /** Most recent members of a candidate story compared with the article (besides those the look-up found). */
    linkageMembers: number;
  };
  /** Structural: what leaves memory. */
  eviction: {
    /** A story idle this long (article time) leaves the active set. */
    idleWindowMs: number;
    /** A story idle for this many arrivals leaves the active set (dateless streams; memory bound). */
    idleWindowArticles: number;
  };
  /** Structural: updates and wire copies. */
  duplicates: {
    /** Similarity (without idf) above which two texts count as the same copy. */
    similarity: number;
    /** Texts shorter than this many words are never treated as near-identical copies (headlines repeat). */
    minWords: number;
    /** Members checked for a near-identical copy in the chosen story (most recent first). */
    scan: number;
  };
  /** Keep change sets for takeChanges(); off for runs that never persist (CLI without --store, bench). */
  trackChanges: boolean;
}

/** Options as callers give them: any group in part. */
export type ClusterOptionsInput = {
  [K in keyof ClusterOptions]?: ClusterOptions[K] extends LinkModel | boolean ? ClusterOptions[K] : Partial<ClusterOptions[K]>;
};

/** Defaults. The model is the committed learned one; the rest are structural bounds and readings. */
export const defaultClusterOptions: Readonly<ClusterOptions> = Object.freeze({
  model: defaultLinkModel,
  text: Object.freeze({
    titleWeight: 2,
    leadWeight: 1.5,
    maxLeadWords: 60,
    maxBodyWords: 300,
    shortWords: 8,
    longWords: 40,
    idfMinDocs: 1000,
  }),
  entities: Object.freeze({ entityBoost: 1.5, phraseWeight: 1 }),
  prior: Object.freeze({ horizon: 100, maxLogOdds: 3 }),
  time: Object.freeze({ gapUnitMs: 86_400_000 }),
  linkage: Object.freeze({
    maxCentroidTerms: 120,
    queryTerms: 12,
    maxCandidates: 10,
    memberPostings: 100,
    maxStoryPostings: 200,
    maxMemberCandidates: 10,
    linkageMembers: 6,
  }),
  eviction: Object.freeze({ idleWindowMs: 4 * 86_400_000, idleWindowArticles: 20_000 }),
  duplicates: Object.freeze({ similarity: 0.9, minWords: 25, scan: 50 }),
  trackChanges: true,
});

/** Defaults overlaid with the caller's choices, group by group. */
export function resolveOptions(options: ClusterOptionsInput = {}): ClusterOptions {
  const d = defaultClusterOptions;
  return {
    model: options.model ?? d.model,
    text: { ...d.text, ...options.text },
    entities: { ...d.entities, ...options.entities },
    prior: { ...d.prior, ...options.prior },
    time: { ...d.time, ...options.time },
    linkage: { ...d.linkage, ...options.linkage },
    eviction: { ...d.eviction, ...options.eviction },
    duplicates: { ...d.duplicates, ...options.duplicates },
    trackChanges: options.trackChanges ?? d.trackChanges,
  };
}

/** Where a text of `words` content words sits between headline (0) and full text (1), on a log scale. */
export function lengthRamp(words: number, options: ClusterOptions): number {
  const { shortWords, longWords } = options.text;
  if (words <= shortWords) return 0;
  if (words >= longWords) return 1;
  return Math.log(words / shortWords) / Math.log(longWords / shortWords);
}
