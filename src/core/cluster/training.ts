import type { ClusterArticle } from './clusterer.js';
import { candidateStories } from './candidates.js';
import { articleFeatures } from './features.js';
import { languageKey } from './language.js';
import { bestCandidate } from './link.js';
import { LINK_FEATURES, type LinearModel, type LinkModel } from './link-model.js';
import { fitLogistic, type Example } from './logistic.js';
import { resolveOptions, type ClusterOptionsInput } from './options.js';
import type { ArticleRecord } from './records.js';
import { ClusterState } from './state.js';

/** An article with its gold story: a line of a labelled stream. */
export interface LabelledArticle extends ClusterArticle {
  cluster: string;
}

/** One article's candidate stories, each with its features and whether it is the article's gold story. */
export interface CandidateList {
  id: string;
  cluster: string;
  candidates: Array<{ features: number[]; gold: boolean }>;
}

/** How the model is trained. */
export interface TrainOptions {
  /** L2 penalty on standardised weights. */
  l2: number;
  /** Newton steps per fit. */
  iterations: number;
  /** Features the model may not use (their weights stay 0): for ablations in bench:cluster. */
  exclude?: readonly string[];
  /** Structural clusterer options the features are computed with. */
  cluster?: ClusterOptionsInput;
}

export const defaultTrainOptions: Readonly<TrainOptions> = Object.freeze({ l2: 0.01, iterations: 25 });

/**
 * Replays a labelled stream through the clusterer's own candidate search with the gold
 * answer applied after each article (teacher forcing, as Miranda et al. 2018 train): the
 * window, idf and story centroids are what a perfect clusterer would have had, and each
 * article yields its candidates' features labelled by whether they are its gold story.
 */
export function collectCandidates(stream: readonly LabelledArticle[], clusterOptions: ClusterOptionsInput = {}): CandidateList[] {
  const options = resolveOptions({ ...clusterOptions, trackChanges: false });
  const state = new ClusterState(options);
  const out: CandidateList[] = [];
  for (const article of stream) {
    const seq = ++state.seq;
    const parsed = article.date ? Date.parse(article.date) : NaN;
    if (Number.isFinite(parsed)) state.clock = Math.max(state.clock, parsed);
    const t = Number.isFinite(parsed) ? parsed : state.clock;
    const lang = languageKey(article.lang, article.title + ' ' + article.text.slice(0, 200));
    const { vector, head, title, words } = articleFeatures(article.title, article.text, lang, options);
    state.evictIdle();
    if (state.articles.has(article.id)) continue;
    const goldId = 'gold:' + article.cluster;
    const probe = { lang, t, dated: Number.isFinite(parsed), words, vector, head, title };
    const candidates = candidateStories(state, probe, state.df.idfFor(lang), options);
    out.push({
      id: article.id,
      cluster: article.cluster,
      candidates: candidates.map((c) => ({ features: c.features, gold: c.story.id === goldId })),
    });
    const record: ArticleRecord = {
      id: article.id,
      storyId: '',
      lang,
      t,
      seq,
      outlet: article.outlet ?? null,
      url: null,
      fingerprint: null,
      vector,
      head,
      title,
      words,
      pinned: false,
      syndicated: false,
    };
    const story = state.stories.get(goldId) ?? state.createStory(goldId, lang, t, seq);
    state.admit(record);
    state.attach(story, record);
  }
  state.discardChanges();
  return out;
}

/**
 * Fits the two linear models from candidate lists, each dataset weighing the same whatever its
 * length, shared equally by its streams (the same stories told twice, with dates and without,
 * are one dataset's evidence, not two): `rank` on every candidate (gold or not), then `join` on
 * the candidate `rank` puts first (is it the gold story, or should the article have started a
 * new one?). A stream without a dataset is one of its own.
 */
export function fitLinkModel(
  streams: ReadonlyArray<{ name: string; dataset?: string; lists: CandidateList[] }>,
  options: TrainOptions = defaultTrainOptions,
): LinkModel {
  const datasetOf = (s: { name: string; dataset?: string }) => s.dataset ?? `stream:${s.name}`;
  const share = (s: { name: string; dataset?: string }) => 1 / streams.filter((t) => datasetOf(t) === datasetOf(s)).length;
  const fit = { l2: options.l2, iterations: options.iterations };
  // A feature held at 0 never varies, and the fit gives it no weight.
  const kept = LINK_FEATURES.map((f) => !options.exclude?.includes(f));
  const used = (features: number[]) => features.map((x, i) => (kept[i] ? x : 0));
  const rankExamples: Example[] = [];
  for (const stream of streams) {
    rankExamples.push(
      ...balanced(
        stream.lists.flatMap((l) => l.candidates.map((c) => ({ features: used(c.features), label: c.gold ? (1 as const) : (0 as const) }))),
        share(stream),
      ),
    );
  }
  const rank = rounded(fitLogistic(rankExamples, fit));
  const model: LinkModel = { version: 1, features: [...LINK_FEATURES], rank, join: rank };
  const joinExamples: Example[] = [];
  for (const stream of streams) {
    const tops = stream.lists.filter((l) => l.candidates.length > 0).map((l) => bestCandidate(l.candidates, model)!.candidate);
    joinExamples.push(
      ...balanced(
        tops.map((c) => ({ features: used(c.features), label: c.gold ? (1 as const) : (0 as const) })),
        share(stream),
      ),
    );
  }
  const join = rounded(fitLogistic(joinExamples, fit));
  return {
    ...model,
    join,
    training: {
      streams: streams.map((s) => ({
        name: s.name,
        ...(s.dataset ? { dataset: s.dataset } : {}),
        articles: s.lists.length,
        candidates: s.lists.reduce((n, l) => n + l.candidates.length, 0),
      })),
      l2: options.l2,
      iterations: options.iterations,
      ...(options.exclude?.length ? { exclude: [...options.exclude] } : {}),
    },
  };
}

/**
 * Weights one stream's examples so that its joins and its non-joins weigh half each of its
 * `total`. How often an article starts a story is a property of the stream (1 in 70 on a topic
 * aggregator, 1 in 3 on AllSides roundups), not of the evidence; balanced, the model learns the
 * evidence only and its bias does not carry one stream's base rate to another.
 */
function balanced(examples: Array<Omit<Example, 'weight'>>, total: number): Example[] {
  const positives = examples.filter((e) => e.label === 1).length;
  const negatives = examples.length - positives;
  return examples.map((e) => ({
    ...e,
    weight: total * (e.label === 1 ? 0.5 / Math.max(1, positives) : 0.5 / Math.max(1, negatives)),
  }));
}

/** Trains a model on labelled streams (the whole pipeline: candidates, then both fits). */
export function trainLinkModel(
  streams: ReadonlyArray<{ name: string; dataset?: string; articles: readonly LabelledArticle[] }>,
  options: TrainOptions = defaultTrainOptions,
): LinkModel {
  return fitLinkModel(
    streams.map((s) => ({ name: s.name, dataset: s.dataset, lists: collectCandidates(s.articles, options.cluster) })),
    options,
  );
}

/** Weights to 6 significant digits: the committed JSON is the same bytes on any machine. */
function rounded(model: LinearModel): LinearModel {
  const r = (x: number) => Number(x.toPrecision(6));
  return { bias: r(model.bias), weights: model.weights.map(r) };
}
