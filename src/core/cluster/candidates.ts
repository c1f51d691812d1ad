import type { TermVector } from './features.js';
import type { ClusterOptions } from './options.js';
import type { ClusterState, StoryState } from './state.js';
import { centroidCosine, timeFactor, type Idf } from './similarity.js';

/** A scored story for one article. */
export interface ScoredStory {
  story: StoryState;
  /** Time-decayed cosine. */
  score: number;
}

/**
 * The best open story for an article: the article's strongest terms look stories up in the
 * inverted index, the top few by partial score are scored in full (cosine to the centroid,
 * decayed by distance in time). Work per article is bounded by the options, not the window.
 */
export function bestStory(
  state: ClusterState, query: TermVector, idf: Idf, lang: string, t: number, dated: boolean, options: ClusterOptions,
): ScoredStory | null {
  // The strongest terms that some story holds: a term no story has (new names, typos) finds nothing.
  const ranked = [...query].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const partial = new Map<string, number>();
  let used = 0;
  for (const [term, weight] of ranked) {
    if (used >= options.queryTerms) break;
    const holders = state.index.lookup(lang, term);
    if (!holders) continue;
    used++;
    const termIdf = idf(term);
    for (const id of holders) {
      const story = state.stories.get(id);
      if (!story || story.status !== 'open') continue;
      partial.set(id, (partial.get(id) ?? 0) + (weight * (story.centroid.get(term) ?? 0) * termIdf) / (story.rawNorm || 1));
    }
  }
  const shortlist = [...partial].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, options.maxCandidates);
  let best: ScoredStory | null = null;
  for (const [id] of shortlist) {
    const story = state.stories.get(id)!;
    const score = centroidCosine(query, story.centroid, idf) * (dated ? timeFactor(t, story.firstT, story.lastT, options.decayHalfLifeMs, options.recentBoost) : 1)
      * (1 + options.sizeBoost * Math.log(Math.max(1, story.members.length)));
    if (!best || score > best.score || (score === best.score && id < best.story.id)) best = { story, score };
  }
  return best;
}
