/**
 * The whole pipeline measured (issues 11, 14): the real pipeline (scheduler → poll → extract →
 * cluster → story → store, one role per process: cluster, story, N × extract, scheduler+poll; real Redis) on a seeded synthetic news world
 * served on loopback, timed until every queue has drained, against the same work in one
 * process (story refreshes coalesced by the same rule); 1 and 2 extract processes; story
 * refresh CPU as one story grows to 300 articles; and the cost of registering and polling
 * 10,000 feeds. Prints one table, writes bench/results/pipeline.json.
 *
 *   npm run bench:pipeline                          # full run (a few minutes)
 *   node dist/bench/pipeline.js --quick             # a small world, 2,000 feeds
 *   node dist/bench/pipeline.js --profile cluster   # also: that role under node --cpu-prof
 *   node dist/bench/pipeline.js --story-growth      # only the story-growth line (no Redis)
 *   node dist/bench/pipeline.js --page-latency 0    # without the runs whose outlets answer in 150 ms
 *   node dist/bench/pipeline.js --articles 1200 --stories 300 --outlets 30 --feeds 10000 --seed 7
 *   node dist/bench/pipeline.js --articles 2000 --stories 300 --outlets 30 --out bench/results/pipeline-2000.json
 *
 * Redis: REDIS_URL when set (a fresh prefix per run, wiped after), else a private
 * redis-server on a free port.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { defaultClusterOptions } from '../src/core/cluster/index.js';
import type { Politeness } from '../src/core/model/index.js';
import type { BareResult } from './pipeline/bare.js';
import { runFeeds, type FeedsRunResult } from './pipeline/feeds.js';
import { procUsage } from './pipeline/procs.js';
import { startBenchRedis } from './pipeline/redis.js';
import { storyRefreshGrowth, type StoryGrowthResult } from './pipeline/story-growth.js';
import { runPipeline, type PipelineRunResult, type ProfiledRole } from './pipeline/run-pipeline.js';
import { formatReport } from './pipeline/table.js';
import { serveWorld, type WorldSize } from './pipeline/world.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist/bench → repo root. */
const repoRoot = path.resolve(here, '..', '..');

