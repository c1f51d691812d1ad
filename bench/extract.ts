/**
 * Extraction benchmark: storydesk's extractor and @mozilla/readability (on jsdom) over every
 * page of ../shared/corpora/extraction, scored with that corpus's own score.mjs (token
 * 4-gram precision, recall, F1, as the public benchmark computes them). Each extractor runs
 * in its own child process so its pages/s and peak RSS are its own.
 *
 *   npm run bench:extract            # both, side by side; writes bench/results/extract.json
 *   node dist/bench/extract.js --per-page   # also prints storydesk's per-page scores
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist/bench → repo root. */
const repoRoot = path.resolve(here, '..', '..');
const corpusDir = path.resolve(repoRoot, '../shared/corpora/extraction');

interface Page {
  id: string;
  url: string;
  bytes: Buffer;
}

/** What a worker process reports. */
interface WorkerResult {
  extractor: string;
  predictions: Record<string, string>;
  outcomes: Record<string, string>;
  errors: Record<string, string>;
  seconds: number;
  peakRssMb: number;
}

function loadCorpus(): Page[] {
  const gold = JSON.parse(readFileSync(path.join(corpusDir, 'gold.json'), 'utf8')) as Record<string, { url: string }>;
  return readdirSync(path.join(corpusDir, 'html'))
    .filter((file) => file.endsWith('.html.gz'))
    .sort()
    .map((file) => {
      const id = file.replace(/\.html\.gz$/, '');
      return { id, url: gold[id]?.url ?? 'https://example.invalid/', bytes: gunzipSync(readFileSync(path.join(corpusDir, 'html', file))) };
    });
}

async function runStorydesk(pages: Page[]): Promise<Omit<WorkerResult, 'peakRssMb'>> {
  const { extractArticle } = await import('../src/core/extract/index.js');
  // The text exactly as `storydesk extract --json` prints it.
  const { articleJsonOf } = await import('../src/cli/commands/extract.js');
  const predictions: Record<string, string> = {};
  const outcomes: Record<string, string> = {};
  const start = performance.now();
  for (const page of pages) {
    // Bytes in, as the pipeline hands them over (the charset decoder runs too).
    const article = extractArticle(page.bytes, { url: page.url, contentType: 'text/html' });
    predictions[page.id] = articleJsonOf(article).text;
    outcomes[page.id] = article.outcome;
  }
  return { extractor: 'storydesk', predictions, outcomes, errors: {}, seconds: (performance.now() - start) / 1000 };
}

async function runReadability(pages: Page[]): Promise<Omit<WorkerResult, 'peakRssMb'>> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  const predictions: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const start = performance.now();
  for (const page of pages) {
    try {
      // The corpus is UTF-8 (README); jsdom would read pages without <meta charset> as windows-1252.
      const dom = new JSDOM(page.bytes.toString('utf8'), { url: page.url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
      // jsdom's Document is the DOM Document Readability types (our tsconfig has no DOM lib).
      const article = new Readability(dom.window.document as never).parse();
      predictions[page.id] = article?.textContent ?? '';
      dom.window.close();
    } catch (error) {
      // jsdom throws on at least one corpus page: scored as an empty prediction.
      predictions[page.id] = '';
      errors[page.id] = error instanceof Error ? error.message.slice(0, 200) : String(error);
    }
  }
  return { extractor: 'readability', predictions, outcomes: {}, errors, seconds: (performance.now() - start) / 1000 };
}

/** Child-process entry: run one extractor, print its result as JSON on stdout. */
async function worker(name: string): Promise<void> {
  const pages = loadCorpus();
  const result = name === 'storydesk' ? await runStorydesk(pages) : await runReadability(pages);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ...result, peakRssMb }));
}

function spawnWorker(name: string): WorkerResult {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--worker', name], {
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`${name} worker failed: ${child.stderr.slice(0, 2000)}`);
  return JSON.parse(child.stdout) as WorkerResult;
}

interface Scorer {
  scorePage(gold: string, pred: string): { tp: number; fp: number; fn: number; precision: number; recall: number; exact: boolean };
  aggregate(pages: unknown[]): { f1: number; precision: number; recall: number; accuracy: number };
  loadGold(file: string): Map<string, string>;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const workerIndex = args.indexOf('--worker');
  if (workerIndex >= 0) return worker(args[workerIndex + 1] ?? '');

  // The corpus's own scorer, imported rather than re-implemented, so our figures are its figures.
  const scorer = (await import(pathToFileURL(path.join(corpusDir, 'score.mjs')).href)) as Scorer;
  const gold = scorer.loadGold(path.join(corpusDir, 'gold.json'));
  const only = args.includes('--storydesk-only') ? ['storydesk'] : ['storydesk', 'readability'];
  const rows = only.map((name) => {
    const result = spawnWorker(name);
    const pages = [...gold].map(([id, text]) => ({ id, ...scorer.scorePage(text, result.predictions[id] ?? '') }));
    const scores = scorer.aggregate(pages);
    const notArticle = Object.entries(result.outcomes).filter(([, outcome]) => outcome !== 'article');
    return { result, pages, scores, notArticle };
  });

  const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(12) : cell.padStart(10))).join(' ');
  console.log(`extraction benchmark: ${gold.size} pages from ${path.relative(repoRoot, corpusDir)}`);
  console.log(line(['extractor', 'F1', 'precision', 'recall', 'accuracy', 'pages/s', 'peak MB', 'errors']));
  for (const { result, scores } of rows) {
    console.log(
      line([
        result.extractor,
        scores.f1.toFixed(3),
        scores.precision.toFixed(3),
        scores.recall.toFixed(3),
        scores.accuracy.toFixed(3),
        (gold.size / result.seconds).toFixed(1),
        result.peakRssMb.toFixed(0),
        String(Object.keys(result.errors).length),
      ]),
    );
  }
  const ours = rows[0]!;
  if (ours.notArticle.length > 0)
    console.log(`storydesk non-article outcomes: ${ours.notArticle.map(([id, o]) => `${id.slice(0, 8)}=${o}`).join(' ')}`);
  if (args.includes('--per-page')) {
    for (const page of [...ours.pages].sort((a, b) => f1Of(a) - f1Of(b)).slice(0, 40)) {
      console.log(`${page.id.slice(0, 12)} P=${page.precision.toFixed(3)} R=${page.recall.toFixed(3)} ${ours.result.outcomes[page.id]}`);
    }
  }
  if (only.length === 1) return;
  const peer = rows[1]!;
  const summary = {
    corpus: path.relative(repoRoot, corpusDir),
    pages: gold.size,
    node: process.version,
    extractors: rows.map(({ result, scores, notArticle }) => ({
      name: result.extractor,
      ...scores,
      pagesPerSecond: gold.size / result.seconds,
      seconds: result.seconds,
      peakRssMb: result.peakRssMb,
      errors: result.errors,
      nonArticleOutcomes: Object.fromEntries(notArticle),
    })),
    speedup: peer.result.seconds / ours.result.seconds,
  };
  mkdirSync(path.join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(repoRoot, 'bench', 'results', 'extract.json'), JSON.stringify(summary, null, 2) + '\n');
  console.log(`storydesk is ${summary.speedup.toFixed(1)}x Readability's pages/s; written bench/results/extract.json`);
}

function f1Of(page: { precision: number; recall: number }): number {
  return page.precision + page.recall > 0 ? (2 * page.precision * page.recall) / (page.precision + page.recall) : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:extract: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
