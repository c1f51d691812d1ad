import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/extract/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/corpora/extraction');

describe('every corpus page', () => {
  const gold = JSON.parse(readFileSync(path.join(corpus, 'gold.json'), 'utf8')) as Record<string, { url: string }>;
  const files = readdirSync(path.join(corpus, 'html')).filter((file) => file.endsWith('.html.gz'));

  it('is read (the corpus is where the README says)', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('extracts without throwing, within bounds, as an article with text', () => {
    for (const file of files) {
      const id = file.replace(/\.html\.gz$/, '');
      const bytes = gunzipSync(readFileSync(path.join(corpus, 'html', file)));
      const page = extractArticle(bytes, { url: gold[id]?.url ?? 'https://example.invalid/' });
      // extraction_failed would mean the safety net caught an error: that is a bug too.
      expect(page.outcome, id).toBe('article');
      expect(page.paragraphs.length, id).toBeGreaterThan(0);
      for (const paragraph of page.paragraphs) expect(paragraph.trim(), id).toBe(paragraph);
    }
  });

  it('never throws on pages cut at arbitrary points or with tags stripped of their ends', () => {
    for (const file of files.slice(0, 20)) {
      const html = gunzipSync(readFileSync(path.join(corpus, 'html', file))).toString('utf8');
      for (const cut of [0.1, 0.5, 0.9]) {
        const page = extractArticle(html.slice(0, Math.floor(html.length * cut)), { url: 'https://example.invalid/' });
        expect(page.outcome).not.toBe('extraction_failed');
      }
      expect(extractArticle(html.replace(/<\/\w+>/g, ''), { url: 'not a url' }).outcome).not.toBe('extraction_failed');
    }
  });
});

describe('hostile input', () => {
  // Distinct paragraphs: repeated long blocks are dropped as duplicates.
  const paragraphs = (count: number): string =>
    Array.from({ length: count }, (_, i) => `<p>Paragraph ${i}: the council met on Tuesday evening and voted, after a long debate, to keep the library open.</p>`).join('');

  it('bounds deep nesting without overflowing the stack', () => {
    const depth = 200_000;
    const html = '<div>'.repeat(depth) + paragraphs(5) + '</div>'.repeat(depth);
    const page = extractArticle(html, { url: 'https://example.invalid/' });
    expect(page.outcome).not.toBe('extraction_failed');
    // Beyond the depth limit nothing is kept: the text was nested 200,000 deep.
    expect(page.paragraphs).toEqual([]);
  });

  it('keeps text within the depth limit and drops what is nested deeper', () => {
    const shallow = `<article>${paragraphs(5)}</article>`;
    const deep = '<div>'.repeat(50) + '<p>Deeply nested secret text that must not appear in the output at all.</p>' + '</div>'.repeat(50);
    const page = extractArticle(`<html><body>${shallow}${deep}</body></html>`, { url: 'https://example.invalid/', limits: { maxDepth: 20 } });
    expect(page.outcome).toBe('article');
    expect(page.paragraphs.join(' ')).not.toContain('secret');
  });

  it('caps the input size', () => {
    const html = `<html><body><article>${paragraphs(5)}</article><p>${'tail '.repeat(1000)}TAILMARK</p></body></html>`;
    const page = extractArticle(html, { url: 'https://example.invalid/', limits: { maxInputChars: html.indexOf('TAILMARK') } });
    expect(page.paragraphs.join(' ')).not.toContain('TAILMARK');
  });

  it('returns an empty page, not an exception, for junk', () => {
    const junk: Array<string | Uint8Array> = [
      '',
      '<<<>>>',
      '\u0000\uffff\ud800',
      new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x00]),
      new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)),
      '<script type="application/ld+json">{"@type":"NewsArticle","author":{"@id":"#x"},"articleBody":' + '['.repeat(10_000) + '</script>',
      '<html>' + '<table><tr><td>'.repeat(5000),
      `<meta charset="x-unknown-charset"><p>${'word '.repeat(100)}</p>`,
    ];
    for (const input of junk) {
      const page = extractArticle(input, { url: 'https://example.invalid/', hints: { keep: ['::bad(selector'], drop: ['[[['] } });
      expect(page.outcome).not.toBe('extraction_failed');
    }
  });
});
