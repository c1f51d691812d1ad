import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/extract/index.js';
import { extractionCorpusSuite, sampleCorpora } from '../../helpers/corpus-suites.js';

// The sample of the extraction corpus kept in the repository; npm run test:corpus runs every corpus page.
extractionCorpusSuite(path.join(sampleCorpora, 'extraction'), 4);

describe('hostile input', () => {
  // Distinct paragraphs: repeated long blocks are dropped as duplicates.
  const paragraphs = (count: number): string =>
    Array.from(
      { length: count },
      (_, i) => `<p>Paragraph ${i}: the council met on Tuesday evening and voted, after a long debate, to keep the library open.</p>`,
    ).join('');

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
    const page = extractArticle(`<html><body>${shallow}${deep}</body></html>`, {
      url: 'https://example.invalid/',
      limits: { maxDepth: 20 },
    });
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
