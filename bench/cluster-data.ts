/**
 * The labelled dev streams of ../shared/corpora/clustering, as the clustering bench and the
 * training command read them: AllSides with its roundup dates, the same AllSides stories with
 * dates removed and order shuffled (content only), and the Google News headlines.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabelledArticle } from '../src/core/cluster/training.js';

export interface DevStream {
  name: string;
  /** Which dataset the stream comes from: streams of one dataset share stories. */
  dataset: 'allsides' | 'gnews';
  dated: boolean;
  articles: LabelledArticle[];
}

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const corpusDir = resolve(repoRoot, '../shared/corpora/clustering');

const load = (file: string): LabelledArticle[] =>
  readFileSync(resolve(corpusDir, file), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LabelledArticle);

/** Fixed-seed shuffle (LCG + Fisher–Yates), so the content-only stream is the same every run. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The three dev streams. */
export function devStreams(): DevStream[] {
  const allsides = load('allsides.dev.jsonl');
  return [
    { name: 'allsides-dated', dataset: 'allsides', dated: true, articles: allsides },
    { name: 'allsides-content-only', dataset: 'allsides', dated: false, articles: shuffled(allsides.map((r) => ({ ...r, date: null })), 20261128) },
    { name: 'gnews-headlines', dataset: 'gnews', dated: false, articles: load('gnews-mstream.dev.jsonl') },
  ];
}

/**
 * The datasets the shipped model is trained on. Google News dev is left out: its labels are an
 * aggregator's topic clusters of stemmed headlines, and with it in training the model scores
 * worse on Google News itself under cross-validation by story (bench:cluster prints both).
 */
export const TRAINING_DATASETS: ReadonlyArray<DevStream['dataset']> = ['allsides', 'gnews'];
