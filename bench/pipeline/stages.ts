import type { Redis } from 'ioredis';

/** Timing of one queue's jobs, from BullMQ's event stream (Redis clock, ms). */
export interface StageTiming {
  jobs: number;
  /** First job taken → last job finished, seconds. */
  spanSeconds: number;
  /** Mean and 95th percentile of processedOn → finishedOn, ms. */
  workMeanMs: number;
  workP95Ms: number;
  /** Mean of timestamp (added) → processedOn, ms: time spent waiting in the queue. */
  waitMeanMs: number;
  /** Sum of work over the span: how many jobs were in progress on average. */
  busy: number;
  firstActiveAt: number;
  lastFinishedAt: number;
  /** Return values of completed jobs, counted by their `outcome` field. */
  outcomes: Record<string, number>;
}

/**
 * BullMQ writes added/active/completed events with the job id to `<queue>:events`; the
 * stream ids are Redis times, the same clock as the jobs' timestamp/processedOn/finishedOn.
 * Completed jobs themselves are removed after a count, so the stream is where every job's
 * times survive (the bench raises its length cap beforehand).
 */
export async function stageTiming(redis: Redis, bullPrefix: string, queue: string): Promise<StageTiming> {
  const key = `${bullPrefix}:${queue}:events`;
  const added = new Map<string, number>();
  const active = new Map<string, number>();
  const work: number[] = [];
  const waits: number[] = [];
  const outcomes: Record<string, number> = {};
  let firstActiveAt = Infinity;
  let lastFinishedAt = 0;
  let start = '-';
  for (;;) {
    const entries = await redis.xrange(key, start, '+', 'COUNT', 5000);
    for (const [id, flat] of entries) {
      const at = Number(id.split('-')[0]);
      const fields: Record<string, string> = {};
      for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!;
      const jobId = fields.jobId;
      if (!jobId) continue;
      if (fields.event === 'added' || fields.event === 'waiting') {
        if (!added.has(jobId)) added.set(jobId, at);
      } else if (fields.event === 'active') {
        active.set(jobId, at);
        firstActiveAt = Math.min(firstActiveAt, at);
        const queued = added.get(jobId);
        if (queued !== undefined) waits.push(at - queued);
      } else if (fields.event === 'completed') {
        const began = active.get(jobId);
        if (began !== undefined) work.push(at - began);
        lastFinishedAt = Math.max(lastFinishedAt, at);
        const outcome = outcomeOf(fields.returnvalue);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
    }
    if (entries.length < 5000) break;
    start = `(${entries[entries.length - 1]![0]}`;
  }
  const span = Math.max(1, lastFinishedAt - firstActiveAt);
  const sum = work.reduce((a, b) => a + b, 0);
  return {
    jobs: work.length,
    spanSeconds: work.length ? span / 1000 : 0,
    workMeanMs: work.length ? sum / work.length : 0,
    workP95Ms: percentile(work, 0.95),
    waitMeanMs: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : 0,
    busy: work.length ? sum / span : 0,
    firstActiveAt: Number.isFinite(firstActiveAt) ? firstActiveAt : 0,
    lastFinishedAt,
    outcomes,
  };
}

/** Let a queue's event stream hold every event of the run (BullMQ trims it to 10,000 by default). */
export async function keepAllEvents(redis: Redis, bullPrefix: string, queues: string[]): Promise<void> {
  for (const queue of queues) await redis.hset(`${bullPrefix}:${queue}:meta`, 'opts.maxLenEvents', '10000000');
}

function outcomeOf(returnvalue: string | undefined): string {
  if (!returnvalue) return 'none';
  try {
    const value = JSON.parse(returnvalue) as { outcome?: unknown; storyId?: unknown };
    if (typeof value.outcome === 'string') return value.outcome;
    return value.storyId ? 'clustered' : 'other';
  } catch {
    return 'other';
  }
}

function percentile(values: number[], q: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
