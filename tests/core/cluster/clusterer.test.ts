import { describe, expect, it } from 'vitest';
import { createClusterer, type ClusterArticle } from '../../../src/core/cluster/index.js';
import { fixtureArticles, longStream } from '../../fixtures/cluster/load.js';

const groups = (articles: Array<{ id: string; story: string }>, assigned: Map<string, string>) => {
  const byStory = new Map<string, Set<string>>();
  for (const a of articles) {
    const set = byStory.get(a.story) ?? new Set();
    set.add(assigned.get(a.id)!);
    byStory.set(a.story, set);
  }
  return byStory;
};

describe('clusterer', () => {
  it('brings one event told in different words by three outlets together, and keeps same-country events apart', () => {
    const articles = fixtureArticles();
    const clusterer = createClusterer();
    const assigned = new Map(articles.map((a) => [a.id, clusterer.add(a).storyId]));
    const byStory = groups(articles, assigned);
    for (const [, ids] of byStory) expect(ids.size).toBe(1);
    // The quake and the budget share Japan, Kishida-era dates and outlets but not an event.
    expect(assigned.get('a-quake-1')).not.toBe(assigned.get('a-budget-1'));
    expect(new Set(assigned.values()).size).toBe(3);
  });

  it('names a new story after its founding article', () => {
    const clusterer = createClusterer();
    const first = clusterer.add({ id: 'a123', title: 'Volcano erupts in Iceland', text: '', date: null });
    expect(first).toEqual({ articleId: 'a123', storyId: 's123', isNewStory: true, duplicateOf: null, syndicated: false });
  });

  it('starts a new story for a late article far in time', () => {
    const [quake] = fixtureArticles();
    const clusterer = createClusterer();
    const early = clusterer.add(quake!);
    const sameDay = clusterer.add({
      ...quake!,
      id: 'a-quake-again',
      outlet: 'Other',
      canonicalUrl: null,
      title: 'Aomori quake: tsunami advisory after magnitude 6.9 tremor',
    });
    const late = clusterer.add({
      ...quake!,
      id: 'a-quake-late',
      outlet: 'Other',
      date: '2024-05-20T00:00:00Z',
      title: 'Aomori quake: tsunami advisory after magnitude 6.9 tremor',
    });
    expect(sameDay.storyId).toBe(early.storyId);
    expect(late.isNewStory).toBe(true);
    expect(late.storyId).not.toBe(early.storyId);
  });

  it('gives the same stories for the same stream, every time', () => {
    const stream = longStream(6, 1);
    const run = () => {
      const clusterer = createClusterer();
      return stream.map((a) => clusterer.add(a));
    };
    expect(run()).toEqual(run());
  });

  it('continues from a JSON snapshot exactly as if it had not stopped', () => {
    const stream = longStream(8, 2);
    const whole = createClusterer();
    const expected = stream.map((a) => whole.add(a));
    const half = Math.floor(stream.length / 2);
    const first = createClusterer();
    const got = stream.slice(0, half).map((a) => first.add(a));
    const restored = createClusterer({}, JSON.parse(JSON.stringify(first.snapshot())));
    got.push(...stream.slice(half).map((a) => restored.add(a)));
    expect(got).toEqual(expected);
    expect(restored.snapshot()).toEqual(whole.snapshot());
  });

  it('keeps memory bounded by the window: idle stories and their articles leave', () => {
    const clusterer = createClusterer();
    for (const a of longStream(10, 30)) clusterer.add(a);
    const snapshot = clusterer.snapshot();
    // Each round is 30 days after the last, past the idle window: only the last round stays.
    expect(snapshot.stories.length).toBe(3);
    expect(snapshot.articles.every((a) => a.id.endsWith('-9') || a.id.includes('-9-'))).toBe(true);
  });

  it('treats an empty text as a headline and uses stream order when the date is missing', () => {
    const clusterer = createClusterer();
    const a = clusterer.add({ id: 'a1', title: 'Nokia launches Lumia tablet to rival Surface', text: '', date: null });
    const b = clusterer.add({ id: 'a2', title: 'Lumia tablet launch: Nokia takes on Surface', text: '', date: null });
    const c = clusterer.add({ id: 'a3', title: 'Chelsea beat Basel in Champions League', text: '', date: null });
    expect(b.storyId).toBe(a.storyId);
    expect(c.storyId).not.toBe(a.storyId);
  });
});

