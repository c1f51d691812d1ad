import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Which stage an input was written for; every input still goes through both stages. */
export type InputKind = 'feed' | 'page';

/** One seed input of the fuzzer. */
export interface CorpusEntry {
  /** Path relative to the directory above the repository (stable across machines). */
  name: string;
  kind: InputKind;
  bytes: Uint8Array;
}

const FEED_FILE = /\.(xml|rss|atom|rdf)(\.gz)?$/i;
const PAGE_FILE = /\.html?(\.gz)?$/i;

/**
 * Every file of ../shared/corpora/feeds and ../shared/corpora/extraction/html (gzipped pages
 * inflated), plus feed and page fixtures under tests/fixtures, sorted by name so a seed
 * always picks the same inputs. With `shared: false`, the fixtures alone (the sample of the
 * corpora under tests/fixtures/corpus included): what a lone clone has. With the shared
 * corpora, that sample is left out, as its files are copies of corpus files.
 */
export function loadFuzzCorpus(repoRoot: string, options: { shared?: boolean } = {}): CorpusEntry[] {
  const shared = options.shared ?? true;
  const parent = path.resolve(repoRoot, '..');
  const corpora = path.resolve(repoRoot, '../shared/corpora');
  const sample = path.join(repoRoot, 'tests', 'fixtures', 'corpus');
  const entries: CorpusEntry[] = [];
  const add = (file: string, kind: InputKind) => {
    const raw = readFileSync(file);
    entries.push({ name: path.relative(parent, file), kind, bytes: file.endsWith('.gz') ? gunzipSync(raw) : raw });
  };
  if (shared) {
    for (const file of filesUnder(path.join(corpora, 'feeds'))) add(file, 'feed');
    for (const file of filesUnder(path.join(corpora, 'extraction', 'html'))) add(file, 'page');
  }
  for (const file of filesUnder(path.join(repoRoot, 'tests', 'fixtures'))) {
    if (shared && file.startsWith(sample + path.sep)) continue;
    if (FEED_FILE.test(file)) add(file, 'feed');
    else if (PAGE_FILE.test(file)) add(file, 'page');
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function filesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}
