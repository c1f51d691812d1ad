/**
 * Micro-benchmark of story suggestion speed: milliseconds per suggestStory call on stories of
 * 10, 30 and 60 articles (the pipeline re-suggests a story over its 60 most recent articles
 * each time one joins). Stories come from a generated world (about 350-word articles, many
 * outlets wording one story differently). Side by side: the sentence matching that fact and
 * slot suggestion need, done pair by pair with sentenceMatch (how suggestStory did it before
 * the sentence matcher) and through the matcher's word index; the two must find the same pairs.
 *   npm run bench:suggest-speed      # writes bench/results/suggest-speed.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, Outlet } from '../src/core/model/index.js';
import { buildGroup, outletMap, type GroupSentence } from '../src/core/story/suggest/article-group.js';
import { SAME_FACT_THRESHOLD, sentenceMatch } from '../src/core/story/suggest/same-fact-score.js';
import { sentenceMatcher } from '../src/core/story/suggest/same-fact-index.js';
import { suggestStory } from '../src/core/story/index.js';
import { asExtractedArticle, generateWorld, type DemoOutlet } from '../src/demo/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

const SIZES = [10, 30, 60];
const REPEATS = 5;
const TARGET_MS_AT_60 = 30;

/** A demo outlet as the config would give it. */
function toOutlet(o: DemoOutlet): Outlet {
  return {
    id: o.id,
    name: o.name,
    homepage: '',
    language: o.language,
    country: o.country,
    kind: o.kind,
    perspective: o.perspective,
    feeds: [],
  };
}

/** Median of a few timings of fn, in ms (one untimed warm-up call first). */
function timeMs(fn: () => unknown): number {
  return timeBoth(fn).wall;
}

/** Median wall and process CPU milliseconds of a few calls of fn (the machine may be shared: CPU time waits for no one). */
function timeBoth(fn: () => unknown): { wall: number; cpu: number } {
  fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    fn();
    const used = process.cpuUsage(c);
    walls.push(performance.now() - t);
    cpus.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wall: median(walls), cpu: median(cpus) };
}

/** Pair by pair, as before: for each sentence, the indices of the others it matches. */
function pairwiseNear(sentences: GroupSentence[]): number[][] {
  return sentences.map((s, i) => sentences.flatMap((o, j) => (j !== i && sentenceMatch(s, o) >= SAME_FACT_THRESHOLD ? [j] : [])));
}

/** Through the matcher's word index. */
function indexedNear(sentences: GroupSentence[]): number[][] {
  const matcher = sentenceMatcher(sentences);
  return sentences.map((_, i) => [...matcher.near(i)]);
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

function main(): void {
  const world = generateWorld({ seed: 1, outlets: 40, stories: 6, articles: 300, baseTime: new Date('2026-11-20T12:00:00Z') });
  const outlets = new Map(world.outlets.map((o) => [o.id, toOutlet(o)]));
  const stories = new Map<string, Article[]>();
  for (const a of world.articles) stories.set(a.storyKey, [...(stories.get(a.storyKey) ?? []), asExtractedArticle(a)]);
  // Members in the order they would join: by publication.
  for (const list of stories.values()) list.sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));

  // Warm the JIT on every size first, so the first row timed is not the one that pays for it.
  for (const size of SIZES) for (const l of stories.values()) if (l.length >= size) suggestStory(l.slice(0, size), outlets);

  const rows = SIZES.map((size) => {
    const picks = [...stories.values()].filter((l) => l.length >= size).map((l) => l.slice(0, size));
    const timings = picks.map((articles) => timeBoth(() => suggestStory(articles, outlets)));
    const suggest = mean(timings.map((t) => t.wall));
    const suggestCpu = mean(timings.map((t) => t.cpu));
    let pairwise = 0;
    let indexed = 0;
    let sentences = 0;
    let same = true;
    for (const articles of picks) {
      const all = buildGroup(articles, outletMap(outlets)).articles.flatMap((a) => a.sentences);
      sentences += all.length;
      let before: number[][] = [];
      let after: number[][] = [];
      pairwise += timeMs(() => (before = pairwiseNear(all)));
      indexed += timeMs(() => (after = indexedNear(all)));
      same &&= JSON.stringify(before) === JSON.stringify(after);
    }
    return {
      articles: size,
      stories: picks.length,
      sentences: Math.round(sentences / picks.length),
      suggestMs: suggest,
      suggestCpuMs: suggestCpu,
      pairwiseMatchMs: pairwise / picks.length,
      indexedMatchMs: indexed / picks.length,
      samePairs: same,
    };
  });

  console.log(
    `suggest-speed benchmark: generated world (seed 1, ${world.outlets.length} outlets, ${world.articles.length} articles), median of ${REPEATS} runs`,
  );
  console.log(
    'articles  stories  sentences  suggestStory ms/call (wall, cpu)   all-pairs matching ms: pairwise (before)  indexed (now)  same pairs',
  );
  for (const r of rows) {
    const call = `${r.suggestMs.toFixed(1)}, ${r.suggestCpuMs.toFixed(1)}`;
    console.log(
      `${String(r.articles).padStart(8)}  ${String(r.stories).padStart(7)}  ${String(r.sentences).padStart(9)}  ${call.padStart(31)}  ${r.pairwiseMatchMs.toFixed(1).padStart(40)}  ${r.indexedMatchMs.toFixed(1).padStart(13)}  ${r.samePairs ? 'yes' : 'NO'}`,
    );
  }
  const at60 = rows.find((r) => r.articles === 60)!;
  console.log(
    `goal: under ${TARGET_MS_AT_60} ms per call for a 60-article story; storydesk ${at60.suggestMs < TARGET_MS_AT_60 ? 'meets' : 'does not meet'} it`,
  );
  mkdirSync(path.join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(
    path.join(repoRoot, 'bench', 'results', 'suggest-speed.json'),
    JSON.stringify(
      { world: { seed: 1, outlets: 40, stories: 6, articles: 300 }, repeats: REPEATS, goalMsAt60: TARGET_MS_AT_60, rows },
      null,
      2,
    ) + '\n',
  );
  console.log('written bench/results/suggest-speed.json');
  if (rows.some((r) => !r.samePairs)) process.exitCode = 1;
}

main();
