import type { TermVector } from './features.js';
import type { ClusterOptions, MatchProfile } from './options.js';
import type { ArticleRecord } from './records.js';
import type { ClusterState, StoryState } from './state.js';
import { centroidCosine, timeBar, type Idf } from './similarity.js';

/** A scored story for one article. */
export interface ScoredStory {
  story: StoryState;
  /** Time-decayed blend of centroid and nearest-member similarity. */
  score: number;
}

/**
 * The best open story for an article. Two bounded look-ups find candidates: the article's
 * strongest terms in the story index (stories whose centroid holds them) and in the member
 * index (the most recent articles holding them). Each candidate story is then scored as a
 * blend of the cosine to its centroid and the cosine to its nearest member: the centroid
 * speaks for what a story is about, the nearest member lets a big story with varied wording
 * still be joined by an article that retells one of its reports. Work per article is bounded
 * by the options, not by the window.
 */
export function bestStory(
  state: ClusterState, query: TermVector, idf: Idf, lang: string, t: number, dated: boolean, options: ClusterOptions, profile: MatchProfile,
): ScoredStory | null {
  // The strongest terms that something in the window holds: a term nobody has finds nothing.
  const ranked = [...query].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const storyPartial = new Map<string, number>();
  const memberPartial = new Map<string, number>();
  let used = 0;
  for (const [term, weight] of ranked) {
    if (used >= options.queryTerms) break;
    const holders = profile.linkWeight < 1 ? state.index.lookup(lang, term) : undefined;
    const postings = profile.linkWeight > 0 ? state.members.lookup(lang, term) : undefined;
    if (!holders && !postings) continue;
    used++;
    const termIdf = idf(term);
    if (holders) for (const id of holders) {
      const story = state.stories.get(id);
      if (!story || story.status !== 'open') continue;
      storyPartial.set(id, (storyPartial.get(id) ?? 0) + (weight * (story.centroid.get(term) ?? 0) * termIdf) / (story.rawNorm || 1));
    }
    if (!postings) continue;
    const stop = Math.max(0, postings.length - options.memberPostings);
    for (let i = postings.length - 1; i >= stop; i--) {
      const id = postings[i]!.id;
      memberPartial.set(id, (memberPartial.get(id) ?? 0) + weight * termIdf);
    }
  }

  // Nearest members: the best partial overlaps, scored in full; each story keeps its best.
  const link = new Map<string, number>();
  if (profile.linkWeight > 0 && memberPartial.size > 0) {
    const queryMap = new Map(query);
    for (const [id] of topByScore(memberPartial, options.maxMemberCandidates)) {
      const article = state.articles.get(id);
      if (!article) continue;
      const story = state.stories.get(article.storyId);
      if (!story || story.status !== 'open') continue;
      const cosine = memberCosine(queryMap, article, idf);
      if (cosine > (link.get(story.id) ?? 0)) link.set(story.id, cosine);
    }
  }

  const shortlist = new Set(topByScore(storyPartial, options.maxCandidates).map(([id]) => id));
  for (const id of link.keys()) shortlist.add(id);
  const queryMap = profile.averageLinkWeight > 0 ? new Map(query) : null;
  let best: ScoredStory | null = null;
  for (const id of [...shortlist].sort()) {
    const story = state.stories.get(id)!;
    const centroid = profile.linkWeight < 1 ? centroidCosine(query, story.centroid, idf) : 0;
    const nearest = link.get(id) ?? 0;
    const bar = dated ? timeBar(t, story.firstT, story.lastT, options.decayHalfLifeMs, options.recentBoost, options.farThresholdFactor) : 1;
    const prior = 1 + profile.sizeBoost * Math.log(Math.max(1, story.members.length));
    const blend = (member: number) => ((1 - profile.linkWeight) * centroid + profile.linkWeight * member) * prior / bar;
    let score = blend(nearest);
    // Only a story that could join is read further: agreement with its other members can only lower the score.
    if (queryMap && score >= profile.threshold) score = blend(memberAgreement(queryMap, story, nearest, state, idf, options, profile));
    if (!best || score > best.score) best = { story, score };
  }
  return best;
}

/**
 * The member part of a story's similarity: the nearest member's cosine blended with the mean
 * cosine over the story's most recent members (average linkage). The nearest member alone
 * chains a story into a neighbouring event through one shared phrase; asking the article to
 * agree with the story's members as a whole keeps two events on one topic apart. Bounded by
 * `linkageMembers` cosines per story.
 */
function memberAgreement(
  query: Map<string, number>, story: StoryState, nearest: number, state: ClusterState, idf: Idf, options: ClusterOptions, profile: MatchProfile,
): number {
  const from = Math.max(0, story.members.length - options.linkageMembers);
  let sum = 0;
  let count = 0;
  let max = nearest;
  for (let i = story.members.length - 1; i >= from; i--) {
    const article = state.articles.get(story.members[i]!);
    if (!article) continue;
    const cosine = memberCosine(query, article, idf);
    sum += cosine;
    count++;
    if (cosine > max) max = cosine;
  }
  if (count === 0) return nearest;
  return (1 - profile.averageLinkWeight) * max + profile.averageLinkWeight * (sum / count);
}

/** The `limit` highest-scoring entries, ties broken by id. */
function topByScore(scores: Map<string, number>, limit: number): Array<[string, number]> {
  return [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
}

/** Cosine between a unit idf-weighted query and a member's vector with idf applied now. */
function memberCosine(query: Map<string, number>, article: ArticleRecord, idf: Idf): number {
  let dot = 0;
  let norm = 0;
  for (const [term, weight] of article.vector) {
    const w = weight * idf(term);
    norm += w * w;
    const q = query.get(term);
    if (q !== undefined) dot += q * w;
  }
  return norm > 0 ? dot / Math.sqrt(norm) : 0;
}