describe('same-article hygiene', () => {
  const base: ClusterArticle = fixtureArticles()[0]!;

  it('an update with the same canonical URL updates the member', () => {
    const clusterer = createClusterer();
    const first = clusterer.add({ ...base, canonicalUrl: 'https://x.test/1' });
    const update = clusterer.add({
      ...base,
      id: 'a-other-id',
      title: 'Updated: quake',
      text: 'Short update.',
      canonicalUrl: 'https://x.test/1',
    });
    expect(update).toEqual({ articleId: 'a-other-id', storyId: first.storyId, isNewStory: false, duplicateOf: base.id, syndicated: false });
  });

  it('the same outlet republishing near-identical text is a duplicate; another outlet carrying it is syndicated', () => {
    const clusterer = createClusterer();
    const first = clusterer.add(base);
    const republished = clusterer.add({ ...base, id: 'a-re', text: base.text + ' (Corrected.)' });
    const wire = clusterer.add({ ...base, id: 'a-wire', outlet: 'Local Gazette' });
    expect(republished.duplicateOf).toBe(base.id);
    expect(republished.storyId).toBe(first.storyId);
    expect(wire).toEqual({ articleId: 'a-wire', storyId: first.storyId, isNewStory: false, duplicateOf: null, syndicated: true });
  });

  it('never treats short identical headlines of different articles as copies', () => {
    const clusterer = createClusterer();
    clusterer.add({ id: 'h1', title: 'nokia lumia launch', text: '', date: null });
    const second = clusterer.add({ id: 'h2', title: 'nokia lumia launch', text: '', date: null });
    expect(second.duplicateOf).toBeNull();
    expect(second.syndicated).toBe(false);
  });
});

describe('languages', () => {
  it('segments and clusters Japanese and Chinese, and compares only within a language', () => {
    const clusterer = createClusterer();
    const ja1 = clusterer.add({
      id: 'j1',
      title: '青森県沖で地震、津波注意報を発表',
      text: '気象庁によると、青森県沖でマグニチュード6.9の地震があり、太平洋沿岸に津波注意報が出された。',
      date: '2024-03-04T02:00:00Z',
      lang: 'ja',
    });
    const ja2 = clusterer.add({
      id: 'j2',
      title: '青森県沖の地震で津波注意報、気象庁',
      text: '青森県沖を震源とする地震で、気象庁は津波注意報を発表した。東北新幹線が一時運転を見合わせた。',
      date: '2024-03-04T03:00:00Z',
      lang: 'ja',
    });
    const ja3 = clusterer.add({
      id: 'j3',
      title: '日経平均株価が最高値を更新',
      text: '東京株式市場で日経平均株価が史上最高値を更新した。半導体関連株が買われた。',
      date: '2024-03-04T04:00:00Z',
      lang: 'ja',
    });
    const zh1 = clusterer.add({
      id: 'z1',
      title: '日本青森县近海发生地震 发布海啸预警',
      text: '日本气象厅说，青森县近海发生6.9级地震，太平洋沿岸发布海啸预警。',
      date: '2024-03-04T02:30:00Z',
      lang: 'zh',
    });
    const zh2 = clusterer.add({
      id: 'z2',
      title: '青森县近海地震 日本发布海啸预警',
      text: '据日本气象厅消息，青森县近海发生强烈地震，日本发布海啸预警。',
      date: '2024-03-04T03:30:00Z',
      lang: 'zh-CN',
    });
    expect(ja2.storyId).toBe(ja1.storyId);
    expect(ja3.storyId).not.toBe(ja1.storyId);
    expect(zh2.storyId).toBe(zh1.storyId);
    expect(zh1.storyId).not.toBe(ja1.storyId);
  });
});
