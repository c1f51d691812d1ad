import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { keysFor } from '../../src/adapters/keys.js';
import { procUsage, startRole, type RoleProcess } from './procs.js';
import { memoryByGroup, redisCpuSeconds, usedMemory, wipePrefix, type MemoryBreakdown } from './redis.js';
import { keepAllEvents, stageTiming, type StageTiming } from './stages.js';

/** How one pipeline run is set up. */
export interface PipelineRunOptions {
  repoRoot: string;
  redisUrl: string;
  redis: Redis;
  outletsFile: string;
  expectedArticles: number;
  extractProcesses: number;
  /** Env every role process gets (politeness, concurrency, log level). */
  env: Record<string, string>;
  /** Give up when no article was stored or clustered for this long. */
  stallMs: number;
  /** Run this role's process(es) under `node --cpu-prof` into this directory. */
  profile?: { role: ProfiledRole; dir: string };
}

/** Roles whose process can run under `node --cpu-prof`. */
export type ProfiledRole = 'extract' | 'cluster' | 'story' | 'poll';

/** One process of a run: what it ran and what it used. */
export interface ProcessReport {
  label: string;
  roles: string;
  /** CPU seconds while the pipeline worked (start-up excluded). */
  cpuSeconds: number;
  peakRssMb: number;
}

/** What one run of the real pipeline measured. */
export interface PipelineRunResult {
  extractProcesses: number;
  articles: number;
  clustered: number;
  /** Story candidates the run ended with. */
  stories: number;
  /** First poll taken → the last job of the extract, cluster and story queues finished, seconds (Redis clock). */
  seconds: number;
  articlesPerSecond: number;
  stages: Record<'poll' | 'extract' | 'cluster' | 'story', StageTiming>;
  processes: ProcessReport[];
  redisCpuSeconds: number;
  /** CPU seconds of every process of the run (Redis included) per article. */
  cpuMsPerArticle: number;
  /** used_memory after minus before, less the event streams the bench kept, per article. */
  redisBytesPerArticle: number;
  /** MEMORY USAGE per key family (event streams excluded), per article. */
  memoryPerArticle: Record<string, number>;
  memory: MemoryBreakdown;
}

const QUEUES = ['poll', 'extract', 'cluster', 'story'] as const;
/** The queues a run waits to drain (poll keeps its schedulers' next runs delayed). */
const DRAINED = ['extract', 'cluster', 'story'] as const;

/**
 * Runs the real pipeline as separate role processes (cluster, story, N × extract,
 * scheduler+poll) against one Redis under a fresh prefix, until every article is stored and clustered and
 * the extract, cluster and story queues have drained (every story's suggestions refreshed);
 * measures, then stops the processes and wipes the prefix.
 */
export async function runPipeline(options: PipelineRunOptions): Promise<PipelineRunResult> {
  const { redis } = options;
  const prefix = `bench-pipeline-${randomUUID().slice(0, 8)}`;
  const keys = keysFor(prefix);
  const env = { ...options.env, REDIS_URL: options.redisUrl, STORYDESK_PREFIX: prefix, STORYDESK_OUTLETS: options.outletsFile };
  const profiled = (role: string) => (options.profile?.role === role ? ['--cpu-prof', `--cpu-prof-dir=${options.profile.dir}`] : []);
  const memoryBefore = await usedMemory(redis);
  const processes: RoleProcess[] = [];
  const baseline = new Map<RoleProcess, number>();
  try {
    // Consumers first, so nothing queues up waiting for a process to boot. The clustering writer
    // and the story refresher are separate processes, so the operating system runs them on
    // different cores (docs/performance.md, "Layout").
    processes.push(startRole(options.repoRoot, 'cluster', 'cluster', env, profiled('cluster')));
    processes.push(startRole(options.repoRoot, 'story', 'story', env, profiled('story')));
    for (let i = 1; i <= options.extractProcesses; i++)
      processes.push(startRole(options.repoRoot, `extract #${i}`, 'extract', env, profiled('extract')));
    for (const proc of processes) await waitForHeartbeat(redis, keys, proc, options.stallMs);
    // Each role process's queues reset the event streams' cap when they start: raise it after.
    await keepAllEvents(redis, keys.bullPrefix, [...QUEUES]);
    for (const proc of processes) baseline.set(proc, procUsage(proc.child.pid!).cpuSeconds);
    // The lightest consumer's start-up (the story process, with its suggestion code, boots heavier
    // than scheduler+poll: taking the heaviest made the producer's CPU come out negative).
    const bootCpu = Math.min(...baseline.values());
    const redisCpuBefore = await redisCpuSeconds(redis);

    const producer = startRole(options.repoRoot, 'scheduler+poll', 'scheduler,poll', env, profiled('poll'));
    processes.push(producer);
    // Its start-up is not pipeline work; the consumers' start-up cost stands in for it.
    baseline.set(producer, bootCpu);
    await waitForHeartbeat(redis, keys, producer, options.stallMs);
    await keepAllEvents(redis, keys.bullPrefix, [...QUEUES]);

    const { stored, clustered } = await waitForAll(redis, keys, options.expectedArticles, options.stallMs, processes);
    await waitForDrained(redis, keys.bullPrefix, options.stallMs, processes);
    const usage = new Map(processes.map((p) => [p, procUsage(p.child.pid!)]));
    const redisCpu = (await redisCpuSeconds(redis)) - redisCpuBefore;

    const stages = {} as PipelineRunResult['stages'];
    for (const queue of QUEUES) stages[queue] = await stageTiming(redis, keys.bullPrefix, queue);
    const start = stages.poll.firstActiveAt;
    // The story queue's last refresh ends the run: suggestions are part of the work.
    const end = Math.max(...DRAINED.map((queue) => stages[queue].lastFinishedAt));
    const seconds = (end - start) / 1000;

    const stories = await redis.zcard(keys.storiesByTime);
    const memory = await memoryByGroup(redis, prefix);
    // The event streams hold every event only because the bench asked them to: not counted.
    let eventBytes = 0;
    for (const queue of QUEUES) {
      const bytes = Number((await redis.call('MEMORY', 'USAGE', `${keys.bullPrefix}:${queue}:events`, 'SAMPLES', '0')) ?? 0);
      eventBytes += bytes;
      const group = memory[`queue ${queue}`];
      if (group) group.bytes -= bytes;
    }
    const memoryAfter = await usedMemory(redis);

    for (const proc of processes) await proc.stop();
    const reports: ProcessReport[] = processes.map((p) => ({
      label: p.label,
      roles: p.roles,
      cpuSeconds: (usage.get(p)?.cpuSeconds ?? 0) - (baseline.get(p) ?? 0),
      peakRssMb: p.final?.peakRssMb ?? 0,
    }));
    const totalCpu = reports.reduce((sum, p) => sum + p.cpuSeconds, 0) + redisCpu;
    return {
      extractProcesses: options.extractProcesses,
      articles: stored,
      clustered,
      stories,
      seconds,
      articlesPerSecond: stored / seconds,
      stages,
      processes: reports,
      redisCpuSeconds: redisCpu,
      cpuMsPerArticle: (totalCpu * 1000) / stored,
      redisBytesPerArticle: (memoryAfter - memoryBefore - eventBytes) / stored,
      memoryPerArticle: Object.fromEntries(Object.entries(memory).map(([group, m]) => [group, m.bytes / stored])),
      memory,
    };
  } finally {
    for (const proc of processes) await proc.stop();
    await wipePrefix(redis, prefix);
  }
}

