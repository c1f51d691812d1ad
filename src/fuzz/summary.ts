import type { PoolOutcome } from './pool.js';
import type { CaseResult } from './run-case.js';
import { TARGETS, type TargetName } from './targets.js';

/** A case that crashed a stage, with what is needed to reproduce it. */
export interface CrashRecord {
  id: string;
  /** The stage that crashed, or the phase a hang or dead worker was in. */
  target: string;
  kind: 'exception' | 'hang' | 'worker_died';
  error: string;
  source: string;
  mutators: string[];
  /** The command that replays this one case in-process. */
  repro: string;
}

/** The slowest stage run of the whole run. */
export interface SlowestRun {
  id: string;
  target: TargetName;
  /** Wall time of the run. */
  ms: number;
  /** CPU time of the run, where known: what ranks the slowest case, since wall time depends on other load. */
  cpuMs: number | null;
  source: string;
  mutators: string[];
  bytes: number;
}

/** What `npm run fuzz` prints and writes to bench/results/fuzz.json. */
export interface FuzzSummary {
  seed: number;
  cases: number;
  corpusFiles: number;
  workers: number;
  budgetMs: number;
  seconds: number;
  /** Per stage: cases it took fine, typed failures, crashes. */
  verdicts: Record<TargetName, { ok: number; typed: number; crash: number }>;
  /** `stage:code` → count. */
  typedByCode: Record<string, number>;
  crashes: CrashRecord[];
  slowest: SlowestRun | null;
  /** Per mutator: cases it took part in, and how many of them crashed something. */
  byMutator: Record<string, { cases: number; crashes: number }>;
}

/** Describes a case by id without its result (for hangs and dead workers). */
export type CaseDescriber = (index: number) => { id: string; source: string; mutators: string[] };

/** Accumulates pool outcomes into a FuzzSummary. */
export class SummaryBuilder {
  private readonly summary: FuzzSummary;

  constructor(
    init: { seed: number; corpusFiles: number; workers: number; budgetMs: number },
    private readonly describeCase: CaseDescriber,
  ) {
    const verdicts = Object.fromEntries(TARGETS.map((t) => [t, { ok: 0, typed: 0, crash: 0 }])) as FuzzSummary['verdicts'];
    this.summary = { ...init, cases: 0, seconds: 0, verdicts, typedByCode: {}, crashes: [], slowest: null, byMutator: {} };
  }

  /** Record case `index`'s outcome. */
  add(index: number, outcome: PoolOutcome<CaseResult>): void {
    const s = this.summary;
    s.cases++;
    if (outcome.status !== 'done') {
      const { id, source, mutators } = this.describeCase(index);
      const error =
        outcome.status === 'hang'
          ? `no answer after ${Math.round(outcome.ms)} ms${outcome.cpuMs === null ? '' : ` (${Math.round(outcome.cpuMs)} ms of CPU)`}`
          : outcome.error;
      this.crash({
        id,
        target: outcome.phase ?? 'unknown',
        kind: outcome.status === 'hang' ? 'hang' : 'worker_died',
        error,
        source,
        mutators,
        repro: repro(id),
      });
      this.countMutators(mutators, true);
      return;
    }
    const result = outcome.value;
    let crashed = false;
    for (const run of result.runs) {
      const counts = s.verdicts[run.target];
      counts[run.verdict.status]++;
      if (run.verdict.status === 'typed') {
        const key = `${run.target}:${run.verdict.code}`;
        s.typedByCode[key] = (s.typedByCode[key] ?? 0) + 1;
      }
      if (run.verdict.status === 'crash') {
        crashed = true;
        this.crash({
          id: result.id,
          target: run.target,
          kind: 'exception',
          error: run.verdict.error,
          source: result.source,
          mutators: result.mutators,
          repro: repro(result.id),
        });
      }
      if (!s.slowest || cost(run) > cost(s.slowest)) {
        s.slowest = {
          id: result.id,
          target: run.target,
          ms: run.ms,
          cpuMs: run.cpuMs,
          source: result.source,
          mutators: result.mutators,
          bytes: result.bytes,
        };
      }
    }
    this.countMutators(result.mutators, crashed);
  }

  /** The summary so far, with the run's duration. */
  finish(seconds: number): FuzzSummary {
    this.summary.seconds = seconds;
    this.summary.crashes.sort((a, b) => Number(a.id.split(':')[1]) - Number(b.id.split(':')[1]));
    return this.summary;
  }

  private crash(record: CrashRecord): void {
    this.summary.crashes.push(record);
  }

  private countMutators(mutators: string[], crashed: boolean): void {
    for (const name of mutators.length > 0 ? new Set(mutators) : ['(corpus file)']) {
      const entry = (this.summary.byMutator[name] ??= { cases: 0, crashes: 0 });
      entry.cases++;
      if (crashed) entry.crashes++;
    }
  }
}

function cost(run: { ms: number; cpuMs: number | null }): number {
  return run.cpuMs ?? run.ms;
}

function repro(id: string): string {
  return `npm run fuzz -- --repro ${id}`;
}
