import type { OutletKind } from '../core/model/index.js';
import { NameMaker, outletNouns, sectionNames } from './generator-names.js';
import { makeStory, pickSwaps, writeArticle, type OutletVoice, type StorySeed } from './generator-story.js';
import { createRng, type Rng } from './prng.js';
import type { CharsetDeclaration, DemoArticle, DemoOutlet, FeedFormat, NewsWorld, PageTemplate } from './types.js';

/** The size and seed of a synthetic world. */
export interface GenerateWorldOptions {
  seed: number;
  outlets: number;
  stories: number;
  articles: number;
  /** "Now": every article is published before it. */
  baseTime: Date;
  /** Feeds never list more items than this; outlets get more section feeds instead. Default 50. */
  itemsPerFeed?: number;
  /** How far back stories start. Default 48 hours. */
  spanHours?: number;
}

const kinds: Array<[OutletKind, number]> = [
  ['wire', 15],
  ['newspaper', 35],
  ['broadcaster', 15],
  ['state-media', 10],
  ['opinion', 15],
  ['digital', 10],
];

/**
 * A deterministic synthetic news world for benchmarks: same options, same world. Stories
 * are well separated by their invented names and numbers; outlets word them differently.
 */
export function generateWorld(options: GenerateWorldOptions): NewsWorld {
  const { seed, stories: storyCount, articles: articleCount } = options;
  for (const [name, value] of Object.entries({ outlets: options.outlets, stories: storyCount, articles: articleCount })) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`generateWorld: ${name} must be a positive integer, got ${value}`);
  }
  const itemsPerFeed = options.itemsPerFeed ?? 50;
  const base = Math.floor(options.baseTime.getTime() / 1000) * 1000;
  const span = (options.spanHours ?? 48) * 3_600_000;
  const rng = createRng(seed);
  const names = new NameMaker(rng);

  const outlets = Array.from({ length: options.outlets }, (_, i) => makeOutlet(rng, names, i));
  const voices = new Map(outlets.map((o) => [o.id, makeVoice(rng, o)]));
  const baseYear = new Date(base).getUTCFullYear();
  const stories: StorySeed[] = Array.from({ length: storyCount }, (_, i) =>
    makeStory(rng, names, `g-story-${String(i + 1).padStart(4, '0')}`, baseYear, base - 3_600_000 - rng.int(Math.max(1, span - 3_600_000))),
  );

  const counts = storySizes(rng, storyCount, articleCount);
  const articles: DemoArticle[] = [];
  stories.forEach((story, s) => {
    const coverage = rng.shuffle(outlets);
    for (let k = 0; k < counts[s]!; k++) {
      const outlet = coverage[k % coverage.length]!;
      const text = writeArticle(rng, story, outlet, voices.get(outlet.id)!);
      const published = Math.min(base - 60_000, story.startsAt + rng.int(12 * 3_600_000));
      articles.push({
        id: `${story.key}-${outlet.id}-${k + 1}`,
        outletId: outlet.id,
        storyKey: story.key,
        section: '',
        title: text.title,
        summary: text.summary,
        published: new Date(Math.floor(published / 1000) * 1000).toISOString(),
        author: names.person().full,
        paragraphs: text.paragraphs,
        imageCaption: `${rng.pick(['A view of', 'Scenes in', 'People gather in', 'A street in'])} ${story.values.PL}, ${story.values.RG}.`,
        tags: [story.topic.label, story.values.CO!, story.values.RG!],
      });
    }
  });
  assignSections(outlets, articles, itemsPerFeed);
  return { baseTime: new Date(base).toISOString(), outlets, articles, bogusItems: [] };
}

