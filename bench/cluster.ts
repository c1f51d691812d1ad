/**
 * Story clustering benchmark. The clusterer's linking model is learned, so it is only ever
 * scored on stories it was not trained on:
 *   (a) k-fold cross-validation by story: the stories of each dev dataset are cut into k folds;
 *       a model trained on every dev stream without fold f's stories clusters the whole stream,
 *       and only fold f's articles are scored (B-cubed with the predicted clusters as they are
 *       in the whole stream, so the other stories still compete). Mean ± sd over folds.
 *   (b) cross-dataset: trained on AllSides dev only, scored on Google News dev, and the reverse.
 * Beside each stream: a plain online TF-IDF centroid baseline with its one threshold tuned on that
 * very stream (in-sample, so it is the baseline's best case), the same with the one threshold tuned
 * on AllSides dev content only (the peer as held-out scores quote it), and with dates a same-day window.
 * Then the per-article time over the first and last 10% of a long stream (median of three runs). Writes
 * bench/results/cluster.json. Everything goes through clusterStream, the code `storydesk cluster` runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { clusterStream, createClusterer, LINK_FEATURES, type LinkModel } from '../src/core/cluster/index.js';
import {
  collectCandidates,
  defaultTrainOptions,
  fitLinkModel,
  type CandidateList,
  type LabelledArticle,
} from '../src/core/cluster/training.js';
import { generateWorld } from '../src/demo/index.js';
import { corpusDir, devStreams, extractionPages, repoRoot, TRAINING_DATASETS, type DevStream } from './cluster-data.js';

interface Scores {
  bcubed: { precision: number; recall: number; f1: number };
  pairwise: { f1: number };
  nmi: number;
  pred_clusters: number;
}
type Scorer = (gold: Map<string, string>, pred: Map<string, string>) => Scores;
interface B3 {
  precision: number;
  recall: number;
  f1: number;
}

const FOLDS = 5;
// Ablations: `--l2 X` and `--exclude f1,f2` measure another penalty or a model without those
// features, `--max-log-odds X` another cap on the stream prior's shift.
const flag = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const trainOptions = {
  ...defaultTrainOptions,
  ...(flag('--l2') ? { l2: Number(flag('--l2')) } : {}),
  ...(flag('--exclude') ? { exclude: flag('--exclude')!.split(',') } : {}),
};
for (const name of trainOptions.exclude ?? [])
  if (!(LINK_FEATURES as readonly string[]).includes(name))
    throw new Error(`--exclude: no feature "${name}" (${LINK_FEATURES.join(', ')})`);
const clusterOverrides = flag('--max-log-odds') ? { prior: { maxLogOdds: Number(flag('--max-log-odds')) } } : {};

// ---- baseline: plain online TF-IDF centroid clustering (scan of all clusters, one threshold) ----
const STOP = new Set(
  'a an the of to in and or for on at by with from as is are was were be been it its that this he she they his her their has have had will would not but said says'.split(
    ' ',
  ),
);
const words = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w));

function baseline(rows: LabelledArticle[], threshold: number, sameDay: boolean): Map<string, string> {
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
    for (const [w, c] of tf) {
      const x = c * idf(w);
      vec.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of vec) vec.set(w, x / norm);
    let best: (typeof clusters)[number] | null = null;
    let bestScore = -1;
    const day = row.date ? row.date.slice(0, 10) : null;
    for (const c of clusters) {
      if (sameDay && c.day !== day) continue;
      let dot = 0;
      let cn = 0;
      for (const [w, x] of c.sum) {
        cn += x * x;
        const q = vec.get(w);
        if (q) dot += q * x;
      }
      const score = cn ? dot / Math.sqrt(cn) : 0;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    if (!best || bestScore < threshold) {
      best = { id: `b${clusters.length}`, day, sum: new Map() };
      clusters.push(best);
    }
    for (const [w, x] of vec) best.sum.set(w, (best.sum.get(w) ?? 0) + x);
    out.set(row.id, best.id);
  }
  return out;
}

/** The baseline's threshold (0.05 to 0.70 in steps of 0.025) with the best B3 F1 on `rows`, and its scores. */
function tuneBaseline(rows: LabelledArticle[], score: Scorer, sameDay: boolean): { threshold: number; scores: Scores } {
  const gold = new Map(rows.map((r) => [r.id, r.cluster]));
  let best: { threshold: number; scores: Scores } | null = null;
  for (let th = 0.05; th <= 0.701; th += 0.025) {
    const s = score(gold, baseline(rows, th, sameDay));
    if (!best || s.bcubed.f1 > best.scores.bcubed.f1) best = { threshold: Number(th.toFixed(3)), scores: s };
  }
  return best!;
}

