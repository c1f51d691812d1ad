/**
 * The clusterer's knobs. Defaults were tuned on the dev streams of
 * shared/corpora/clustering (bench/cluster.ts); one set serves every kind of stream.
 */
export interface ClusterOptions {
  /** Minimum time-decayed similarity for a full article (title + body) to join a story. */
  threshold: number;
  /**
   * Minimum similarity for a headline-only item. Short texts share fewer words with a story
   * even when they report the same event, so their cosines run lower; the bar slides on a log
   * scale from this value at `shortWords` content words to `threshold` at `longWords`.
   */
  shortThreshold: number;
  shortWords: number;
  longWords: number;
  /** Weight of a title word relative to a body word. */
  titleWeight: number;
  /** Weight of a lead (first paragraph) word relative to a body word. */
  leadWeight: number;
  /** Extra factor on names (capitalised words, acronyms). */
  entityBoost: number;
  /** Weight of a multi-word name or a quantity as a term of its own. */
  phraseWeight: number;
  /** Words read from the lead and from the body: bounds per-article work. */
  maxLeadWords: number;
  maxBodyWords: number;
  /** Half-life of the time factor: similarity halves when an article is this far from a story's time. */
  decayHalfLifeMs: number;
  /** Within a dated story's time span the bar is divided by (1 + recentBoost) (see similarity.timeBar). */
  recentBoost: number;
  /** The bar for a dated article far from a story's time span, as a multiple of the threshold (see similarity.timeBar). */
  farThresholdFactor: number;
  /** A story idle this long (article time) leaves the active set. */
  idleWindowMs: number;
  /** A story idle for this many arrivals leaves the active set (dateless streams; memory bound). */
  idleWindowArticles: number;
  /** Size bonus for headline-only items (slides to `sizeBoost` with length, like the threshold). */
  shortSizeBoost: number;
  /** Nearest-member share for headline-only items (slides to `linkWeight` with length). */
  shortLinkWeight: number;
  /** Bonus for established stories: similarity × (1 + sizeBoost · ln(members)), as coverage attracts coverage. */
  sizeBoost: number;
  /** Terms kept in a story's centroid. */
  maxCentroidTerms: number;
  /** Article terms used to look stories up in the inverted index. */
  queryTerms: number;
  /** Stories scored in full per article, picked from the index look-up. */
  maxCandidates: number;
  /**
   * Share of the nearest-member cosine in a story's similarity (the rest is the cosine to its
   * centroid): 0 is pure centroid linkage, 1 pure single-article linkage.
   */
  linkWeight: number;
  /**
   * Share of the mean cosine over a story's recent members in its member similarity (the rest
   * is the nearest member): 0 is single linkage, 1 average linkage. Slides with text length
   * from `shortAverageLinkWeight`, like the threshold.
   */
  averageLinkWeight: number;
  shortAverageLinkWeight: number;
  /** Most recent members of a candidate story read for average linkage. */
  linkageMembers: number;
  /** Most recent articles read per query term when looking for nearest members. */
  memberPostings: number;
  /** Members scored in full per article, picked by their overlap with the strongest terms. */
  maxMemberCandidates: number;
  /** Keep change sets for takeChanges(); off for runs that never persist (CLI without --store, bench). */
  trackChanges: boolean;
  /** Similarity (without idf) above which two texts count as the same copy. */
  duplicateSimilarity: number;
  /** Texts shorter than this many words are never treated as near-identical copies (headlines repeat). */
  duplicateMinWords: number;
  /** Members checked for a near-identical copy in the chosen story (most recent first). */
  duplicateScan: number;
}

/**
 * Defaults, tuned on the dev streams only (threshold, shortThreshold, shortSizeBoost by grid
 * on the whole dev set, then checked on a two-fold split of dev by gold story; the others are
 * structural: long texts use nearest-member linkage without a size prior, headlines the centroid).
 */
export const defaultClusterOptions: Readonly<ClusterOptions> = Object.freeze({
  threshold: 0.33,
  shortThreshold: 0.22,
  shortWords: 8,
  longWords: 40,
  titleWeight: 2,
  leadWeight: 1.5,
  entityBoost: 1.5,
  phraseWeight: 1,
  maxLeadWords: 60,
  maxBodyWords: 300,
  decayHalfLifeMs: 12 * 3_600_000,
  recentBoost: 1.25,
  farThresholdFactor: 2,
  idleWindowMs: 4 * 86_400_000,
  idleWindowArticles: 20_000,
  sizeBoost: 0,
  shortSizeBoost: 0.5,
  shortLinkWeight: 0,
  maxCentroidTerms: 120,
  queryTerms: 12,
  maxCandidates: 10,
  linkWeight: 1,
  averageLinkWeight: 0.5,
  shortAverageLinkWeight: 0,
  linkageMembers: 8,
  memberPostings: 100,
  maxMemberCandidates: 10,
  trackChanges: true,
  duplicateSimilarity: 0.9,
  duplicateMinWords: 25,
  duplicateScan: 50,
});

/** Defaults overlaid with the caller's choices. */
export function resolveOptions(options: Partial<ClusterOptions> = {}): ClusterOptions {
  return { ...defaultClusterOptions, ...options };
}

/** Where a text of `words` content words sits between headline (0) and full text (1), on a log scale. */
export function lengthRamp(words: number, options: ClusterOptions): number {
  if (words <= options.shortWords) return 0;
  if (words >= options.longWords) return 1;
  return Math.log(words / options.shortWords) / Math.log(options.longWords / options.shortWords);
}

/**
 * How a text of `words` content words is matched. A headline shares only a few words with
 * anything, so single pairs are weak evidence: it is matched against a story's centroid
 * (its accumulated vocabulary) with a prior for stories that already have coverage, the
 * size term of a Dirichlet-process mixture. A full text carries enough words for one pair
 * to decide, so it is matched against the story's nearest member, and its own evidence
 * outweighs the size prior. Everything between slides on the same log-length ramp.
 */
export interface MatchProfile {
  threshold: number;
  linkWeight: number;
  sizeBoost: number;
  averageLinkWeight: number;
}

/** The match profile for a text of `words` content words (see MatchProfile). */
export function profileFor(words: number, options: ClusterOptions): MatchProfile {
  const at = lengthRamp(words, options);
  const mix = (short: number, long: number) => short + at * (long - short);
  return {
    threshold: mix(options.shortThreshold, options.threshold),
    linkWeight: mix(options.shortLinkWeight, options.linkWeight),
    sizeBoost: mix(options.shortSizeBoost, options.sizeBoost),
    averageLinkWeight: mix(options.shortAverageLinkWeight, options.averageLinkWeight),
  };
}