/** Everything one run measured: the JSON written to bench/results/pipeline.json. */
export interface PipelineBenchResult {
  date: string;
  quick: boolean;
  machine: { cpus: number; node: string; loadAverageAtStart: number; loadAverageAtEnd: number };
  world: WorldSize & { feeds: number; meanPageBytes: number };
  politeness: Politeness & { note: string };
  concurrency: { extract: number; poll: number; cluster: number; story: number };
  bare: BareResult;
  pipeline: PipelineRunResult[];
  /** Pipeline (1 extract process) articles/s over the bare work's. */
  ratio: number;
  /**
   * The bare work timed with as many story refreshes as the pipeline did (its refresh time scaled
   * by refreshes done: the pipeline's story worker skips refreshes of stories that grew while the
   * job waited, the bare run, which works its queue off after every article, does not), seconds;
   * and the pipeline's rate over the rate of that.
   */
  bareEqualRefreshesSeconds: number;
  ratioEqualRefreshes: number;
  /** The same on CPU: bare CPU per article over the pipeline's (every process and Redis). */
  cpuRatio: number;
  /** 2 extract processes over 1, articles/s. */
  speedup: number;
  /**
   * The same two runs with every feed and page answering after `delayMs`, as distant outlets do:
   * extract waits on the network, not on the cores, so this shows whether a second extract
   * process shares the work (absent with `--page-latency 0`).
   */
  latency?: { delayMs: number; pipeline: PipelineRunResult[]; speedup: number };
  /**
   * The most any added process could speed the 1-extract run up on this machine: cores × its
   * wall seconds / the CPU seconds of all its processes and Redis (the bench's page server is
   * not counted, so the true ceiling is lower still).
   */
  speedupCeiling: number;
  /** Bytes of Redis per article in a 7-day, 100,000-a-day working set (clusterer window bounded). */
  projectedBytesPerArticle: number;
  projectedGbFor7Days: number;
  feeds: FeedsRunResult;
  /** CPU per story refresh while one story grows to 300 articles: first and last 10% of the joins. */
  storyGrowth: StoryGrowthResult;
  /** Cores to poll all the feeds at these intervals (seconds), poll process + Redis. */
  pollCores: Record<string, number>;
  goals: Record<string, { target: string; measured: string; holds: boolean }>;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const profileAt = args.indexOf('--profile');
  const profileRole = profileAt >= 0 ? (args[profileAt + 1] as ProfiledRole) : undefined;
  const flag = (name: string, fallback: number) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  // The default world keeps a run to a few minutes on a shared machine; docs/performance.md
  // also reports the larger one (--articles 2000 --stories 300 --outlets 30).
  const size: WorldSize = {
    seed: flag('seed', 7),
    outlets: flag('outlets', quick ? 8 : 12),
    stories: flag('stories', quick ? 40 : 100),
    articles: flag('articles', quick ? 120 : 300),
  };
  if (args.includes('--story-growth')) {
    // Just the story-growth line (seconds, no Redis): for profiling the refresh path.
    const g = await storyRefreshGrowth();
    process.stdout.write(
      `story refresh per join, one story → ${g.articles} articles: ${g.firstTenthMs.toFixed(1)} → ${g.lastTenthMs.toFixed(1)} ms, ratio ${g.ratio.toFixed(2)}\n`,
    );
    return;
  }
  const feedCount = flag('feeds', quick ? 2_000 : 10_000);
  // Real outlets answer in a tenth of a second or more; loopback answers at once.
  const pageLatencyMs = flag('page-latency', 150);
  const politeness: Politeness = { maxConcurrent: 64, minDelayMs: 0 };
  const concurrency = { extract: 4, poll: 8, cluster: 1, story: 2 };
  const tmp = mkdtempSync(path.join(tmpdir(), 'storydesk-bench-pipeline-'));
  const profileDir = path.join(tmpdir(), 'storydesk-bench-profiles');
  if (profileRole) mkdirSync(profileDir, { recursive: true });
  const env = {
    LOG_LEVEL: 'warn',
    HOST_MIN_DELAY_MS: String(politeness.minDelayMs),
    HOST_MAX_CONCURRENT: String(politeness.maxConcurrent),
    EXTRACT_CONCURRENCY: String(concurrency.extract),
    POLL_CONCURRENCY: String(concurrency.poll),
    STORY_CONCURRENCY: String(concurrency.story),
    STORYDESK_DATA_DIR: tmp,
  };
  const loadAtStart = loadavg()[0]!;
  const benchRedis = await startBenchRedis();
  const redis = new Redis(benchRedis.url, { maxRetriesPerRequest: null });
  const outletsFile = path.join(tmp, 'outlets.json');
  const log = (message: string) => process.stderr.write(`bench:pipeline: ${message}\n`);
  try {
    log(
      `world ${size.outlets} outlets, ${size.stories} stories, ${size.articles} articles (seed ${size.seed}); Redis ${benchRedis.pid ? 'private' : 'REDIS_URL'}`,
    );
    const served = await serveWorld(size, politeness, outletsFile);
    const expected = served.world.articles.length;

    log('one story growing to 300 articles, refreshed after each join');
    const storyGrowth = await storyRefreshGrowth();

    log('bare work in one process');
    const bare = await runBare(outletsFile);
    if (bare.articles !== expected) throw new Error(`bare run saw ${bare.articles} articles, the world has ${expected}`);

    const pipelinePair = async (profile: boolean): Promise<PipelineRunResult[]> => {
      const runs: PipelineRunResult[] = [];
      for (const extractProcesses of [1, 2]) {
        log(
          `pipeline with ${extractProcesses} extract process(es)${pageLatencyMs && !profile ? `, outlets answering in ${pageLatencyMs} ms` : ''}`,
        );
        runs.push(
          await runPipeline({
            repoRoot,
            redisUrl: benchRedis.url,
            redis,
            outletsFile,
            expectedArticles: expected,
            extractProcesses,
            env,
            stallMs: 60_000,
            profile: profile && profileRole && extractProcesses === 1 ? { role: profileRole, dir: profileDir } : undefined,
          }),
        );
      }
      return runs;
    };
    const pipeline = await pipelinePair(true);
    let latency: PipelineBenchResult['latency'];
    if (pageLatencyMs > 0) {
      served.server.setResponseDelay(pageLatencyMs);
      const runs = await pipelinePair(false);
      latency = { delayMs: pageLatencyMs, pipeline: runs, speedup: runs[1]!.articlesPerSecond / runs[0]!.articlesPerSecond };
    }
    await served.server.close();

    log(`registering ${feedCount} feeds and polling each once`);
    const feeds = await runFeeds({
      repoRoot,
      redisUrl: benchRedis.url,
      redis,
      feeds: feedCount,
      feedsPerOutlet: 100,
      intervalSeconds: 900,
      outletsFile: path.join(tmp, 'feeds.json'),
      env,
      stallMs: 60_000,
    });
    const redisPeakRssMb = benchRedis.pid ? procUsage(benchRedis.pid).peakRssMb : null;

    const [one, two] = pipeline as [PipelineRunResult, PipelineRunResult];
    const bareCpuMsPerArticle = (bare.cpuSeconds * 1000) / bare.articles;
    const projection = projectMemory(one);
    const pollCores = Object.fromEntries(
      [900, 300, 60].map((interval) => [
        `${interval}s`,
        ((feeds.cpuSecondsPer1000Polls + feeds.redisCpuSecondsPer1000Polls) / 1000) * (feeds.feeds / interval),
      ]),
    );
    const ratio = one.articlesPerSecond / (bare.articles / bare.seconds);
    const pipelineRefreshes = one.stages.story.outcomes.refreshed ?? 0;
    const bareEqualRefreshesSeconds =
      bare.seconds - bare.steps.suggest + (bare.steps.suggest / Math.max(1, bare.storyJobs.refreshed)) * pipelineRefreshes;
    const ratioEqualRefreshes = one.articlesPerSecond / (bare.articles / bareEqualRefreshesSeconds);
    const speedup = two.articlesPerSecond / one.articlesPerSecond;
    const cores = cpus().length;
    const speedupCeiling = (cores * one.seconds) / ((one.cpuMsPerArticle * one.articles) / 1000);
    const result: PipelineBenchResult = {
      date: new Date().toISOString(),
      quick,
      machine: { cpus: cores, node: process.version, loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg()[0]! },
      world: { ...size, feeds: served.feeds, meanPageBytes: served.meanPageBytes },
      politeness: { ...politeness, note: 'every outlet is on one loopback host:port; the Redis host limiter still runs for each fetch' },
      concurrency,
      bare,
      pipeline,
      ratio,
      bareEqualRefreshesSeconds,
      ratioEqualRefreshes,
      cpuRatio: bareCpuMsPerArticle / one.cpuMsPerArticle,
      speedup,
      speedupCeiling,
      latency,
      projectedBytesPerArticle: projection.bytesPerArticle,
      projectedGbFor7Days: projection.gb,
      feeds,
      storyGrowth,
      pollCores,
      goals: {
        // Against the bare work with the pipeline's number of refreshes: the stricter of the two ratios.
        'end to end ≥ 70% of bare (same number of refreshes)': {
          target: '≥ 0.70',
          measured: `${ratioEqualRefreshes.toFixed(2)} (${ratio.toFixed(2)} against every refresh)`,
          holds: Math.min(ratio, ratioEqualRefreshes) >= 0.7,
        },
        'speed-up with 2 extract processes': {
          target: '≥ 1.2×',
          measured: `${speedup.toFixed(2)}× (ceiling on ${cores} cores: ${speedupCeiling.toFixed(2)}×, cores × wall / CPU s of the 1-extract run)`,
          holds: speedup >= 1.2,
        },
        ...(latency
          ? {
              [`speed-up with 2 extract processes, outlets answering in ${latency.delayMs} ms`]: {
                target: '≥ 1.2×',
                measured: `${latency.speedup.toFixed(2)}× (${latency.pipeline.map((run) => run.articlesPerSecond.toFixed(1)).join(' → ')} articles/s)`,
                holds: latency.speedup >= 1.2,
              },
            }
          : {}),
        ...(size.articles >= 2_000
          ? {
              'end to end on 2,000+ articles': {
                target: '≥ 50 articles/s',
                measured: `${one.articlesPerSecond.toFixed(1)} articles/s`,
                holds: one.articlesPerSecond >= 50,
              },
            }
          : {}),
        'story refresh CPU per join, last 10% / first 10% of a 300-article story': {
          target: '≤ 1.5',
          measured: `${storyGrowth.ratio.toFixed(2)} (${storyGrowth.lastTenthMs.toFixed(1)} / ${storyGrowth.firstTenthMs.toFixed(1)} ms)`,
          holds: storyGrowth.ratio <= 1.5,
        },
        'Redis per article (7 d × 100k/day in 4 GB)': {
          target: '≤ 5,700 B',
          measured: `${Math.round(projection.bytesPerArticle)} B (${projection.gb.toFixed(2)} GB)`,
          holds: projection.bytesPerArticle <= 5_700,
        },
        'polling 10,000 feeds (every 900 s)': {
          target: '< 1 core',
          measured: `${(pollCores['900s']! * (10_000 / feeds.feeds)).toFixed(3)} cores`,
          holds: pollCores['900s']! * (10_000 / feeds.feeds) < 1,
        },
      },
    };
    const table = formatReport(result, redisPeakRssMb);
    process.stdout.write(table);
    const outAt = args.indexOf('--out');
    const out = outAt >= 0 ? path.resolve(args[outAt + 1]!) : path.join(repoRoot, 'bench', 'results', 'pipeline.json');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    log(`wrote ${path.relative(repoRoot, out)}${profileRole ? `; ${profileRole} profile(s) in ${profileDir}` : ''}`);
  } finally {
    await redis.quit().catch(() => redis.disconnect());
    await benchRedis.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The bare work in its own process (so its CPU and RSS are its own). */
function runBare(outletsFile: string): Promise<BareResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'pipeline', 'bare.js'), outletsFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`bare run exited with ${code}: ${err.slice(-2000)}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as BareResult);
    });
  });
}

/**
 * Redis for 7 days at 100,000 articles a day: everything per article grows with the articles,
 * except the clusterer's window (stories leave it after `idleWindowArticles` arrivals) and the
 * queues (completed jobs are trimmed to a count).
 */
function projectMemory(run: PipelineRunResult): { bytesPerArticle: number; gb: number } {
  const articles = 7 * 100_000;
  const per = run.memoryPerArticle;
  const growing = Object.entries(per)
    .filter(([group]) => group !== 'clusterer' && !group.startsWith('queue'))
    .reduce((sum, [, b]) => sum + b, 0);
  const windowArticles = Math.min(articles, defaultClusterOptions.eviction.idleWindowArticles);
  const queueBytes = Object.entries(run.memory)
    .filter(([group]) => group.startsWith('queue'))
    .reduce((sum, [, m]) => sum + m.bytes, 0);
  const total = articles * growing + windowArticles * (per.clusterer ?? 0) + queueBytes;
  return { bytesPerArticle: total / articles, gb: total / 1e9 };
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:pipeline failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
