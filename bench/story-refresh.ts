/**
 * Story refresh as one story grows (issue 14), on two stories: the synthetic one of
 * bench:pipeline's story-growth line (seed 11, 30 outlets, 300 articles) and the first 300
 * AllSides dev articles as one story (real text, one minute apart, every outlet a bare record).
 * Each article joins, then the story is refreshed as the story updater does it (the window of the
 * latest MAX_SUGGESTION_ARTICLES, the story's kept window and cache).
 *
 *   npm run bench:story-refresh -- hash        # sha256 of every refresh's suggestions, with and without the cache
 *   npm run bench:story-refresh -- time        # warm wall ms per refresh, first 10% → last 10%
 *   node dist/bench/story-refresh.js time --passes 6 --story synthetic
 *
 * `hash` is the check that a speed-up changes no suggestion: run it on two builds and compare
 * (the cache and no-cache lines must also agree). `time` runs the growth `--passes` times in one
 * process (a fresh cache each pass; the first warms the JIT), takes each refresh's minimum over
 * passes 2…n, and prints the mean of the first and last tenth of the joins and their ratio.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoryWindows } from '../src/adapters/store/story-windows.js';
import type { Article, Outlet } from '../src/core/model/index.js';
import { MAX_SUGGESTION_ARTICLES, suggestStory } from '../src/core/story/index.js';
import { asExtractedArticle, demoOutlets, generateWorld } from '../src/demo/index.js';

interface GrowingStory {
  name: string;
  articles: Article[];
  outlets: Map<string, Outlet>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const allsidesPath = path.resolve(here, '..', '..', '../shared/corpora/clustering/allsides.dev.jsonl');

function syntheticStory(): GrowingStory {
  const world = generateWorld({ seed: 11, outlets: 30, stories: 1, articles: 300, baseTime: new Date('2026-11-20T12:00:00Z') });
  const outlets = new Map(demoOutlets(world, 'http://127.0.0.1:9').map((o) => [o.id, o]));
  const articles = [...world.articles].sort((a, b) => a.published.localeCompare(b.published)).map(asExtractedArticle);
  return { name: 'synthetic', articles, outlets };
}

/** The first 300 AllSides dev articles, whatever their event, as one story (outlets unknown: bare records). */
function allsidesStory(): GrowingStory | undefined {
  if (!existsSync(allsidesPath)) return undefined;
  const lines = readFileSync(allsidesPath, 'utf8').split('\n').filter(Boolean).slice(0, 300);
  const base = Date.parse('2026-11-20T12:00:00Z');
  const articles = lines.map((line, i): Article => {
    const a = JSON.parse(line) as { id: string; outlet: string; title: string; text: string };
    const published = new Date(base + i * 60_000).toISOString();
    return {
      id: a.id,
      outletId: a.outlet.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      feedId: 'allsides',
      url: `https://example.org/${a.id}`,
      canonicalUrl: `https://example.org/${a.id}`,
      title: a.title,
      byline: null,
      published,
      modified: null,
      lang: 'en',
      description: null,
      image: null,
      section: null,
      text: a.text,
      summary: '',
      outcome: 'article',
      fetchedAt: published,
    };
  });
  return { name: 'allsides', articles, outlets: new Map() };
}

/** Refresh the story after each join; `visit` gets each refresh's suggestions and its wall ms. */
async function grow(story: GrowingStory, cached: boolean, visit: (suggestion: unknown, ms: number) => void): Promise<void> {
  const windows = new StoryWindows();
  const byId = new Map(story.articles.map((a) => [a.id, a]));
  for (let n = 1; n <= story.articles.length; n++) {
    const ids = story.articles.slice(Math.max(0, n - MAX_SUGGESTION_ARTICLES), n).map((a) => a.id);
    const started = performance.now();
    const { articles, cache } = await windows.window('growing', ids, async (missing) => missing.map((id) => byId.get(id)!));
    const suggestion = suggestStory(articles, story.outlets, cached ? { cache } : {});
    visit(suggestion, performance.now() - started);
  }
}

async function hash(stories: GrowingStory[]): Promise<void> {
  for (const story of stories) {
    for (const cached of [true, false]) {
      const all = createHash('sha256');
      let refreshes = 0;
      await grow(story, cached, (suggestion) => {
        all.update(createHash('sha256').update(JSON.stringify(suggestion)).digest());
        refreshes++;
      });
      console.log(`${story.name} ${cached ? 'cache' : 'no-cache'} ${refreshes} refreshes sha256 ${all.digest('hex')}`);
    }
  }
}

async function time(stories: GrowingStory[], passes: number): Promise<void> {
  for (const story of stories) {
    const load = loadavg()[0]!.toFixed(1);
    const runs: number[][] = [];
    for (let p = 0; p < passes; p++) {
      const ms: number[] = [];
      await grow(story, true, (_, t) => ms.push(t));
      runs.push(ms);
    }
    const warm = runs.slice(1);
    const min = runs[0]!.map((_, i) => Math.min(...warm.map((r) => r[i]!)));
    const tenth = Math.max(1, Math.round(min.length / 10));
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const first = mean(min.slice(0, tenth));
    const last = mean(min.slice(-tenth));
    console.log(
      `${story.name} min over passes 2-${passes}: ${first.toFixed(2)} -> ${last.toFixed(2)} ms (${(last / first).toFixed(2)}); load ${load} -> ${loadavg()[0]!.toFixed(1)}`,
    );
  }
}

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = option('--story');
const stories = [syntheticStory(), allsidesStory()].filter((s): s is GrowingStory => s !== undefined && (!only || s.name === only));
if (!allsidesStory()) console.log(`no AllSides dev stream at ${path.relative(process.cwd(), allsidesPath)}: synthetic story only`);
if (args[0] === 'hash') await hash(stories);
else if (args[0] === 'time') await time(stories, Number(option('--passes') ?? 6));
else console.log('usage: story-refresh.js hash | time [--passes N] [--story synthetic|allsides]');
