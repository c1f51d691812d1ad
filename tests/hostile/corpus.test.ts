import { describe, expect, it } from 'vitest';
import { loadFuzzCorpus } from '../../src/fuzz/corpus.js';
import { runCase } from '../../src/fuzz/run-case.js';
import { repoRoot } from './repo.js';

// Every corpus file, unmutated, through BOTH stages (a feed through extraction and a page
// through feed parsing too): no uncaught exception, no catch-all code.
const corpus = loadFuzzCorpus(repoRoot);
const CHUNK = 30;
const chunks = Array.from({ length: Math.ceil(corpus.length / CHUNK) }, (_, i) => i * CHUNK);
/** Feeds parsed and pages extracted as articles, tallied by the chunk tests (which run first, in order). */
const tally = { feeds: 0, feedsOk: 0, pages: 0, pagesOk: 0 };

describe('every corpus file through parseFeed and extractArticle', () => {
  it.each(chunks)('files from index %i', async (first) => {
    const crashes: string[] = [];
    for (let index = first; index < Math.min(first + CHUNK, corpus.length); index++) {
      const result = await runCase(corpus, { seed: 0, index });
      expect(result.mutators).toEqual([]);
      const [feed, page] = result.runs;
      if (result.kind === 'feed') {
        tally.feeds++;
        if (feed?.verdict.status === 'ok') tally.feedsOk++;
      } else {
        tally.pages++;
        if (page?.verdict.status === 'ok') tally.pagesOk++;
      }
      for (const run of result.runs) {
        if (run.verdict.status === 'crash') crashes.push(`${result.source} ${run.target}: ${run.verdict.error}`);
      }
    }
    expect(crashes).toEqual([]);
  });

  it('parses most feeds and extracts most pages as articles (the harness is not failing everything)', () => {
    expect(tally.feeds + tally.pages).toBe(corpus.length);
    expect(tally.feedsOk).toBeGreaterThan(tally.feeds * 0.8);
    expect(tally.pagesOk).toBeGreaterThan(tally.pages * 0.8);
  });
});
