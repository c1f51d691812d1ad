import { isNameTerm, type TermVector } from './features.js';
import { LINK_FEATURES } from './link-model.js';
import { lengthRamp, type ClusterOptions } from './options.js';
import type { ClusterState, StoryState } from './state.js';
import type { Idf } from './similarity.js';

/** An incoming article as the candidate search reads it. */
export interface Probe {
  lang: string;
  /** Article time (ms); the stream clock when undated. */
  t: number;
  dated: boolean;
  words: number;
  vector: TermVector;
  head: TermVector;
  title: TermVector;
}

/** A candidate story with the model's features for the pair (in LINK_FEATURES order). */
export interface Candidate {
  story: StoryState;
  features: number[];
}

/**
 * The open stories an article could join, each with its link features. Two bounded look-ups
 * find them: the article's strongest terms in the story index (stories whose centroid holds
 * them) and in the member index (the most recent articles holding them). Each candidate is
 * then compared with the members the look-up found and its most recent ones. Work per
 * article is bounded by `options.linkage`, not by the window. Candidates come sorted by id.
 */
export function candidateStories(state: ClusterState, probe: Probe, idf: Idf, options: ClusterOptions): Candidate[] {
  const { linkage } = options;
  const whole = weighted(probe.vector, idf);
  const head = new Map(weighted(probe.head, idf));
  const title = new Map(weighted(probe.title, idf));
  const query = new Map(whole);

  // The strongest terms that something in the window holds: a term nobody has finds nothing.
  const ranked = [...whole].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const storyPartial = new Map<string, number>();
  const memberPartial = new Map<string, number>();
  let used = 0;
  for (const [term, weight] of ranked) {
    if (used >= linkage.queryTerms) break;
    const holders = state.index.lookup(probe.lang, term);
    const postings = state.members.lookup(probe.lang, term);
    if (!holders && !postings) continue;
    used++;
    const termIdf = idf(term);
    if (holders && holders.size <= linkage.maxStoryPostings)
      for (const id of holders) {
        const story = state.stories.get(id);
        if (!story || story.status !== 'open') continue;
        storyPartial.set(id, (storyPartial.get(id) ?? 0) + (weight * (story.centroid.get(term) ?? 0) * termIdf) / (story.rawNorm || 1));
      }
    if (!postings) continue;
    const stop = Math.max(0, postings.length - linkage.memberPostings);
    for (let i = postings.length - 1; i >= stop; i--) {
      const id = postings[i]!.id;
      memberPartial.set(id, (memberPartial.get(id) ?? 0) + weight);
    }
  }

  // Members the look-up found, grouped by their (open) story.
  const found = new Map<string, string[]>();
  for (const [id] of topByScore(memberPartial, linkage.maxMemberCandidates)) {
    const article = state.articles.get(id);
    const story = article && state.stories.get(article.storyId);
    if (!story || story.status !== 'open') continue;
    const list = found.get(story.id) ?? [];
    list.push(id);
    found.set(story.id, list);
  }
  const shortlist = new Set(topByScore(storyPartial, linkage.maxCandidates).map(([id]) => id));
  for (const id of found.keys()) shortlist.add(id);

  const names = nameShare(whole);
  const short = 1 - lengthRamp(probe.words, options);
  const out: Candidate[] = [];
  for (const id of [...shortlist].sort()) {
    const story = state.stories.get(id)!;
    const compared = new Set(found.get(id) ?? []);
    for (let i = story.members.length - 1; i >= 0 && i >= story.members.length - linkage.linkageMembers; i--)
      compared.add(story.members[i]!);
    let wholeMax = 0;
    let wholeSum = 0;
    let headMax = 0;
    let titleMax = 0;
    let count = 0;
    for (const memberId of compared) {
      const member = state.articles.get(memberId);
      if (!member) continue;
      const w = cosine(query, member.vector, idf);
      wholeSum += w;
      count++;
      if (w > wholeMax) wholeMax = w;
      const h = cosine(head, member.head, idf);
      if (h > headMax) headMax = h;
      const ti = cosine(title, member.title, idf);
      if (ti > titleMax) titleMax = ti;
    }
    const centroid = centroidCosine(whole, story.centroid, idf);
    const gapMs = Math.max(0, probe.t - story.lastT, story.firstT - probe.t);
    const features = [
      wholeMax,
      count ? wholeSum / count : 0,
      centroid,
      headMax,
      titleMax,
      names(story.centroid),
      0, // margin, filled in below once every candidate is scored
      probe.dated ? Math.log1p(gapMs / options.time.gapUnitMs) : 0,
      probe.dated ? 0 : 1,
      short,
      short * centroid,
    ];
    out.push({ story, features });
  }
  // How far each candidate's nearest member stands above the best of the others: the evidence
  // that this story, and not just the topic, is the article's (a margin means the same on any stream).
  let first = 0;
  let second = 0;
  for (const c of out) {
    const x = c.features[0]!;
    if (x > first) [first, second] = [x, first];
    else if (x > second) second = x;
  }
  for (const c of out) c.features[MARGIN] = c.features[0]! - (c.features[0] === first ? second : first);
  return out;
}

const MARGIN = 6;

// The feature list above must follow LINK_FEATURES; this fails the build if one is added without the other.
const FEATURE_COUNT: 11 = LINK_FEATURES.length;
void FEATURE_COUNT;

/** A vector with idf applied, unit length. */
function weighted(vector: TermVector, idf: Idf): TermVector {
  let norm = 0;
  const out: TermVector = vector.map(([term, weight]) => {
    const w = weight * idf(term);
    norm += w * w;
    return [term, w];
  });
  norm = Math.sqrt(norm) || 1;
  for (const entry of out) entry[1] /= norm;
  return out;
}

/** Cosine between a unit idf-weighted query and a member's vector with idf applied now. */
function cosine(query: Map<string, number>, vector: TermVector, idf: Idf): number {
  if (query.size === 0) return 0;
  let dot = 0;
  let norm = 0;
  for (const [term, weight] of vector) {
    const w = weight * idf(term);
    norm += w * w;
    const q = query.get(term);
    if (q !== undefined) dot += q * w;
  }
  return norm > 0 ? dot / Math.sqrt(norm) : 0;
}

/** Cosine between a unit query and a story centroid, with idf applied to the centroid now. */
function centroidCosine(query: TermVector, centroid: Map<string, number>, idf: Idf): number {
  let dot = 0;
  for (const [term, w] of query) {
    const c = centroid.get(term);
    if (c !== undefined) dot += w * c * idf(term);
  }
  if (dot <= 0) return 0;
  let norm = 0;
  for (const [term, c] of centroid) {
    const w = c * idf(term);
    norm += w * w;
  }
  return norm > 0 ? dot / Math.sqrt(norm) : 0;
}

/** The share of an article's name and quantity weight that a centroid holds (0 when it names nothing). */
function nameShare(query: TermVector): (centroid: Map<string, number>) => number {
  const names = query.filter(([term]) => isNameTerm(term));
  const total = names.reduce((sum, [, w]) => sum + w, 0);
  return (centroid) => {
    if (total <= 0) return 0;
    let held = 0;
    for (const [term, w] of names) if (centroid.has(term)) held += w;
    return held / total;
  };
}

/** The `limit` highest-scoring entries, ties broken by id. */
function topByScore(scores: Map<string, number>, limit: number): Array<[string, number]> {
  return [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
}
