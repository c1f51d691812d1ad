import { StorydeskError } from '../model/errors.js';
import committed from './link-model.json' with { type: 'json' };

/**
 * The features the linking model reads for one (article, candidate story) pair, in order.
 * Each means the same on a headline and on a full text (cosines of unit vectors, shares, logs):
 *
 * - `whole_nearest`: highest cosine between the article's whole text and a member's.
 * - `whole_mean`: mean of those cosines over the members compared (average linkage).
 * - `centroid`: cosine between the article's whole text and the story's centroid.
 * - `head_nearest`: highest cosine between heads (title + lead): like with like, so a
 *   headline-only item meets a full text on the part both have.
 * - `title_nearest`: highest title–title cosine.
 * - `names`: share of the article's names and quantities (idf-weighted) that the story's centroid holds.
 * - `margin`: this candidate's `whole_nearest` minus the best `whole_nearest` among the other
 *   candidates: how clearly this story, not merely the topic, is the article's.
 * - `gap`: ln(1 + time from the story's span to the article, in days); 0 when undated.
 * - `undated`: 1 when the article has no date (arrival order stands for time).
 * - `short`: 1 for a headline, 0 for a full text (log scale of content words between).
 * - `short_centroid`: `short` × `centroid`: a headline shares few words with any one report,
 *   so for headlines the story's accumulated vocabulary is the evidence.
 *
 * No feature reads the story's size: how large stories grow is a property of the stream (topic
 * clusters of hundreds of headlines on an aggregator, three reports of one event on AllSides), so
 * a size weight learned on one stream misleads on another (measured in docs/clustering.md).
 */
export const LINK_FEATURES = [
  'whole_nearest',
  'whole_mean',
  'centroid',
  'head_nearest',
  'title_nearest',
  'names',
  'margin',
  'gap',
  'undated',
  'short',
  'short_centroid',
] as const;

/** One linear scorer: score = bias + Σ weights[i] · features[i]; p = logistic(score). */
export interface LinearModel {
  bias: number;
  weights: number[];
}

/**
 * The learned linking model (Miranda et al. 2018): `rank` orders an article's candidate stories,
 * `join` decides whether the best of them is its story (score > 0) or the article starts a new one.
 */
export interface LinkModel {
  version: 1;
  features: string[];
  rank: LinearModel;
  join: LinearModel;
  /** How it was trained (streams, examples, regularisation): for the record, never read to decide. */
  training?: Record<string, unknown>;
}

/** A linear score of one feature vector. */
export function linearScore(model: LinearModel, features: readonly number[]): number {
  let score = model.bias;
  for (let i = 0; i < features.length; i++) score += model.weights[i]! * features[i]!;
  return score;
}

/**
 * Checks a model read from JSON (the committed one, or an operator's from `storydesk cluster
 * --train`): the same features in the same order, finite weights. Throws `cluster_model_invalid`.
 */
export function parseLinkModel(value: unknown, source = 'model'): LinkModel {
  const fail = (why: string) => new StorydeskError('cluster_model_invalid', `${source}: ${why}`, { permanent: true });
  if (!value || typeof value !== 'object') throw fail('not a JSON object');
  const m = value as Partial<LinkModel>;
  if (m.version !== 1) throw fail(`version ${String(m.version)}, expected 1`);
  if (!Array.isArray(m.features) || m.features.join(',') !== LINK_FEATURES.join(',')) {
    throw fail(`features ${JSON.stringify(m.features)}, expected ${JSON.stringify(LINK_FEATURES)}`);
  }
  for (const part of ['rank', 'join'] as const) {
    const linear = m[part];
    const ok =
      linear &&
      Number.isFinite(linear.bias) &&
      Array.isArray(linear.weights) &&
      linear.weights.length === LINK_FEATURES.length &&
      linear.weights.every((w) => Number.isFinite(w));
    if (!ok) throw fail(`"${part}" needs a finite bias and ${LINK_FEATURES.length} finite weights`);
  }
  return { version: 1, features: [...m.features], rank: m.rank!, join: m.join!, ...(m.training ? { training: m.training } : {}) };
}

/** The committed model (src/core/cluster/link-model.json, written by `npm run train:cluster`). */
export const defaultLinkModel: LinkModel = Object.freeze(parseLinkModel(committed, 'link-model.json')) as LinkModel;