async function predict(rows: LabelledArticle[], model: LinkModel): Promise<{ pred: Map<string, string>; seconds: number }> {
  const lines = rows.map((r) => JSON.stringify(r));
  const pred = new Map<string, string>();
  const started = performance.now();
  for await (const p of clusterStream(lines, { clusterOptions: { ...clusterOverrides, model } })) pred.set(p.id, p.cluster);
  return { pred, seconds: (performance.now() - started) / 1000 };
}

/** B-cubed over the articles in `scored`, with each article's predicted cluster as it is in the whole stream. */
function bcubedOn(rows: LabelledArticle[], pred: Map<string, string>, scored: (row: LabelledArticle) => boolean): B3 {
  const byPred = new Map<string, LabelledArticle[]>();
  const goldSize = new Map<string, number>();
  for (const row of rows) {
    const c = pred.get(row.id)!;
    byPred.set(c, [...(byPred.get(c) ?? []), row]);
    goldSize.set(row.cluster, (goldSize.get(row.cluster) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  let n = 0;
  for (const row of rows) {
    if (!scored(row)) continue;
    const members = byPred.get(pred.get(row.id)!)!;
    const same = members.filter((m) => m.cluster === row.cluster).length;
    p += same / members.length;
    r += same / goldSize.get(row.cluster)!;
    n++;
  }
  const precision = p / n;
  const recall = r / n;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

/** The fold of a story: stories sorted by id, dealt round-robin after a fixed shuffle of that order. */
function foldsOf(rows: LabelledArticle[]): Map<string, number> {
  const ids = [...new Set(rows.map((r) => r.cluster))].sort();
  let s = 20261204;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return new Map(ids.map((id, i) => [id, i % FOLDS]));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / Math.max(1, xs.length - 1));

/**
 * Per-article milliseconds over the first and last 10% of a long stream (after a warm-up run),
 * as wall time and as this process's CPU time (the machine is shared; CPU time shows what the
 * clusterer itself spends).
 */
function flatness(rows: LabelledArticle[], rounds: number) {
  const stream = [];
  for (let k = 0; k < rounds; k++) {
    for (const r of rows)
      stream.push({ ...r, id: `${r.id}-${k}`, date: new Date(Date.parse(r.date!) + k * 100 * 86_400_000).toISOString() });
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
  const lastCount = stream.length - tenth * (blocks.length - 1);
  const first = blocks[0]!;
  const last = blocks[blocks.length - 1]!;
  const wall = blocks.reduce((s, b) => s + b.wallMs, 0);
  const cpu = blocks.reduce((s, b) => s + b.cpuMs, 0);
  return {
    articles: stream.length,
    firstMs: first.wallMs / tenth,
    lastMs: last.wallMs / lastCount,
    ratio: last.wallMs / lastCount / (first.wallMs / tenth),
    firstCpuMs: first.cpuMs / tenth,
    lastCpuMs: last.cpuMs / lastCount,
    cpuRatio: last.cpuMs / lastCount / (first.cpuMs / tenth),
    articlesPerSecond: stream.length / (wall / 1000),
    articlesPerCpuSecond: stream.length / (cpu / 1000),
  };
}

async function main(): Promise<void> {
  if (process.argv.includes('--long-stream-only')) {
    process.stdout.write(JSON.stringify(flatness(devStreams()[0]!.articles, 20)) + '\n');
    return;
  }
  const { score } = (await import(pathToFileURL(resolve(corpusDir, 'score.mjs')).href)) as { score: Scorer };
  const streams = devStreams();
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const b3 = (s: B3) => `B3 P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)}`;
  const results: Record<string, unknown> = {};

  // Teacher-forced candidates once per stream; a fold's training set is these minus its stories.
  const candidates = new Map(
    streams.filter((s) => s.train !== false).map((s) => [s.name, { stream: s, lists: collectCandidates(s.training ?? s.articles) }]),
  );
  const trainOn = (keep: (s: DevStream, article: { cluster: string }) => boolean) =>
    fitLinkModel(
      [...candidates.values()]
        .filter(({ stream }) => stream.train !== false)
        .map(({ stream, lists }) => ({
          name: stream.name,
          dataset: stream.dataset,
          lists: lists.filter((list: CandidateList) => keep(stream, list)),
        }))
        .filter((s) => s.lists.length > 0),
      trainOptions,
    );

  // The peer as the held-out scores quote it: one threshold, tuned on AllSides dev (content only,
  // as the plain baseline reads no dates), applied unchanged to every stream.
  const contentOnly = streams.find((s) => s.name === 'allsides-content-only')!.articles;
  const peerThreshold = process.argv.includes('--quick') ? 0 : tuneBaseline(contentOnly, score, false).threshold;

  for (const stream of streams) {
    const rows = stream.articles;
    const gold = new Map(rows.map((r) => [r.id, r.cluster]));
    const folds = foldsOf(rows);
    // (a) cross-validation by story.
    const perFold: B3[] = [];
    const pooled = new Map<string, string>();
    for (let f = 0; f < FOLDS; f++) {
      const held = (a: { cluster: string }) => folds.get(a.cluster) === f;
      const model = trainOn((s, a) => TRAINING_DATASETS.includes(s.dataset) && (s.dataset !== stream.dataset || !held(a)));
      const { pred } = await predict(rows, model);
      perFold.push(bcubedOn(rows, pred, held));
      for (const row of rows) if (held(row)) pooled.set(row.id, `${f}:${pred.get(row.id)!}`);
    }
    const cv = {
      f1: { mean: mean(perFold.map((s) => s.f1)), sd: sd(perFold.map((s) => s.f1)) },
      precision: { mean: mean(perFold.map((s) => s.precision)), sd: sd(perFold.map((s) => s.precision)) },
      recall: { mean: mean(perFold.map((s) => s.recall)), sd: sd(perFold.map((s) => s.recall)) },
      folds: perFold,
    };
    // When the recipe leaves this dataset out of training, also show what training on it would give.
    let withOwn: B3 | null = null;
    if (!TRAINING_DATASETS.includes(stream.dataset)) {
      const scores: B3[] = [];
      for (let f = 0; f < FOLDS; f++) {
        const held = (a: { cluster: string }) => folds.get(a.cluster) === f;
        const { pred } = await predict(
          rows,
          trainOn((s, a) => s.dataset !== stream.dataset || !held(a)),
        );
        scores.push(bcubedOn(rows, pred, held));
      }
      withOwn = {
        precision: mean(scores.map((x) => x.precision)),
        recall: mean(scores.map((x) => x.recall)),
        f1: mean(scores.map((x) => x.f1)),
      };
    }
    // (b) across datasets: trained only on the other dataset's streams.
    const crossModel = trainOn((s) => s.dataset !== stream.dataset);
    const cross = await predict(rows, crossModel);
    const crossScores = score(gold, cross.pred);

    const quick = process.argv.includes('--quick');
    const tune = (sameDay: boolean) => (quick ? { threshold: 0, scores: score(gold, new Map()) } : tuneBaseline(rows, score, sameDay));
    const base = tune(false);
    const day = stream.dated ? tune(true) : null;
    const peer = quick ? null : score(gold, baseline(rows, peerThreshold, false));
    const ms = (x: { mean: number; sd: number }) => `${pct(x.mean)} ± ${(100 * x.sd).toFixed(1)}`;
    console.log(`${stream.name} (${rows.length} articles, ${new Set(gold.values()).size} gold stories)`);
    console.log(`  storydesk, ${FOLDS}-fold CV by story   B3 P ${ms(cv.precision)} R ${ms(cv.recall)} F1 ${ms(cv.f1)}`);
    if (withOwn) console.log(`  (not used) CV with ${stream.dataset} in training ${b3(withOwn)}`);
    console.log(
      `  storydesk, trained on ${stream.dataset === 'allsides' ? 'Google News ' : 'AllSides    '}  ${b3(crossScores.bcubed)} | pairwise F1 ${pct(crossScores.pairwise.f1)} | stories ${crossScores.pred_clusters} | ${(rows.length / cross.seconds).toFixed(0)} articles/s`,
    );
    console.log(
      `  baseline th=${String(base.threshold).padEnd(5)} (tuned here)  ${b3(base.scores!.bcubed)} | pairwise F1 ${pct(base.scores!.pairwise.f1)} | stories ${base.scores!.pred_clusters}`,
    );
    if (day)
      console.log(
        `  same-day th=${String(day.threshold).padEnd(5)} (tuned here)  ${b3(day.scores!.bcubed)} | pairwise F1 ${pct(day.scores!.pairwise.f1)} | stories ${day.scores!.pred_clusters}`,
      );
    if (peer)
      console.log(
        `  baseline th=${String(peerThreshold).padEnd(5)} (AllSides's)  ${b3(peer.bcubed)} | pairwise F1 ${pct(peer.pairwise.f1)} | stories ${peer.pred_clusters}`,
      );
    results[stream.name] = {
      crossValidated: { k: FOLDS, trainedOn: TRAINING_DATASETS, ...cv, pooled: score(gold, pooled) },
      ...(withOwn ? { crossValidatedWithOwnDatasetInTraining: withOwn } : {}),
      crossDataset: {
        trainedOn: stream.dataset === 'allsides' ? 'gnews' : 'allsides',
        ...crossScores,
        articlesPerSecond: rows.length / cross.seconds,
      },
      baseline: { threshold: base.threshold, tunedOnThisStream: true, ...base.scores },
      ...(peer ? { baselineAllSidesThreshold: { threshold: peerThreshold, tunedOn: 'allsides-content-only', ...peer } } : {}),
      ...(day ? { baselineSameDay: { threshold: day.threshold, tunedOnThisStream: true, ...day.scores } } : {}),
    };
  }

  results.datesFixture = datesFixture();
  results.syntheticWorld = syntheticWorld();
  results.extractionPages = await extractionPagesRow(score, process.argv.includes('--quick') ? null : peerThreshold);
  if (process.argv.includes('--quick')) return;
  // Three runs, each in a process of its own as a cluster worker runs (not beside the heap the
  // folds above built), and the median: on this kind of shared virtual machine one run of the
  // same code varies by ±15 %.
  const runs = [0, 1, 2].map(
    () =>
      JSON.parse(
        execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--long-stream-only'], { encoding: 'utf8' }),
      ) as ReturnType<typeof flatness>,
  );
  const flat = runs.sort((a, b) => a.articlesPerCpuSecond - b.articlesPerCpuSecond)[1]!;
  const each = runs.map((r) => r.articlesPerCpuSecond.toFixed(0)).join(', ');
  console.log(`long stream (${flat.articles} articles: AllSides x20, fresh ids, dates +100 days per round; median of 3 runs by CPU rate)`);
  console.log(
    `  storydesk wall ${flat.articlesPerSecond.toFixed(0)} articles/s, per article first 10% ${(flat.firstMs * 1000).toFixed(0)} µs, last 10% ${(flat.lastMs * 1000).toFixed(0)} µs, last/first ${flat.ratio.toFixed(2)}`,
  );
  console.log(
    `  storydesk CPU  ${flat.articlesPerCpuSecond.toFixed(0)} articles/CPU-s (runs: ${each}), per article first 10% ${(flat.firstCpuMs * 1000).toFixed(0)} µs, last 10% ${(flat.lastCpuMs * 1000).toFixed(0)} µs, last/first ${flat.cpuRatio.toFixed(2)}`,
  );
  const loadAverage = loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
  console.log(`  load average (1, 5, 15 min) at the end: ${loadAverage}`);
  results.longStream = { ...flat, runsArticlesPerCpuSecond: runs.map((r) => r.articlesPerCpuSecond), loadAverage: loadavg() };
  mkdirSync(resolve(repoRoot, 'bench/results'), { recursive: true });
  writeFileSync(resolve(repoRoot, 'bench/results/cluster.json'), JSON.stringify(results, null, 2) + '\n');
}

/**
 * bench:pipeline's synthetic world (2,000 articles in 300 generated stories, seed 7, 12 outlets)
 * clustered in publication order with the committed model: a check of over-merging on text that
 * no model was fitted on (its stories of one kind share template sentences, see docs/clustering.md).
 */
function syntheticWorld() {
  const world = generateWorld({ seed: 7, outlets: 12, stories: 300, articles: 2000, baseTime: new Date('2026-11-20T12:00:00Z') });
  const articles = world.articles
    .filter((a) => a.storyKey)
    .sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : a.id < b.id ? -1 : 1));
  const clusterer = createClusterer({ ...clusterOverrides, trackChanges: false });
  const pred = new Map<string, string>();
  for (const a of articles)
    pred.set(
      a.id,
      clusterer.add({ id: a.id, title: a.title, text: a.paragraphs.join('\n\n'), date: a.published, outlet: a.outletId, lang: 'en' })
        .storyId,
    );
  const rows = articles.map((a) => ({ id: a.id, cluster: a.storyKey, title: a.title, text: '', date: a.published }));
  const scores = bcubedOn(rows, pred, () => true);
  const stories = new Set(pred.values()).size;
  const gold = new Set(rows.map((r) => r.cluster)).size;
  const pct = (x: number) => (100 * x).toFixed(1);
  console.log(
    `synthetic world (bench:pipeline's, ${rows.length} articles, ${gold} stories): B3 P ${pct(scores.precision)} R ${pct(scores.recall)} F1 ${pct(scores.f1)} | stories ${stories}`,
  );
  return { articles: rows.length, goldStories: gold, stories, ...scores };
}

/**
 * The extraction corpus's 122 real pages as a stream of full texts with hand-labelled events
 * (16 events of 2-4 pages, the rest alone): the only dev stream of long texts, like a newsroom's
 * fetched pages (the labelled dev streams hold 90-word excerpts and headlines). Clustered with the
 * committed model (no dev stream it was trained on holds these pages), beside the TF-IDF baseline
 * tuned on this stream itself and with AllSides's threshold.
 */
async function extractionPagesRow(score: Scorer, peerThreshold: number | null) {
  const rows = extractionPages();
  const gold = new Map(rows.map((r) => [r.id, r.cluster]));
  const lines = rows.map((r) => JSON.stringify(r));
  const pred = new Map<string, string>();
  for await (const p of clusterStream(lines, { clusterOptions: clusterOverrides })) pred.set(p.id, p.cluster);
  const ours = score(gold, pred);
  const base = tuneBaseline(rows, score, false);
  const pct = (x: number) => (100 * x).toFixed(1);
  const line = (s: Scores) =>
    `B3 P ${pct(s.bcubed.precision)} R ${pct(s.bcubed.recall)} F1 ${pct(s.bcubed.f1)} | pairwise F1 ${pct(s.pairwise.f1)} | stories ${s.pred_clusters}`;
  console.log(`extraction pages (${rows.length} full texts, ${new Set(gold.values()).size} hand-labelled events)`);
  console.log(`  storydesk, committed model          ${line(ours)}`);
  console.log(`  baseline th=${String(base.threshold).padEnd(5)} (tuned here)  ${line(base.scores)}`);
  const peer = peerThreshold === null ? null : score(gold, baseline(rows, peerThreshold, false));
  if (peer) console.log(`  baseline th=${String(peerThreshold).padEnd(5)} (AllSides's)  ${line(peer)}`);
  return {
    articles: rows.length,
    events: new Set(gold.values()).size,
    storydesk: ours,
    baseline: { threshold: base.threshold, tunedOnThisStream: true, ...base.scores },
    ...(peer ? { baselineAllSidesThreshold: { threshold: peerThreshold, tunedOn: 'allsides-content-only', ...peer } } : {}),
  };
}

/**
 * The dev fixture of dates-as-evidence cases (tests/fixtures/cluster: a story over three days,
 * two votes on one bill on one day, three AllSides pairs of same-topic same-day events), with
 * the committed model: how many predicted stories each expected story spans (1 is right) and
 * which different stories were merged (none is right).
 */
function datesFixture() {
  const report: Record<string, { spans: Record<string, number>; merged: string[] }> = {};
  for (const file of ['multi-day.jsonl', 'allsides-same-day.jsonl']) {
    const rows = readFileSync(resolve(repoRoot, 'tests/fixtures/cluster', file), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as LabelledArticle & { story: string });
    const clusterer = createClusterer({ trackChanges: false });
    const byStory = new Map<string, Set<string>>();
    const byPred = new Map<string, Set<string>>();
    for (const row of rows) {
      const id = clusterer.add(row).storyId;
      byStory.set(row.story, (byStory.get(row.story) ?? new Set()).add(id));
      byPred.set(id, (byPred.get(id) ?? new Set()).add(row.story));
    }
    const spans = Object.fromEntries([...byStory].map(([story, ids]) => [story, ids.size]));
    const merged = [...byPred.values()].filter((s) => s.size > 1).map((s) => [...s].sort().join(' + '));
    report[file] = { spans, merged };
    console.log(`dates fixture ${file}: stories spanned ${JSON.stringify(spans)}; merged ${merged.length ? merged.join(', ') : 'none'}`);
  }
  return report;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:cluster: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
