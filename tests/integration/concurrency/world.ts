import type { Article, StoryCandidate } from '../../../src/core/model/index.js';
import type { Store } from '../../../src/adapters/store/store.js';
import { OUTLETS } from '../../fixtures/web/world.js';

/** A deterministic random source (mulberry32), so a failing interleaving can be replayed by its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  ['ministers', 'agreed', 'trade', 'tariffs', 'exports', 'talks', 'summit'],
  ['storm', 'flooding', 'rescue', 'villages', 'rainfall', 'evacuated', 'coast'],
  ['election', 'ballots', 'turnout', 'candidates', 'parliament', 'coalition', 'vote'],
  ['rates', 'inflation', 'central', 'bank', 'markets', 'yen', 'bonds'],
];

/** A short article of one topic from one of the desk test outlets (enough text for suggestions). */
export function syntheticArticle(id: string, n: number, next: () => number): Article {
  const topic = TOPICS[n % TOPICS.length]!;
  const outlet = OUTLETS[Math.floor(next() * 4)]!;
  const sentence = (k: number) => `The ${topic[k % 7]} and ${topic[(k + 2) % 7]} story ${n % 5} went on with ${topic[(k + 4) % 7]} today.`;
  const published = new Date(Date.parse('2025-03-20T06:00:00Z') + n * 60_000).toISOString();
  const url = `https://${outlet.id}.example/news/${id}`;
  return {
    id,
    outletId: outlet.id,
    feedId: `${outlet.id}-all`,
    url,
    canonicalUrl: url,
    title: `${topic[0]} ${topic[1]} ${n}`,
    byline: null,
    published,
    modified: null,
    lang: 'en',
    description: null,
    image: null,
    section: 'news',
    text: [sentence(n), sentence(n + 1), sentence(n + 3)].join('\n\n'),
    summary: sentence(n),
    outcome: 'article',
    fetchedAt: published,
  };
}

/** Everything an editor wrote into a candidate, as one string to search for tokens. */
export function editorText(story: StoryCandidate): string {
  return [
    story.title ?? '',
    ...story.facts.filter((f) => f.accepted).map((f) => f.text),
    ...story.narratives.map((s) => s.text),
    ...story.predictions.map((p) => p.text),
  ].join('\n');
}

/** The live candidates (every id in the update-time index, and any story key not indexed is a leak). */
export async function liveStories(store: Store): Promise<StoryCandidate[]> {
  return store.stories.getMany(await store.stories.listIds(0, 100_000));
}

/**
 * Every way an article can be orphaned or doubled: each known article is held by exactly one
 * live candidate, and `article → story` says which; no live candidate is also retired; every
 * retired id forwards to a chain that ends in a live candidate. Returns the problems found.
 */
export async function orphanProblems(store: Store, articleIds: string[]): Promise<string[]> {
  const problems: string[] = [];
  const stories = await liveStories(store);
  const holders = new Map<string, string[]>();
  for (const s of stories) for (const a of s.articleIds) holders.set(a, [...(holders.get(a) ?? []), s.id]);
  const owners = await store.stories.storiesOf(articleIds);
  articleIds.forEach((a, i) => {
    const held = holders.get(a) ?? [];
    if (held.length !== 1) problems.push(`article ${a} is held by ${held.length} candidates (${held.join(', ')})`);
    if (owners[i] !== (held[0] ?? null))
      problems.push(`article ${a}: article-story says ${owners[i]}, held by ${held.join(', ') || 'none'}`);
  });
  const forwards = await store.redis.hgetall(store.keys.storyForward);
  const live = new Set(stories.map((s) => s.id));
  for (const id of Object.keys(forwards)) {
    if (live.has(id)) problems.push(`candidate ${id} is live and retired at once`);
    let end = id;
    for (let hops = 0; forwards[end] && hops < 64; hops++) end = forwards[end]!;
    if (!live.has(end)) problems.push(`retired ${id} forwards to no live candidate`);
  }
  for (const s of stories) if (!s.articleIds.length) problems.push(`candidate ${s.id} has no articles`);
  return problems;
}
