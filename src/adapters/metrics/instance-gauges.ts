import type { Redis } from 'ioredis';
import { Gauge, Registry } from 'prom-client';
import { liveHeartbeats } from '../heartbeat.js';
import type { Queues } from '../queue/queues.js';
import type { Store } from '../store/store.js';
import { redisMemory } from './redis-info.js';

/** Queue states reported as depths. */
export const DEPTH_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** How long the open-candidates count is reused: counting reads every candidate. */
const CANDIDATES_CACHE_MS = 30_000;

/**
 * Gauges about the whole instance, read from Redis at scrape time (so every web process
 * reports the same values): queue depths, open candidates, live workers, Redis memory.
 */
export function createInstanceGauges(deps: { redis: Redis; queues: Queues; store: Store; now?: () => number }): Registry {
  const registry = new Registry();
  const registers = [registry];
  const now = deps.now ?? Date.now;
  const { queues, store, redis } = deps;

  new Gauge({
    name: 'storydesk_queue_jobs',
    help: 'Jobs in each queue by state (waiting includes prioritized).',
    labelNames: ['queue', 'state'],
    registers,
    async collect() {
      for (const queue of queues.all) {
        const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
        this.set({ queue: queue.name, state: 'waiting' }, (counts.waiting ?? 0) + (counts.prioritized ?? 0));
        for (const state of DEPTH_STATES.slice(1)) this.set({ queue: queue.name, state }, counts[state] ?? 0);
      }
    },
  });

  let candidates: { at: number; value: number } | null = null;
  new Gauge({
    name: 'storydesk_candidates_open',
    help: 'Story candidates not yet published or rejected.',
    registers,
    async collect() {
      if (!candidates || now() - candidates.at > CANDIDATES_CACHE_MS) candidates = { at: now(), value: await countOpenCandidates(store) };
      this.set(candidates.value);
    },
  });

  new Gauge({
    name: 'storydesk_workers_live',
    help: 'Processes with a fresh heartbeat, per role.',
    labelNames: ['role'],
    registers,
    async collect() {
      this.reset();
      const beats = await liveHeartbeats(redis, store.keys);
      for (const role of new Set(beats.map((b) => b.role))) this.set({ role }, beats.filter((b) => b.role === role).length);
    },
  });

  new Gauge({
    name: 'storydesk_redis_memory_used_bytes',
    help: 'Redis used_memory.',
    registers,
    async collect() {
      this.set((await redisMemory(redis)).usedBytes);
    },
  });
  new Gauge({
    name: 'storydesk_redis_memory_max_bytes',
    help: 'Redis maxmemory (0: no limit).',
    registers,
    async collect() {
      this.set((await redisMemory(redis)).maxBytes);
    },
  });
  return registry;
}

/** Candidates whose status is candidate or in_review, read in batches. */
export async function countOpenCandidates(store: Store): Promise<number> {
  const batch = 500;
  let open = 0;
  for (let offset = 0; ; offset += batch) {
    const ids = await store.stories.listIds(offset, batch);
    if (!ids.length) return open;
    open += (await store.stories.getMany(ids)).filter((s) => s.status === 'candidate' || s.status === 'in_review').length;
    if (ids.length < batch) return open;
  }
}
