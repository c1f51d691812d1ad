import { fuzzCase } from './cases.js';
import type { CorpusEntry, InputKind } from './corpus.js';
import { runTarget, TARGETS, type TargetName, type TargetRun } from './targets.js';

/** Which case to run: regenerated from (seed, index) where it runs, so only two numbers travel. */
export interface CaseJob {
  seed: number;
  index: number;
  /** Bomb size multiplier (see MutationContext.scale); 1 when absent. */
  scale?: number;
}

/** A case's description and each stage's verdict on it. */
export interface CaseResult {
  id: string;
  source: string;
  kind: InputKind;
  mutators: string[];
  contentType: string | null;
  bytes: number;
  runs: TargetRun[];
}

/** Generate case (seed, index) and run it through every stage; `onPhase` is told each stage before it starts. */
export async function runCase(
  corpus: readonly CorpusEntry[],
  job: CaseJob,
  onPhase: (phase: TargetName | 'generate') => void = () => {},
): Promise<CaseResult> {
  onPhase('generate');
  const testCase = fuzzCase(corpus, job.seed, job.index, job.scale ?? 1);
  const runs: TargetRun[] = [];
  for (const target of TARGETS) {
    onPhase(target);
    runs.push(await runTarget(target, testCase));
  }
  const { id, source, kind, mutators, contentType } = testCase;
  return { id, source, kind, mutators, contentType, bytes: testCase.bytes.byteLength, runs };
}
