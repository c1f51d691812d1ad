import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StorydeskError } from '../../../src/core/model/index.js';
import { parseFeed, type ParsedFeed } from '../../../src/core/poll/parse.js';

interface Entry {
  file: string;
  expected: 'parse' | 'reject';
  http_header?: string;
  expect?: { title?: string | null; item_count?: number | null; first_item_title?: string | null; first_item_link?: string | null; first_item_date?: string | null };
}

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const corpus = path.resolve(repoRoot, '../shared/corpora/feeds');
const manifest = JSON.parse(readFileSync(path.join(corpus, 'manifest.json'), 'utf8')) as { files: Entry[] };
const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

async function run(entry: Entry): Promise<ParsedFeed | StorydeskError> {
  const bytes = readFileSync(path.join(corpus, entry.file));
  const contentType = entry.http_header ? entry.http_header.replace(/^[\w-]+:\s*/, '') || null : null;
  try {
    return await parseFeed(bytes, { url: pathToFileURL(path.join(corpus, entry.file)).href, contentType, now: new Date('2026-01-01T00:00:00Z') });
  } catch (error) {
    if (error instanceof StorydeskError) return error;
    throw error;
  }
}

describe('the shared feed corpus', () => {
  it('has files to test', () => expect(manifest.files.length).toBeGreaterThan(100));

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
      if (want.first_item_title != null && !want.first_item_title.includes('\ufffd')) expect(norm(parsed.items[0]?.title)).toBe(norm(want.first_item_title));
      // Relative or non-URL expectations come from parsers that do not resolve links.
      if (want.first_item_link != null && /^https?:\/\//.test(want.first_item_link)) expect(parsed.items[0]?.link).toBe(want.first_item_link.trim());
      // Dates JavaScript cannot read itself (non-English RFC 822) are covered in dates.test.ts.
      if (want.first_item_date != null && !Number.isNaN(Date.parse(want.first_item_date))) {
        expect(Date.parse(parsed.items[0]?.published ?? '')).toBe(Date.parse(want.first_item_date));
      }
    });
  }
});
