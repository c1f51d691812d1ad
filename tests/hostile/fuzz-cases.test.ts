import { describe, expect, it } from 'vitest';
import { loadFuzzCorpus } from '../../src/fuzz/corpus.js';
import { runCase, type CaseResult } from '../../src/fuzz/run-case.js';
import { documentedCodes, EXTRACTION_OUTCOMES, repoRoot } from './repo.js';

// A few hundred seeded mutation cases in-process (npm run fuzz runs 10,000+ on worker
// threads with a hang budget). Bombs are scaled down here to keep the suite quick; the
// full-size bombs are in tests/integration/size-bombs.test.ts.
const SEED = 20250601;
const CASES = 300;
const CHUNK = 20;
const SCALE = 0.05;

const corpus = loadFuzzCorpus(repoRoot);
const codes = documentedCodes();
const chunks = Array.from({ length: CASES / CHUNK }, (_, i) => corpus.length + i * CHUNK);

function problems(result: CaseResult): string[] {
  const found: string[] = [];
  for (const run of result.runs) {
    const where = `${result.id} ${run.target} (${result.source} via [${result.mutators.join(', ')}])`;
    if (run.verdict.status === 'crash') found.push(`${where}: ${run.verdict.error}`);
    if (run.verdict.status !== 'typed') continue;
    const known = run.target === 'parseFeed' ? codes.has(run.verdict.code) : EXTRACTION_OUTCOMES.has(run.verdict.code);
    if (!known) found.push(`${where}: undocumented code ${run.verdict.code}`);
  }
  return found;
}

describe('seeded mutation cases through parseFeed and extractArticle', () => {
  it('loads every corpus file (shared feeds and pages)', () => {
    expect(corpus.filter((c) => c.kind === 'feed').length).toBeGreaterThanOrEqual(300);
    expect(corpus.filter((c) => c.kind === 'page').length).toBeGreaterThanOrEqual(120);
  });

  it.each(chunks)('cases from index %i: no crash, every failure a documented code', async (first) => {
    const found: string[] = [];
    const mutated = new Set<string>();
    for (let index = first; index < first + CHUNK; index++) {
      const result = await runCase(corpus, { seed: SEED, index, scale: SCALE });
      for (const name of result.mutators) mutated.add(name);
      found.push(...problems(result));
    }
    expect(found).toEqual([]);
    // Each chunk really is hostile: several different mutators took part.
    expect(mutated.size).toBeGreaterThanOrEqual(4);
  });
});
