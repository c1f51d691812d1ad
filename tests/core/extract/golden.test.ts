import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle, type ExtractOptions } from '../../../src/core/extract/index.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/extract');
const pages = readdirSync(fixtures)
  .filter((file) => file.endsWith('.html'))
  .sort();

/** Each fixture page `<name>.html` has its expected article `<name>.json`, and maybe `<name>.options.json`. */
function optionsFor(name: string): ExtractOptions {
  const file = path.join(fixtures, `${name}.options.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ExtractOptions) : { url: `https://news.example/${name}` };
}

describe('golden pages', () => {
  it('has the dozen fixture pages the issue asks for', () => {
    expect(pages.length).toBeGreaterThanOrEqual(12);
  });

  for (const file of pages) {
    const name = file.replace(/\.html$/, '');
    it(`${name} matches its expected article`, () => {
      const expected: unknown = JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8'));
      const bytes = readFileSync(path.join(fixtures, file));
      expect(extractArticle(bytes, optionsFor(name))).toEqual(expected);
    });
  }
});

describe('fixture properties', () => {
  const read = (name: string): Buffer => readFileSync(path.join(fixtures, `${name}.html`));

  it('needs the outlet hint: without it the scorer takes the reader-service column', () => {
    const withoutHint = extractArticle(read('hint-needed'), { url: 'https://stadt.example/lokales/radweg' });
    expect(withoutHint.paragraphs.join(' ')).not.toContain('Radwegs');
    const withHint = extractArticle(read('hint-needed'), optionsFor('hint-needed'));
    expect(withHint.paragraphs[0]).toContain('Radwegs');
    expect(withHint.paragraphs.join(' ')).not.toContain('Leserbriefe');
  });

  it('keeps no comment, related link, share bar, caption, ad or footer text', () => {
    const all = ['news-article', 'comments-related', 'split-body'].map((name) =>
      extractArticle(read(name), optionsFor(name)).paragraphs.join('\n'),
    );
    for (const text of all) {
      for (const furniture of [
        'Share',
        'Related',
        'You might also like',
        'Great explanation',
        'Advertisement',
        'Photo:',
        'rights reserved',
        'newsletter',
        'summit ridge',
      ]) {
        expect(text).not.toContain(furniture);
      }
    }
  });

  it('never glues a heading or list item to its neighbours', () => {
    const page = extractArticle(read('news-article'), optionsFor('news-article'));
    expect(page.paragraphs).toContain('What changed');
    expect(page.paragraphs).toContain('A cycle lane on the northern side, separated by a kerb');
  });

  it('uses the feed summary to call a teaser-only page short', () => {
    const page = extractArticle(read('split-body'), {
      url: 'https://news.example/s',
      feedSummary: extractArticle(read('split-body'), { url: 'https://news.example/s' }).paragraphs.join(' '),
    });
    expect(page.outcome).toBe('too_short');
    expect(page.paragraphs).toEqual([]);
  });
});
