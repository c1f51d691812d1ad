import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/extract/index.js';
import { StorydeskError } from '../../src/core/model/index.js';
import { parseFeed, type ParsedFeed } from '../../src/core/poll/parse.js';
import type { CorpusEntry } from '../../src/fuzz/corpus.js';
import { runCase, type CaseResult } from '../../src/fuzz/run-case.js';
import { documentedCodes, EXTRACTION_OUTCOMES } from '../hostile/repo.js';

/**
 * The corpus checks, written once: the unit tests run them on the sample under
 * tests/fixtures/corpus (in the repository), `npm run test:corpus` on every file of
 * ../shared/corpora.
 */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The sample of corpus files kept with the tests. */
export const sampleCorpora = path.join(repoRoot, 'tests/fixtures/corpus');
/** The development corpora beside the repository (`npm run test:corpus` checks they are there). */
export const sharedCorpora = path.resolve(repoRoot, '../shared/corpora');

interface FeedEntry {
  file: string;
  expected: 'parse' | 'reject';
  http_header?: string;
  expect?: {
    title?: string | null;
    item_count?: number | null;
    first_item_title?: string | null;
    first_item_link?: string | null;
    first_item_date?: string | null;
  };
}

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Every feed of a corpus folder (its manifest.json) parses or is rejected as labelled, matching the stated expectations. */
export function feedCorpusSuite(dir: string, minFiles: number): void {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: FeedEntry[] };

  const run = async (entry: FeedEntry): Promise<ParsedFeed | StorydeskError> => {
    const bytes = readFileSync(path.join(dir, entry.file));
    const contentType = entry.http_header ? entry.http_header.replace(/^[\w-]+:\s*/, '') || null : null;
    try {
      return await parseFeed(bytes, {
        url: pathToFileURL(path.join(dir, entry.file)).href,
        contentType,
        now: new Date('2026-01-01T00:00:00Z'),
      });
    } catch (error) {
      if (error instanceof StorydeskError) return error;
      throw error;
    }
  };

  describe(`the feed corpus in ${path.relative(repoRoot, dir)}`, () => {
    it('has files to test', () => expect(manifest.files.length).toBeGreaterThanOrEqual(minFiles));

    for (const entry of manifest.files) {
      it(`${entry.file}: ${entry.expected}`, async () => {
        const result = await run(entry);
        if (entry.expected === 'reject') {
          expect(result).toBeInstanceOf(StorydeskError);
          expect((result as StorydeskError).code).not.toBe('internal');
          return;
        }
        expect(result).not.toBeInstanceOf(StorydeskError);
        const parsed = result as ParsedFeed;
        for (const title of [parsed.feed.title, ...parsed.items.map((i) => i.title)]) expect(title).not.toContain('\ufffd');
        const want = entry.expect;
        if (!want) return;
        if (want.title != null) expect(norm(parsed.feed.title)).toBe(norm(want.title));
        if (want.item_count != null) expect(parsed.items.length).toBe(want.item_count);
        // A snapshot taken from mis-decoded bytes holds U+FFFD; ours must not (checked above).
        if (want.first_item_title != null && !want.first_item_title.includes('\ufffd'))
          expect(norm(parsed.items[0]?.title)).toBe(norm(want.first_item_title));
        // Relative or non-URL expectations come from parsers that do not resolve links.
        if (want.first_item_link != null && /^https?:\/\//.test(want.first_item_link))
          expect(parsed.items[0]?.link).toBe(want.first_item_link.trim());
        // Dates JavaScript cannot read itself (non-English RFC 822) are covered in dates.test.ts.
        if (want.first_item_date != null && !Number.isNaN(Date.parse(want.first_item_date))) {
          expect(Date.parse(parsed.items[0]?.published ?? '')).toBe(Date.parse(want.first_item_date));
        }
      });
    }
  });
}