/** A role process is ready once its heartbeat key exists (it is written after its workers start). */
export async function waitForHeartbeat(
  redis: Redis,
  keys: ReturnType<typeof keysFor>,
  proc: RoleProcess,
  timeoutMs: number,
): Promise<void> {
  const role = proc.roles
    .split(',')
    .filter((r) => r !== 'web')
    .pop()!;
  const key = keys.heartbeat(role, `${hostname()}:${proc.child.pid}`);
  const deadline = Date.now() + timeoutMs;
  while (!(await redis.exists(key))) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.label} exited with ${proc.child.exitCode}: ${proc.output.slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`${proc.label} did not start within ${timeoutMs} ms: ${proc.output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function waitForAll(
  redis: Redis,
  keys: ReturnType<typeof keysFor>,
  expected: number,
  stallMs: number,
  processes: RoleProcess[],
): Promise<{ stored: number; clustered: number }> {
  let last = { stored: -1, clustered: -1 };
  let lastChange = Date.now();
  for (;;) {
    const [stored, clustered] = await Promise.all([redis.zcard(keys.articlesByTime), redis.hlen(keys.articleStory)]);
    if (stored >= expected && clustered >= expected) return { stored, clustered };
    if (stored !== last.stored || clustered !== last.clustered) {
      last = { stored, clustered };
      lastChange = Date.now();
    }
    const dead = processes.find((p) => p.child.exitCode !== null);
    if (dead) throw new Error(`${dead.label} exited with ${dead.child.exitCode}: ${dead.output.slice(-2000)}`);
    if (Date.now() - lastChange > stallMs) {
      throw new Error(
        `pipeline stalled at ${stored} stored / ${clustered} clustered of ${expected}; output: ${processes.map((p) => `${p.label}: ${p.output.slice(-500)}`).join(' | ')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Jobs still to do in a queue: waiting, active, delayed (retries) or prioritized. */
async function pending(redis: Redis, bullPrefix: string, queue: string): Promise<number> {
  const key = (name: string) => `${bullPrefix}:${queue}:${name}`;
  const [wait, active, delayed, prioritized] = await Promise.all([
    redis.llen(key('wait')),
    redis.llen(key('active')),
    redis.zcard(key('delayed')),
    redis.zcard(key('prioritized')),
  ]);
  return wait + active + delayed + prioritized;
}

/** Wait until the extract, cluster and story queues hold no job (twice in a row, 100 ms apart). */
async function waitForDrained(redis: Redis, bullPrefix: string, stallMs: number, processes: RoleProcess[]): Promise<void> {
  let last = -1;
  let lastChange = Date.now();
  let emptyChecks = 0;
  for (;;) {
    const counts = await Promise.all(DRAINED.map((queue) => pending(redis, bullPrefix, queue)));
    const total = counts.reduce((a, b) => a + b, 0);
    emptyChecks = total === 0 ? emptyChecks + 1 : 0;
    if (emptyChecks >= 2) return;
    if (total !== last) {
      last = total;
      lastChange = Date.now();
    }
    const dead = processes.find((p) => p.child.exitCode !== null);
    if (dead) throw new Error(`${dead.label} exited with ${dead.child.exitCode}: ${dead.output.slice(-2000)}`);
    if (Date.now() - lastChange > stallMs)
      throw new Error(`queues did not drain: ${DRAINED.map((q, i) => `${q} ${counts[i]}`).join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