/** Article counts per story: two each while there are enough, the rest skewed (a few big stories). */
function storySizes(rng: Rng, stories: number, articles: number): number[] {
  const counts: number[] = Array.from({ length: stories }, (_, i) =>
    articles >= 2 * stories ? 2 : i < articles % stories || articles >= stories ? 1 : 0,
  );
  let left = articles - counts.reduce((a, b) => a + b, 0);
  const weights = counts.map((_, i) => 1 / (i + 1) ** 0.7);
  const total = weights.reduce((a, b) => a + b, 0);
  while (left > 0) {
    let r = rng.next() * total;
    let i = 0;
    while (i < weights.length - 1 && r >= weights[i]!) r -= weights[i++]!;
    counts[i]! += 1;
    left -= 1;
  }
  return counts;
}

function makeOutlet(rng: Rng, names: NameMaker, index: number): DemoOutlet {
  const kind = weighted(rng, kinds);
  const name =
    kind === 'wire'
      ? `${names.word()} ${rng.pick(['Wire', 'Press Agency', 'News Service'])}`
      : `The ${names.word()} ${rng.pick(outletNouns)}`;
  const id = `o${String(index + 1).padStart(3, '0')}-${name
    .toLowerCase()
    .replace(/^the /, '')
    .replace(/[^a-z0-9]+/g, '-')}`;
  const template: PageTemplate =
    kind === 'state-media'
      ? 'state'
      : kind === 'opinion'
        ? 'opinion'
        : kind === 'wire'
          ? 'wire'
          : rng.pick(['broadsheet', 'magazine', 'portal'] as const);
  const feedFormat = weighted<FeedFormat>(rng, [
    ['rss2', 50],
    ['atom', 30],
    ['rdf', 20],
  ]);
  const charsetDeclaration = weighted<CharsetDeclaration>(rng, [
    ['header', 60],
    ['both', 30],
    ['document', 10],
  ]);
  return {
    id,
    name,
    language: 'en',
    country: rng.pick(['GB', 'US', 'AU', 'IN', 'ZA', 'CA', 'IE', 'NZ', 'SG', 'KE']),
    kind,
    perspective:
      kind === 'state-media' ? ['pro-government'] : kind === 'opinion' ? [rng.pick(['centre-right', 'centre-left', 'libertarian'])] : [],
    feedFormat,
    charset: 'utf-8',
    charsetDeclaration,
    template,
    jsonLd: rng.chance(0.5),
    urlStyle: rng.pick(['dated', 'section-slug', 'numeric', 'query'] as const),
    ...(rng.chance(0.15) ? { feedLinkSuffix: '?utm_source=rss&utm_medium=feed' } : {}),
    feeds: [],
  };
}

function makeVoice(rng: Rng, outlet: DemoOutlet): OutletVoice {
  return {
    said: rng.pick([
      ['said', 'said'],
      ['said', 'told reporters'],
      ['stated', 'said'],
      ['said', 'added'],
    ] as Array<[string, string]>),
    percent: rng.pick(['%', ' percent', ' per cent']),
    wireDateline: outlet.kind === 'wire',
    swaps: pickSwaps(rng),
  };
}

/** Splits each outlet's articles into sections of at most `itemsPerFeed`, one feed each. */
function assignSections(outlets: DemoOutlet[], articles: DemoArticle[], itemsPerFeed: number): void {
  for (const outlet of outlets) {
    const own = articles
      .filter((a) => a.outletId === outlet.id)
      .sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : 0));
    const sectionCount = Math.max(1, Math.ceil(own.length / itemsPerFeed));
    const sections = Array.from({ length: sectionCount }, (_, i) => sectionNames[i] ?? `section-${i + 1}`);
    // Round-robin keeps every section's feed spanning the whole time range, like real sections.
    own.forEach((article, i) => {
      article.section = sections[i % sectionCount]!;
    });
    outlet.feeds = sections.map((section) => ({ key: section, title: `${outlet.name} – ${section}`, sections: [section] }));
  }
}

function weighted<T>(rng: Rng, options: Array<[T, number]>): T {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let r = rng.next() * total;
  for (const [value, w] of options) {
    if (r < w) return value;
    r -= w;
  }
  return options[options.length - 1]![0];
}
