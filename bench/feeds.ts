import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFeedDate } from '../src/core/poll/dates.js';
import { rowanmanning, rssParser, storydesk, type BenchParser, type FeedSummary, type Outcome } from './feeds-parsers.js';

/**
 * `npm run bench:feeds [corpus-dir]`: every corpus file through storydesk's parseFeed and,
 * side by side, plain rss-parser and @rowanmanning/feed-parser. Writes bench/results/feeds.json.
 */
interface ManifestEntry {
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

const EXPECT_FIELDS = ['title', 'item_count', 'first_item_title', 'first_item_link', 'first_item_date'] as const;
type ExpectField = (typeof EXPECT_FIELDS)[number];

interface Tally {
  parser: string;
  recovered: number;
  parseFiles: number;
  rejected: number;
  rejectFiles: number;
  crashes: number;
  fffdTitles: number;
  expect: Record<ExpectField, { matched: number; checked: number }>;
  notRecovered: string[];
  notRejected: string[];
  crashed: string[];
  fffdFiles: string[];
  mismatches: string[];
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const corpus = path.resolve(process.argv[2] ?? path.resolve(repoRoot, '../shared/corpora/feeds'));
const manifest = JSON.parse(readFileSync(path.join(corpus, 'manifest.json'), 'utf8')) as { part?: string; files: ManifestEntry[] };
const parsers: BenchParser[] = [storydesk, rssParser, rowanmanning];

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const instant = (s: string | null | undefined): number | null => {
  if (!s) return null;
  const ms = Date.parse(parseFeedDate(s) ?? s);
  return Number.isNaN(ms) ? null : ms;
};

function matches(field: ExpectField, expected: string | number, summary: FeedSummary): boolean {
  switch (field) {
    case 'title':
      return norm(summary.title) === norm(String(expected));
    case 'item_count':
      return summary.itemCount === expected;
    case 'first_item_title':
      return norm(summary.titles[0]) === norm(String(expected));
    case 'first_item_link':
      return norm(summary.firstLink) === norm(String(expected));
    case 'first_item_date':
      return instant(summary.firstDate) !== null && instant(summary.firstDate) === instant(String(expected));
  }
}

function got(field: ExpectField, summary: FeedSummary): string | number | null {
  if (field === 'title') return summary.title;
  if (field === 'item_count') return summary.itemCount;
  if (field === 'first_item_title') return summary.titles[0] ?? null;
  return field === 'first_item_link' ? summary.firstLink : summary.firstDate;
}

function newTally(parser: string): Tally {
  const expect = Object.fromEntries(EXPECT_FIELDS.map((f) => [f, { matched: 0, checked: 0 }])) as Tally['expect'];
  return {
    parser,
    recovered: 0,
    parseFiles: 0,
    rejected: 0,
    rejectFiles: 0,
    crashes: 0,
    fffdTitles: 0,
    expect,
    notRecovered: [],
    notRejected: [],
    crashed: [],
    fffdFiles: [],
    mismatches: [],
  };
}

function record(tally: Tally, entry: ManifestEntry, outcome: Outcome): void {
  if (entry.expected === 'parse') tally.parseFiles++;
  else tally.rejectFiles++;
  if (outcome.kind === 'crashed') {
    tally.crashes++;
    tally.crashed.push(`${entry.file}: ${outcome.reason}`);
  }
  if (entry.expected === 'parse' && outcome.kind === 'parsed') tally.recovered++;
  else if (entry.expected === 'parse') tally.notRecovered.push(`${entry.file}: ${outcome.kind === 'parsed' ? '' : outcome.reason}`);
  if (entry.expected === 'reject' && outcome.kind === 'rejected') tally.rejected++;
  else if (entry.expected === 'reject') tally.notRejected.push(`${entry.file}: ${outcome.kind}`);
  if (outcome.kind === 'parsed' && [outcome.summary.title ?? '', ...outcome.summary.titles].some((t) => t.includes('\ufffd'))) {
    tally.fffdTitles++;
    tally.fffdFiles.push(entry.file);
  }
  for (const field of EXPECT_FIELDS) {
    const expected = entry.expect?.[field];
    if (expected === null || expected === undefined) continue;
    tally.expect[field].checked++;
    if (outcome.kind === 'parsed' && matches(field, expected, outcome.summary)) tally.expect[field].matched++;
    else if (outcome.kind === 'parsed')
      tally.mismatches.push(
        `${entry.file} ${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got(field, outcome.summary))}`,
      );
  }
}

async function main(): Promise<void> {
  const tallies = parsers.map((p) => newTally(p.name));
  const sourceHasFffd: string[] = [];
  for (const entry of manifest.files) {
    const bytes = readFileSync(path.join(corpus, entry.file));
    if (bytes.includes(Buffer.from([0xef, 0xbf, 0xbd]))) sourceHasFffd.push(entry.file);
    const contentType = entry.http_header ? entry.http_header.replace(/^[\w-]+:\s*/, '') || null : null;
    // A saved file has no address, as with `feeds inspect FILE`: links resolve against the feed's own link.
    const url = pathToFileURL(path.join(corpus, entry.file)).href;
    for (const [i, parser] of parsers.entries()) {
      const tally = tallies[i];
      if (tally) record(tally, entry, await parser.run({ bytes, contentType, url }));
    }
  }
  print(tallies, manifest.files.length, sourceHasFffd);
  const out = path.join(repoRoot, 'bench/results/feeds.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      { corpus: manifest.part ?? path.basename(corpus), files: manifest.files.length, sourceHasFffd, parsers: tallies },
      null,
      2,
    ) + '\n',
  );
  process.stdout.write(`\nwrote ${path.relative(repoRoot, out)}\n`);
}

function print(tallies: Tally[], files: number, sourceHasFffd: string[]): void {
  const rows = [['parser', 'recovered', 'rejected', 'crashes', 'U+FFFD titles', ...EXPECT_FIELDS]];
  for (const t of tallies) {
    rows.push([
      t.parser,
      `${t.recovered}/${t.parseFiles} (${((100 * t.recovered) / Math.max(1, t.parseFiles)).toFixed(1)}%)`,
      `${t.rejected}/${t.rejectFiles}`,
      String(t.crashes),
      String(t.fffdTitles),
      ...EXPECT_FIELDS.map((f) => `${t.expect[f].matched}/${t.expect[f].checked}`),
    ]);
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  process.stdout.write(`feeds bench: ${files} files from ${corpus}\n\n`);
  for (const row of rows) process.stdout.write(row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ') + '\n');
  process.stdout.write(`\nsource files that themselves contain U+FFFD: ${sourceHasFffd.length}\n`);
  for (const t of tallies) {
    const lines = [
      ...t.crashed.map((c) => `crash ${c}`),
      ...t.notRecovered.map((c) => `not recovered ${c}`),
      ...t.notRejected.map((c) => `not rejected ${c}`),
      ...t.fffdFiles.map((f) => `U+FFFD ${f}`),
    ];
    if (lines.length === 0) continue;
    process.stdout.write(`\n${t.parser}:\n`);
    for (const line of lines.slice(0, 40)) process.stdout.write(`  ${line.slice(0, 160)}\n`);
    if (lines.length > 40) process.stdout.write(`  … ${lines.length - 40} more in the JSON\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:feeds failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
