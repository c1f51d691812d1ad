import { describe, expect, it } from 'vitest';
import { createClusterer, defaultLinkModel, LINK_FEATURES, parseLinkModel } from '../../../src/core/cluster/index.js';
import { fitLogistic } from '../../../src/core/cluster/logistic.js';
import { collectCandidates, trainLinkModel, type LabelledArticle } from '../../../src/core/cluster/training.js';
import { fixtureArticles } from '../../fixtures/cluster/load.js';

const labelled = (): LabelledArticle[] => fixtureArticles().map((a) => ({ ...a, cluster: a.story }));

describe('logistic regression', () => {
  it('learns the direction that separates the labels, the same bits every run', () => {
    const examples = Array.from({ length: 200 }, (_, i) => {
      const x = (i % 20) / 20;
      const noise = ((i * 7919) % 13) / 13 - 0.5;
      return { features: [x, noise], label: (x + 0.2 * noise > 0.5 ? 1 : 0) as 0 | 1, weight: 1 };
    });
    const a = fitLogistic(examples, { l2: 0.01, iterations: 25 });
    const b = fitLogistic(examples, { l2: 0.01, iterations: 25 });
    expect(a).toEqual(b);
    expect(a.weights[0]).toBeGreaterThan(3);
    expect(Math.abs(a.weights[0]!)).toBeGreaterThan(Math.abs(a.weights[1]!));
    // The boundary falls near x = 0.5.
    expect(-a.bias / a.weights[0]!).toBeGreaterThan(0.4);
    expect(-a.bias / a.weights[0]!).toBeLessThan(0.6);
  });

  it('gives a feature that never varies no weight', () => {
    const examples = [0, 1, 2, 3].map((i) => ({ features: [i / 3, 1], label: (i > 1 ? 1 : 0) as 0 | 1, weight: 1 }));
    expect(fitLogistic(examples, { l2: 0.1, iterations: 20 }).weights[1]).toBe(0);
  });
});

describe('training the linking model', () => {
  it("labels the gold story among an article's candidates, with one feature per LINK_FEATURES entry", () => {
    const lists = collectCandidates(labelled());
    expect(lists).toHaveLength(labelled().length);
    const withGold = lists.filter((l) => l.candidates.some((c) => c.gold));
    // Every article after its story's first has that story among its candidates.
    expect(withGold.length).toBe(labelled().length - new Set(labelled().map((a) => a.cluster)).size);
    for (const list of lists) for (const c of list.candidates) expect(c.features).toHaveLength(LINK_FEATURES.length);
  });

  it('is deterministic and writes a model that parses and clusters', () => {
    const a = JSON.stringify(trainLinkModel([{ name: 'fixture', articles: labelled() }]));
    const b = JSON.stringify(trainLinkModel([{ name: 'fixture', articles: labelled() }]));
    expect(a).toBe(b);
    const model = parseLinkModel(JSON.parse(a));
    const clusterer = createClusterer({ model });
    for (const article of fixtureArticles()) clusterer.add(article);
    expect(clusterer.snapshot().articles).toHaveLength(fixtureArticles().length);
  });

  it('weighs each dataset the same, shared by its streams: a dataset told twice does not get twice the say', () => {
    const other = fixtureArticles('multi-day.jsonl').map((a) => ({ ...a, cluster: a.story }));
    const weights = (streams: Parameters<typeof trainLinkModel>[0]) => {
      const { rank, join } = trainLinkModel(streams);
      return { rank, join };
    };
    const once = weights([
      { name: 'stories', dataset: 'hand-written', articles: labelled() },
      { name: 'multi-day', dataset: 'demo', articles: other },
    ]);
    const twice = weights([
      { name: 'stories', dataset: 'hand-written', articles: labelled() },
      { name: 'stories again', dataset: 'hand-written', articles: labelled() },
      { name: 'multi-day', dataset: 'demo', articles: other },
    ]);
    expect(twice).toEqual(once);
    // Streams without a dataset weigh one each, so the repeated stream then counts double.
    const streamsEach = weights([
      { name: 'stories', articles: labelled() },
      { name: 'stories again', articles: labelled() },
      { name: 'multi-day', articles: other },
    ]);
    expect(streamsEach).not.toEqual(once);
  });

  it('rejects a model with other features or a non-finite weight', () => {
    const good = JSON.parse(JSON.stringify(defaultLinkModel)) as Record<string, unknown>;
    expect(() => parseLinkModel({ ...good, features: ['whole_nearest'] })).toThrow(/features/);
    expect(() => parseLinkModel({ ...good, join: { bias: 0, weights: LINK_FEATURES.map(() => null) } })).toThrow(/join/);
    expect(() => parseLinkModel({ ...good, version: 2 })).toThrow(/version/);
    expect(parseLinkModel(good).rank).toEqual(defaultLinkModel.rank);
  });
});
