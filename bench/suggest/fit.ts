/**
 * Fitting the suggesters' weights on one part of the development events: the word-salience
 * logistic weights ("word appears in the editors' summary", a plain logistic regression by
 * gradient descent) and the expected length of a neutral account (a grid over targetWords,
 * scored by the corpus's own ROUGE-1). Run only on the fitting part; the bench reports the
 * other part with what was fitted here.
 */
import { buildGroup } from '../../src/core/story/suggest/article-group.js';
import { contentStems } from '../../src/core/story/suggest/content-stems.js';
import { SALIENCE_FEATURES, salienceFeatures, type SalienceWeights } from '../../src/core/story/suggest/stem-salience.js';
import type { StreamGroup } from '../../src/core/story/index.js';

const EPOCHS = 600;
const LEARNING_RATE = 0.5;
const L2 = 1e-4;

/** Logistic weights of word salience fitted on the groups and their editors' summaries. */
export function fitSalienceWeights(groups: { group: StreamGroup; summary: string }[]): SalienceWeights {
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const { group, summary } of groups) {
    const inSummary = new Set(contentStems(summary));
    for (const [stem, x] of salienceFeatures(buildGroup(group.articles, group.outlets, group.leans))) {
      rows.push(x);
      labels.push(inSummary.has(stem) ? 1 : 0);
    }
  }
  const k = SALIENCE_FEATURES.length;
  const w = new Float64Array(k + 1); // w[0] is the bias
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const grad = new Float64Array(k + 1);
    for (let r = 0; r < rows.length; r++) {
      const x = rows[r]!;
      let z = w[0]!;
      for (let j = 0; j < k; j++) z += w[j + 1]! * x[j]!;
      const err = 1 / (1 + Math.exp(-z)) - labels[r]!;
      grad[0] = grad[0]! + err;
      for (let j = 0; j < k; j++) grad[j + 1] = grad[j + 1]! + err * x[j]!;
    }
    for (let j = 0; j <= k; j++) w[j] = w[j]! - LEARNING_RATE * (grad[j]! / rows.length + (j > 0 ? L2 * w[j]! : 0));
  }
  const weights = { bias: w[0]! } as SalienceWeights;
  SALIENCE_FEATURES.forEach((name, j) => {
    weights[name] = w[j + 1]!;
  });
  return weights;
}

/** Weights rounded to one decimal, as the code ships them. */
export function rounded(weights: SalienceWeights): SalienceWeights {
  return Object.fromEntries(Object.entries(weights).map(([k, v]) => [k, Math.round(v * 10) / 10])) as unknown as SalienceWeights;
}
