import { describe, expect, it } from 'vitest';
import { createClusterer, languageKey } from '../../../src/core/cluster/index.js';
import { isStopword } from '../../../src/core/cluster/stopwords.js';
import { fixtureArticles } from '../../fixtures/cluster/load.js';

// German, Spanish and French reports of the same four kinds of news (a budget vote told twice, a
// storm, a rate decision, a strike), interleaved: each language's function words are in every
// article, and a window of five articles cannot tell them from content words by idf alone.
describe('languages other than English', () => {
  // The same stream with ISO 639-2 codes (deu, spa, fra, as the Miranda et al. 2018 dataset writes them).
  it.each([
    ['ISO 639-1 codes', (lang: string) => lang],
    ['ISO 639-2 codes', (lang: string) => ({ de: 'deu', es: 'spa', fr: 'fra' })[lang]!],
  ])('keeps each language’s events apart and joins the two budget reports (%s)', (_codes, code) => {
    const clusterer = createClusterer();
    const byStory = new Map<string, string[]>();
    for (const article of fixtureArticles('other-languages.jsonl')) {
      const { storyId } = clusterer.add({ ...article, lang: code(article.lang!) });
      byStory.set(storyId, [...(byStory.get(storyId) ?? []), article.story]);
    }
    const groups = [...byStory.values()].map((stories) => stories.join(' ')).sort();
    expect(groups).toEqual(
      ['de', 'es', 'fr'].flatMap((lang) => [`${lang}-budget ${lang}-budget`, `${lang}-rates`, `${lang}-storm`, `${lang}-strike`]),
    );
  });

  it('reads stopwords from a list per language; a language without one has none', () => {
    expect(['der', 'und', 'für'].filter((word) => isStopword(word, 'de'))).toHaveLength(3);
    expect(['de', 'la', 'los'].filter((word) => isStopword(word, 'es'))).toHaveLength(3);
    expect(isStopword('bundestag', 'de') || isStopword('presupuestos', 'es') || isStopword('tempête', 'fr')).toBe(false);
    expect(isStopword('said', 'en')).toBe(true);
    expect(isStopword('der', 'xx')).toBe(false);
  });

  it('reads a declared language in its shortest standard form, and guesses from the script when none is named', () => {
    expect(['en-GB', 'EN', 'eng', 'deu', 'ger', 'spa', 'fre', 'jpn', 'zho'].map((code) => languageKey(code, 'x'))).toEqual([
      'en',
      'en',
      'en',
      'de',
      'de',
      'es',
      'fr',
      'ja',
      'zh',
    ]);
    expect(languageKey('und', 'Typhoon hits Manila')).toBe('en');
    expect(languageKey('mul', '台風が上陸した')).toBe('ja');
    expect(languageKey('xq', 'x')).toBe('xq');
  });

  it("reads a language declared by its name, in English or in itself (a feed's <language>German</language>)", () => {
    const german = 'Die Regierung hat am Montag den Haushalt beschlossen';
    expect(['German', 'Deutsch', 'french', 'Español', 'English (US)', 'Japanese'].map((name) => languageKey(name, german))).toEqual([
      'de',
      'de',
      'fr',
      'es',
      'en',
      'ja',
    ]);
    // A name of no language falls back to the script's guess.
    expect(languageKey('Klingon', german)).toBe('en');
  });
});
