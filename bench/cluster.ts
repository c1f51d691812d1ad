/**
 * Story clustering benchmark: storydesk (through clusterStream, the code `storydesk cluster`
 * runs) beside a plain online TF-IDF centroid baseline (one threshold tuned on each dev
 * stream; with dates, also a same-day window), on the dev streams of
 * ../shared/corpora/clustering, scored with that folder's score.mjs. Then the per-article
 * time over the first and last 10% of a long stream (the AllSides stream repeated with fresh
 * ids and dates 100 days apart). Writes bench/results/cluster.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { clusterStream, createClusterer } from '../src/core/cluster/index.js';

interface Row { id: string; title: string; text: string; date: string | null; lang?: string; outlet?: string; cluster: string }
interface Scores { bcubed: { precision: number; recall: number; f1: number }; pairwise: { f1: number }; nmi: number; pred_clusters: number }
type Scorer = (gold: Map<string, string>, pred: Map<string, string>) => Scores;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = resolve(repoRoot, '../shared/corpora/clustering');
const load = (file: string): Row[] => readFileSync(resolve(corpus, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);

/** Fixed-seed shuffle (LCG + Fisher–Yates), so the content-only stream is the same every run. */
function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---- baseline: plain online TF-IDF centroid clustering (scan of all clusters, one threshold) ----
const STOP = new Set('a an the of to in and or for on at by with from as is are was were be been it its that this he she they his her their has have had will would not but said says'.split(' '));
const words = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w));

function baseline(rows: Row[], threshold: number, sameDay: boolean): Map<string, string> {
  const df = new Map<string, number>();
  let n = 0;
  const clusters: Array<{ id: string; day: string | null; sum: Map<string, number> }> = [];
  const out = new Map<string, string>();
  for (const row of rows) {
    const tf = new Map<string, number>();
    for (const w of words(`${row.title} ${row.text}`)) tf.set(w, (tf.get(w) ?? 0) + 1);
    n++;
    for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
    const idf = (w: string) => Math.log((n + 1) / ((df.get(w) ?? 0) + 1)) + 1;
    const vec = new Map<string, number>();
    let norm = 0;
    for (const [w, c] of tf) { const x = c * idf(w); vec.set(w, x); norm += x * x; }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of vec) vec.set(w, x / norm);
    let best: (typeof clusters)[number] | null = null;
    let bestScore = -1;
    const day = row.date ? row.date.slice(0, 10) : null;
    for (const c of clusters) {
      if (sameDay && c.day !== day) continue;
      let dot = 0;
      let cn = 0;
      for (const [w, x] of c.sum) { cn += x * x; const q = vec.get(w); if (q) dot += q * x; }
      const score = cn ? dot / Math.sqrt(cn) : 0;
      if (score > bestScore) { bestScore = score; best = c; }
    }
    if (!best || bestScore < threshold) { best = { id: `b${clusters.length}`, day, sum: new Map() }; clusters.push(best); }
    for (const [w, x] of vec) best.sum.set(w, (best.sum.get(w) ?? 0) + x);
    out.set(row.id, best.id);
  }
  return out;
}

async function storydesk(rows: Row[]): Promise<{ pred: Map<string, string>; seconds: number }> {
  const lines = rows.map((r) => JSON.stringify(r));
  const pred = new Map<string, string>();
  const started = performance.now();
  for await (const p of clusterStream(lines)) pred.set(p.id, p.cluster);
  return { pred, seconds: (performance.now() - started) / 1000 };
}

/**
 * Per-article milliseconds over the first and last 10% of a long stream (after a warm-up run).
 * Measured as this process's CPU time per block as well as wall time: the machine is shared,
 * and other processes' load moves wall time by a factor of several within one run, while CPU
 * time shows what the clusterer itself spends.
 */
function flatness(rows: Row[], rounds: number) {
  const stream = [];
  for (let k = 0; k < rounds; k++) {
    for (const r of rows) stream.push({ ...r, id: `${r.id}-${k}`, date: new Date(Date.parse(r.date!) + k * 100 * 86_400_000).toISOString() });
  }
  const warm = createClusterer({ trackChanges: false });
  for (const a of stream.slice(0, 2000)) warm.add(a);
  const clusterer = createClusterer({ trackChanges: false });
  const tenth = Math.floor(stream.length / 10);
  const blocks: Array<{ wallMs: number; cpuMs: number }> = [];
  for (let start = 0; start < stream.length; start += tenth) {
    const wall0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (const a of stream.slice(start, start + tenth)) clusterer.add(a);
    const cpu = process.cpuUsage(cpu0);
    blocks.push({ wallMs: performance.now() - wall0, cpuMs: (cpu.user + cpu.system) / 1000 });
  }
  const per = (ms: number, n: number) => ms / n;
  const lastCount = stream.length - tenth * (blocks.length - 1);
  const first = blocks[0]!;
  const last = blocks[blocks.length - 1]!;
  const wall = blocks.reduce((s, b) => s + b.wallMs, 0);
  const cpu = blocks.reduce((s, b) => s + b.cpuMs, 0);
  return {
    articles: stream.length,
    firstMs: per(first.wallMs, tenth), lastMs: per(last.wallMs, lastCount), ratio: per(last.wallMs, lastCount) / per(first.wallMs, tenth),
    firstCpuMs: per(first.cpuMs, tenth), lastCpuMs: per(last.cpuMs, lastCount), cpuRatio: per(last.cpuMs, lastCount) / per(first.cpuMs, tenth),
    articlesPerSecond: stream.length / (wall / 1000), articlesPerCpuSecond: stream.length / (cpu / 1000),
  };
}