/** Every page of an extraction corpus folder (html/*.html.gz, gold.json) extracts as an article, also when cut or mangled. */
export function extractionCorpusSuite(dir: string, minFiles: number): void {
  describe(`every page of the extraction corpus in ${path.relative(repoRoot, dir)}`, () => {
    const gold = JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8')) as Record<string, { url: string }>;
    const files = readdirSync(path.join(dir, 'html')).filter((file) => file.endsWith('.html.gz'));

    it('is read', () => {
      expect(files.length).toBeGreaterThanOrEqual(minFiles);
    });

    it('extracts without throwing, within bounds, as an article with text', () => {
      for (const file of files) {
        const id = file.replace(/\.html\.gz$/, '');
        const bytes = gunzipSync(readFileSync(path.join(dir, 'html', file)));
        const page = extractArticle(bytes, { url: gold[id]?.url ?? 'https://example.invalid/' });
        // extraction_failed would mean the safety net caught an error: that is a bug too.
        expect(page.outcome, id).toBe('article');
        expect(page.paragraphs.length, id).toBeGreaterThan(0);
        for (const paragraph of page.paragraphs) expect(paragraph.trim(), id).toBe(paragraph);
      }
    });

    it('never throws on pages cut at arbitrary points or with tags stripped of their ends', () => {
      for (const file of files.slice(0, 20)) {
        const html = gunzipSync(readFileSync(path.join(dir, 'html', file))).toString('utf8');
        for (const cut of [0.1, 0.5, 0.9]) {
          const page = extractArticle(html.slice(0, Math.floor(html.length * cut)), { url: 'https://example.invalid/' });
          expect(page.outcome).not.toBe('extraction_failed');
        }
        expect(extractArticle(html.replace(/<\/\w+>/g, ''), { url: 'not a url' }).outcome).not.toBe('extraction_failed');
      }
    });
  });
}

/**
 * Every file of a fuzz corpus, unmutated, through BOTH stages (a feed through extraction and a
 * page through feed parsing too): no uncaught exception, and most files come out well.
 */
export function crossStageSuite(corpus: readonly CorpusEntry[], min: { feeds: number; pages: number; okShare: number }): void {
  const CHUNK = 30;
  const chunks = Array.from({ length: Math.ceil(corpus.length / CHUNK) }, (_, i) => i * CHUNK);
  /** Feeds parsed and pages extracted as articles, tallied by the chunk tests (which run first, in order). */
  const tally = { feeds: 0, feedsOk: 0, pages: 0, pagesOk: 0 };

  describe('every corpus file through parseFeed and extractArticle', () => {
    it('has the files', () => {
      expect(corpus.filter((c) => c.kind === 'feed').length).toBeGreaterThanOrEqual(min.feeds);
      expect(corpus.filter((c) => c.kind === 'page').length).toBeGreaterThanOrEqual(min.pages);
    });

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
      expect(tally.feedsOk).toBeGreaterThan(tally.feeds * min.okShare);
      expect(tally.pagesOk).toBeGreaterThan(tally.pages * min.okShare);
    });
  });
}

/**
 * A few hundred seeded mutation cases in-process (npm run fuzz runs 10,000+ on worker threads
 * with a hang budget). Bombs are scaled down here to keep the suite quick; the full-size
 * bombs are in tests/integration/size-bombs.test.ts.
 */
export function fuzzCasesSuite(corpus: readonly CorpusEntry[], min: { feeds: number; pages: number }): void {
  const SEED = 20250601;
  const CASES = 300;
  const CHUNK = 20;
  const SCALE = 0.05;
  const codes = documentedCodes();
  const chunks = Array.from({ length: CASES / CHUNK }, (_, i) => corpus.length + i * CHUNK);

  const problems = (result: CaseResult): string[] => {
    const found: string[] = [];
    for (const run of result.runs) {
      const where = `${result.id} ${run.target} (${result.source} via [${result.mutators.join(', ')}])`;
      if (run.verdict.status === 'crash') found.push(`${where}: ${run.verdict.error}`);
      if (run.verdict.status !== 'typed') continue;
      const known = run.target === 'parseFeed' ? codes.has(run.verdict.code) : EXTRACTION_OUTCOMES.has(run.verdict.code);
      if (!known) found.push(`${where}: undocumented code ${run.verdict.code}`);
    }
    return found;
  };

  describe('seeded mutation cases through parseFeed and extractArticle', () => {
    it('loads every corpus file', () => {
      expect(corpus.filter((c) => c.kind === 'feed').length).toBeGreaterThanOrEqual(min.feeds);
      expect(corpus.filter((c) => c.kind === 'page').length).toBeGreaterThanOrEqual(min.pages);
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
}
