import type { Worker } from 'node:worker_threads';
import { threadCpuMs } from './thread-cpu.js';

/**
 * Messages between the pool and a worker. The worker says `ready` once (after loading its
 * corpus, with its OS thread id where known, so the budget can count its CPU time), then answers each `job` with any number of `phase` notes (so a hang can be
 * pinned on a stage) and one `done`.
 */
export type ToWorker<J> = { type: 'job'; job: J };
export type FromWorker<R> = { type: 'ready'; tid?: number | null } | { type: 'phase'; phase: string } | { type: 'done'; value: R };

/** How a job ended: answered, over its time budget (the worker is killed), or the worker died. */
export type PoolOutcome<R> =
  | { status: 'done'; value: R }
  | { status: 'hang'; phase: string | null; ms: number; cpuMs: number | null }
  | { status: 'died'; phase: string | null; error: string };

export interface PoolOptions {
  /** Workers running at once. */
  size: number;
  /**
   * A job that burns this many ms of its worker's CPU time (wall time where the OS does not
   * tell) without answering is a hang; its worker is replaced. Wall time alone is also
   * capped, at `wallFactor` times the budget, for a worker starved or blocked off-CPU.
   */
  budgetMs: number;
  /** Default 10. */
  wallFactor?: number;
  /** Start one worker (the pool replaces workers that hang or die). */
  spawn: () => Worker;
}

interface Pending<J, R> {
  job: J;
  resolve: (outcome: PoolOutcome<R>) => void;
}

interface Slot<J, R> {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  tid: number | null;
  current: (Pending<J, R> & { phase: string | null; started: number; cpuStart: number | null; timer: NodeJS.Timeout }) | null;
}

/**
 * Runs jobs on worker threads, each under a time budget, so one input that hangs a stage is
 * reported as a hang instead of stalling the run, and one that kills a worker (out of memory,
 * a native abort) is reported instead of killing the run.
 */
export class WorkerPool<J, R> {
  private readonly queue: Array<Pending<J, R>> = [];
  private readonly slots = new Set<Slot<J, R>>();
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < Math.max(1, options.size); i++) this.startSlot();
  }

  /** Queue a job; resolves with its outcome, never rejects. */
  run(job: J): Promise<PoolOutcome<R>> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  /** Stop every worker; jobs still queued resolve as `died`. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.resolve({ status: 'died', phase: null, error: 'pool closed' });
    await Promise.all([...this.slots].map((slot) => this.retire(slot)));
  }

  private startSlot(): void {
    if (this.closed) return;
    const slot: Slot<J, R> = { worker: this.options.spawn(), ready: false, dead: false, tid: null, current: null };
    this.slots.add(slot);
    slot.worker.on('message', (message: FromWorker<R>) => this.onMessage(slot, message));
    slot.worker.on('error', (error: Error) => this.onDeath(slot, `${error.name}: ${error.message}`));
    slot.worker.on('exit', (code) => this.onDeath(slot, `worker exited with code ${code}`));
  }

  private onMessage(slot: Slot<J, R>, message: FromWorker<R>): void {
    if (slot.dead) return;
    if (message.type === 'ready') {
      slot.ready = true;
      slot.tid = message.tid ?? null;
    } else if (message.type === 'phase' && slot.current) {
      slot.current.phase = message.phase;
    } else if (message.type === 'done' && slot.current) {
      const { resolve, timer } = slot.current;
      clearTimeout(timer);
      slot.current = null;
      resolve({ status: 'done', value: message.value });
    }
    this.pump();
  }

  private onDeath(slot: Slot<J, R>, error: string): void {
    if (slot.dead) return;
    const current = slot.current;
    void this.retire(slot);
    if (current) {
      clearTimeout(current.timer);
      current.resolve({ status: 'died', phase: current.phase, error });
    } else if (!slot.ready) {
      // A worker that cannot even start would be restarted forever: fail the queued jobs instead.
      this.closed = true;
      for (const pending of this.queue.splice(0))
        pending.resolve({ status: 'died', phase: null, error: `worker failed to start: ${error}` });
      return;
    }
    this.startSlot();
    this.pump();
  }

  private onBudget(slot: Slot<J, R>): void {
    const current = slot.current;
    if (slot.dead || !current) return;
    const wall = performance.now() - current.started;
    const cpuNow = current.cpuStart === null ? null : threadCpuMs(slot.tid);
    const cpu = cpuNow === null || current.cpuStart === null ? null : cpuNow - current.cpuStart;
    const wallLimit = this.options.budgetMs * (this.options.wallFactor ?? 10);
    if (cpu !== null && cpu < this.options.budgetMs && wall < wallLimit) {
      // Starved by other load, not hung: wait for the CPU budget still unspent.
      current.timer = setTimeout(() => this.onBudget(slot), Math.min(this.options.budgetMs - cpu + 10, wallLimit - wall + 10));
      return;
    }
    void this.retire(slot);
    current.resolve({ status: 'hang', phase: current.phase, ms: wall, cpuMs: cpu });
    this.startSlot();
    this.pump();
  }

  private async retire(slot: Slot<J, R>): Promise<void> {
    slot.dead = true;
    if (slot.current) clearTimeout(slot.current.timer);
    this.slots.delete(slot);
    await slot.worker.terminate().catch(() => undefined);
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.dead || !slot.ready || slot.current) continue;
      const pending = this.queue.shift()!;
      const timer = setTimeout(() => this.onBudget(slot), this.options.budgetMs);
      const cpuStart = slot.tid === null ? null : threadCpuMs(slot.tid);
      slot.current = { ...pending, phase: null, started: performance.now(), cpuStart, timer };
      const message: ToWorker<J> = { type: 'job', job: pending.job };
      slot.worker.postMessage(message);
    }
  }
}