async function main(): Promise<void> {
  const { score } = (await import(pathToFileURL(resolve(corpus, 'score.mjs')).href)) as { score: Scorer };
  const allsides = load('allsides.dev.jsonl');
  const streams: Array<{ name: string; rows: Row[]; sameDay: boolean }> = [
    { name: 'allsides-dated', rows: allsides, sameDay: true },
    { name: 'allsides-content-only', rows: shuffled(allsides.map((r) => ({ ...r, date: null })), 20261128), sameDay: false },
    { name: 'gnews-headlines', rows: load('gnews-mstream.dev.jsonl'), sameDay: false },
  ];
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const line = (label: string, s: Scores, rate: number | null) =>
    `  ${label.padEnd(30)} B3 P ${pct(s.bcubed.precision)} R ${pct(s.bcubed.recall)} F1 ${pct(s.bcubed.f1)} | pairwise F1 ${pct(s.pairwise.f1)} | NMI ${pct(s.nmi)} | stories ${String(s.pred_clusters).padStart(4)}` +
    (rate === null ? '' : ` | ${rate.toFixed(0)} articles/s`);
  const results: Record<string, unknown> = {};
  for (const stream of streams) {
    const gold = new Map(stream.rows.map((r) => [r.id, r.cluster]));
    const ours = await storydesk(stream.rows);
    const oursScore = score(gold, ours.pred);
    const tune = (sameDay: boolean) => {
      let best = { threshold: 0, scores: null as Scores | null, rate: 0 };
      for (let th = 0.05; th <= 0.701; th += 0.025) {
        const t0 = performance.now();
        const pred = baseline(stream.rows, th, sameDay);
        const rate = stream.rows.length / ((performance.now() - t0) / 1000);
        const s = score(gold, pred);
        if (!best.scores || s.bcubed.f1 > best.scores.bcubed.f1) best = { threshold: Number(th.toFixed(3)), scores: s, rate };
      }
      return best;
    };
    const base = tune(false);
    const day = stream.sameDay ? tune(true) : null;
    console.log(`${stream.name} (${stream.rows.length} articles, ${gold.size && new Set(gold.values()).size} gold stories)`);
    console.log(line('storydesk', oursScore, stream.rows.length / ours.seconds));
    console.log(line(`baseline th=${base.threshold}`, base.scores!, base.rate));
    if (day) console.log(line(`baseline same-day th=${day.threshold}`, day.scores!, day.rate));
    results[stream.name] = {
      storydesk: { ...oursScore, articlesPerSecond: stream.rows.length / ours.seconds },
      baseline: { threshold: base.threshold, ...base.scores, articlesPerSecond: base.rate },
      ...(day ? { baselineSameDay: { threshold: day.threshold, ...day.scores, articlesPerSecond: day.rate } } : {}),
    };
  }
  const flat = flatness(allsides, 20);
  console.log(`long stream (${flat.articles} articles: AllSides x20, fresh ids, dates +100 days per round)`);
  console.log(`  storydesk wall ${flat.articlesPerSecond.toFixed(0)} articles/s, per article first 10% ${(flat.firstMs * 1000).toFixed(0)} µs, last 10% ${(flat.lastMs * 1000).toFixed(0)} µs, last/first ${flat.ratio.toFixed(2)}`);
  console.log(`  storydesk CPU  ${flat.articlesPerCpuSecond.toFixed(0)} articles/CPU-s, per article first 10% ${(flat.firstCpuMs * 1000).toFixed(0)} µs, last 10% ${(flat.lastCpuMs * 1000).toFixed(0)} µs, last/first ${flat.cpuRatio.toFixed(2)}`);
  // The machine is shared: speed figures mean little without the load they were measured under.
  const loadAverage = loadavg().map((x) => x.toFixed(2)).join(', ');
  console.log(`  load average (1, 5, 15 min) at the end: ${loadAverage}`);
  results.longStream = { ...flat, loadAverage: loadavg() };
  mkdirSync(resolve(repoRoot, 'bench/results'), { recursive: true });
  writeFileSync(resolve(repoRoot, 'bench/results/cluster.json'), JSON.stringify(results, null, 2) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:cluster: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
