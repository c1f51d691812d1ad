import { describe, expect, it } from 'vitest';
import { loadFuzzCorpus } from '../../src/fuzz/corpus.js';
import { runCase } from '../../src/fuzz/run-case.js';
import { repoRoot } from './repo.js';

// Every corpus file, unmutated, through BOTH stages (a feed through extraction and a page
// through feed parsing too): no uncaught exception, no catch-all code.
const corpus = loadFuzzCorpus(repoRoot);
const CHUNK = 60;
const chunks = Array.from({ length: Math.ceil(corpus.length / CHUNK) }, (_, i) => i * CHUNK);

describe('every corpus file through parseFeed and extractArticle', () => {
  it.each(chunks)('files from index %i', (first) => {
    const crashes: string[] = [];
    for (let index = first; index < Math.min(first + CHUNK, corpus.length); index++) {
      const result = runCase(corpus, { seed: 0, index });
      expect(result.mutators).toEqual([]);
      for (const run of result.runs) {
        if (run.verdict.status === 'crash') crashes.push(`${result.source} ${run.target}: ${run.verdict.error}`);
      }
    }
    expect(crashes).toEqual([]);
  });

  it('parses the shared feeds and extracts articles from the shared pages', () => {
    // Guards against a harness that classifies everything as a failure: most feeds parse, most pages are articles.
    let feedsOk = 0;
    let pagesOk = 0;
    const sample = corpus.filter((_, i) => i % 7 === 0);
    for (const entry of sample) {
      const result = runCase(corpus, { seed: 0, index: corpus.indexOf(entry) });
      if (entry.kind === 'feed' && result.runs[0]?.verdict.status === 'ok') feedsOk++;
      if (entry.kind === 'page' && result.runs[1]?.verdict.status === 'ok') pagesOk++;
    }
    expect(feedsOk).toBeGreaterThan(sample.filter((e) => e.kind === 'feed').length * 0.8);
    expect(pagesOk).toBeGreaterThan(sample.filter((e) => e.kind === 'page').length * 0.8);
  });
});
