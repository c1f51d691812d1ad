/**
 * Hostile-input fuzzer: every corpus feed and page, then seeded mutations of them (truncation,
 * byte flips, entity and tag bombs, deep nesting, huge attributes, wrong charsets, unterminated
 * constructs, control bytes, feed/HTML mixes), each through parseFeed AND extractArticle on
 * worker threads under a per-case time budget. Exits 1 if any case crashed or hung.
 *
 *   npm run fuzz                                  # 10,000 cases, seed 1; writes bench/results/fuzz.json
 *   npm run fuzz -- --cases 50000 --seed 7 --workers 4 --budget-ms 20000
 *   npm run fuzz -- --repro 7:1234 [--out case.bin]   # replay one case in-process, print its stack
 */
import { availableParallelism } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fuzzCase } from '../src/fuzz/cases.js';
import { loadFuzzCorpus } from '../src/fuzz/corpus.js';
import { runFuzz } from '../src/fuzz/run.js';
import type { FuzzSummary } from '../src/fuzz/summary.js';
import { runTarget, TARGETS } from '../src/fuzz/targets.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist/bench → repo root. */
const repoRoot = path.resolve(here, '..', '..');

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: String(Math.max(1, availableParallelism())) },
    'budget-ms': { type: 'string', default: '20000' },
    repro: { type: 'string' },
    out: { type: 'string' },
  },
});

function positiveInt(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a non-negative integer, got ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return value;
}

async function repro(spec: string): Promise<void> {
  const match = /^(\d+):(\d+)$/.exec(spec);
  if (!match) {
    console.error(`--repro takes SEED:INDEX (as printed for a crash), got ${JSON.stringify(spec)}`);
    process.exit(2);
  }
  const testCase = fuzzCase(loadFuzzCorpus(repoRoot), Number(match[1]), Number(match[2]));
  console.log(
    `case ${testCase.id}: ${testCase.source} via [${testCase.mutators.join(', ')}], ${testCase.bytes.byteLength} bytes, content-type ${testCase.contentType ?? '(none)'}`,
  );
  if (values.out) {
    writeFileSync(values.out, testCase.bytes);
    console.log(`bytes written to ${values.out}`);
  }
  let crashed = false;
  for (const target of TARGETS) {
    const run = await runTarget(target, testCase);
    const v = run.verdict;
    crashed ||= v.status === 'crash';
    console.log(
      `  ${target.padEnd(15)} ${v.status === 'typed' ? `typed ${v.code}` : v.status === 'crash' ? `CRASH ${v.error}` : 'ok'}  (${run.ms.toFixed(1)} ms wall${run.cpuMs === null ? '' : `, ${run.cpuMs.toFixed(0)} ms CPU`})`,
    );
  }
  process.exit(crashed ? 1 : 0);
}

function print(s: FuzzSummary): void {
  console.log(
    `storydesk fuzz: ${s.cases} cases (seed ${s.seed}, ${s.corpusFiles} corpus files + mutations, ${s.workers} workers, budget ${s.budgetMs} ms CPU/case) in ${s.seconds.toFixed(1)} s`,
  );
  console.log(`${'stage'.padEnd(16)}${'ok'.padStart(8)}${'typed'.padStart(8)}${'crash'.padStart(8)}`);
  for (const [target, c] of Object.entries(s.verdicts))
    console.log(`${target.padEnd(16)}${String(c.ok).padStart(8)}${String(c.typed).padStart(8)}${String(c.crash).padStart(8)}`);
  console.log('typed failures by code:');
  for (const [code, count] of Object.entries(s.typedByCode).sort((a, b) => b[1] - a[1]))
    console.log(`  ${code.padEnd(36)}${String(count).padStart(7)}`);
  console.log('cases per mutator (crashed):');
  for (const [name, m] of Object.entries(s.byMutator).sort())
    console.log(`  ${name.padEnd(20)}${String(m.cases).padStart(7)} (${m.crashes})`);
  console.log(`crashes: ${s.crashes.length}`);
  for (const c of s.crashes.slice(0, 50)) {
    console.log(`  ${c.id} ${c.target} ${c.kind}: ${c.error}`);
    console.log(`      from ${c.source} via [${c.mutators.join(', ')}]; reproduce: ${c.repro}`);
  }
  if (s.crashes.length > 50) console.log(`  … ${s.crashes.length - 50} more in bench/results/fuzz.json`);
  const slow = s.slowest;
  if (slow)
    console.log(
      `slowest case: ${slow.id} ${slow.target} ${slow.cpuMs === null ? '' : `${slow.cpuMs.toFixed(0)} ms CPU, `}${slow.ms.toFixed(0)} ms wall (${slow.bytes} bytes, ${slow.source} via [${slow.mutators.join(', ')}])`,
    );
}

async function main(): Promise<void> {
  if (values.repro) return repro(values.repro);
  const cases = positiveInt('cases', values.cases);
  const total = cases;
  let lastReport = 0;
  const summary = await runFuzz({
    repoRoot,
    cases,
    seed: positiveInt('seed', values.seed),
    workers: Math.max(1, positiveInt('workers', values.workers)),
    budgetMs: Math.max(1, positiveInt('budget-ms', values['budget-ms'])),
    onProgress: (done) => {
      if (process.stderr.isTTY && done - lastReport >= 250) {
        lastReport = done;
        process.stderr.write(`\r${done}/${total} cases`);
      }
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\r');
  print(summary);
  const resultsDir = path.join(repoRoot, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, 'fuzz.json'), JSON.stringify(summary, null, 2) + '\n');
  console.log('wrote bench/results/fuzz.json');
  process.exitCode = summary.crashes.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`fuzz: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
