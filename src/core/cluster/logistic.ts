import type { LinearModel } from './link-model.js';

/** One training example: features, label, and its weight in the loss. */
export interface Example {
  features: number[];
  label: 0 | 1;
  weight: number;
}

/** How a logistic regression is fitted. */
export interface FitOptions {
  /** L2 penalty on the standardised weights (not the bias): λ/2 · |w|² beside the mean log-loss. */
  l2: number;
  /** Newton steps (the loss is convex and smooth; a dozen reach machine precision on these sizes). */
  iterations: number;
}

/** Smallest scale a feature is standardised by (features are cosines, shares and logs near 0–1). */
const MIN_SCALE = 0.05;

/**
 * L2-regularised logistic regression by Newton's method (iteratively reweighted least squares),
 * on standardised features, returned on the raw features. Deterministic: fixed iterations,
 * examples summed in order, no randomness. Features that never vary get weight 0.
 */
export function fitLogistic(examples: readonly Example[], options: FitOptions): LinearModel {
  const d = examples[0]?.features.length ?? 0;
  const totalWeight = examples.reduce((s, e) => s + e.weight, 0);
  if (examples.length === 0 || totalWeight <= 0) return { bias: 0, weights: new Array<number>(d).fill(0) };
  // Standardise so the penalty treats every feature alike whatever its scale.
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const e of examples) for (let j = 0; j < d; j++) mean[j]! += (e.weight * e.features[j]!) / totalWeight;
  for (const e of examples) for (let j = 0; j < d; j++) sd[j]! += (e.weight * (e.features[j]! - mean[j]!) ** 2) / totalWeight;
  const active: number[] = [];
  for (let j = 0; j < d; j++) {
    const spread = Math.sqrt(sd[j]!);
    if (spread > 1e-9) active.push(j);
    // A floor on the scale: a feature that almost never varies must not earn a huge raw weight.
    sd[j] = Math.max(spread, MIN_SCALE);
  }
  const k = active.length + 1; // bias last
  const rows = examples.map((e) => [...active.map((j) => (e.features[j]! - mean[j]!) / sd[j]!), 1]);
  const beta = new Array<number>(k).fill(0);
  for (let step = 0; step < options.iterations; step++) {
    const grad = new Array<number>(k).fill(0);
    const hess = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let i = 0; i < rows.length; i++) {
      const x = rows[i]!;
      const w = examples[i]!.weight / totalWeight;
      let z = 0;
      for (let j = 0; j < k; j++) z += beta[j]! * x[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const r = w * (p - examples[i]!.label);
      const s = w * p * (1 - p);
      for (let a = 0; a < k; a++) {
        grad[a]! += r * x[a]!;
        const sa = s * x[a]!;
        for (let b = 0; b <= a; b++) hess[a]![b]! += sa * x[b]!;
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) hess[b]![a] = hess[a]![b]!;
    for (let a = 0; a < k - 1; a++) {
      grad[a]! += options.l2 * beta[a]!;
      hess[a]![a]! += options.l2;
    }
    hess[k - 1]![k - 1]! += 1e-12;
    const delta = solve(hess, grad);
    for (let j = 0; j < k; j++) beta[j]! -= delta[j]!;
  }
  const weights = new Array<number>(d).fill(0);
  let bias = beta[k - 1]!;
  active.forEach((j, a) => {
    weights[j] = beta[a]! / sd[j]!;
    bias -= (beta[a]! * mean[j]!) / sd[j]!;
  });
  return { bias, weights };
}

/** Solves A x = b for a symmetric positive definite A (Gaussian elimination with partial pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-300) continue;
    for (let r = col + 1; r < n; r++) {
      const f = m[r]![col]! / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let c = r + 1; c < n; c++) s -= m[r]![c]! * x[c]!;
    const p = m[r]![r]!;
    x[r] = Math.abs(p) < 1e-300 ? 0 : s / p;
  }
  return x;
}
