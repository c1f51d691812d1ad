import type { TermVector } from './features.js';
import type { ClusterOptions, MatchProfile } from './options.js';
import type { ArticleRecord } from './records.js';
import type { ClusterState, StoryState } from './state.js';
import { centroidCosine, timeFactor, type Idf } from './similarity.js';

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
  let best: ScoredStory | null = null;
  for (const id of [...shortlist].sort()) {
    const story = state.stories.get(id)!;
    const centroid = profile.linkWeight < 1 ? centroidCosine(query, story.centroid, idf) : 0;
    const similarity = (1 - profile.linkWeight) * centroid + profile.linkWeight * (link.get(id) ?? 0);
    const score = similarity * (dated ? timeFactor(t, story.firstT, story.lastT, options.decayHalfLifeMs, options.recentBoost) : 1)
      * (1 + profile.sizeBoost * Math.log(Math.max(1, story.members.length)));
    if (!best || score > best.score) best = { story, score };
  }
  return best;
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
