import { Worker } from 'node:worker_threads';
import { fuzzCase } from './cases.js';
import { loadFuzzCorpus } from './corpus.js';
import { WorkerPool } from './pool.js';
import type { CaseJob, CaseResult } from './run-case.js';
import { SummaryBuilder, type FuzzSummary } from './summary.js';

export interface FuzzRunOptions {
  /** The repository root (corpora are resolved from it). */
  repoRoot: string;
  cases: number;
  seed: number;
  workers: number;
  /** Per-case time budget; a case over it is a hang. */
  budgetMs: number;
  /** Heap cap per worker: a case that needs more is reported, not allowed to take the machine. */
  maxHeapMb?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Run `cases` fuzz cases on worker threads (compiled code only: the worker is
 * `worker.js` beside this module) and summarise them.
 */
export async function runFuzz(options: FuzzRunOptions): Promise<FuzzSummary> {
  const corpus = loadFuzzCorpus(options.repoRoot);
  const started = performance.now();
  const pool = new WorkerPool<CaseJob, CaseResult>({
    size: options.workers,
    budgetMs: options.budgetMs,
    spawn: () =>
      new Worker(new URL('./worker.js', import.meta.url), {
        workerData: { repoRoot: options.repoRoot },
        resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 2048 },
      }),
  });
  const builder = new SummaryBuilder(
    { seed: options.seed, corpusFiles: corpus.length, workers: options.workers, budgetMs: options.budgetMs },
    (index) => {
      const { id, source, mutators } = fuzzCase(corpus, options.seed, index);
      return { id, source, mutators };
    },
  );
  let done = 0;
  try {
    await Promise.all(
      Array.from({ length: options.cases }, (_, index) =>
        pool.run({ seed: options.seed, index }).then((outcome) => {
          builder.add(index, outcome);
          options.onProgress?.(++done, options.cases);
        }),
      ),
    );
  } finally {
    await pool.close();
  }
  return builder.finish((performance.now() - started) / 1000);
}
