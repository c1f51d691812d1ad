import { describe, expect, it } from 'vitest';
import { parseStory, renderJson, renderMarkdown, renderStory, sourcesLine, type StoryDocument } from '../../../../src/core/story/index.js';
import { readSeed } from '../fixtures.js';

describe('the seed story', () => {
  const seed = readSeed();

  it('parses into every part', () => {
    const { doc, errors } = parseStory(seed);
    expect(errors).toEqual([]);
    expect(doc.title).toBe('China, Japan Hold First Security Talks In Four Years');
    expect(doc.facts).toHaveLength(6);
    expect(doc.facts[0]).toMatch(/^China and Japan on Wednesday launched/);
    expect(doc.sources).toEqual(['Al Jazeera', 'Kyodo News+', 'Reuters', 'The Japan Times', 'CNBC', 'Guardian']);
    expect(doc.narratives.map((n) => [n.label, n.outlet])).toEqual([
      ['Pro-China', 'China Military'],
      ['Anti-China', 'The Hill'],
    ]);
    expect(doc.narratives[0]!.text).toMatch(/^It's not China that threatens/);
    expect(doc.narratives[1]!.text).toContain('naïve');
    expect(doc.predictions).toEqual([]);
  });

  it('renders back byte for byte', () => {
    const rendered = renderStory(parseStory(seed).doc);
    expect(Buffer.from(rendered, 'utf8').equals(Buffer.from(seed, 'utf8'))).toBe(true);
  });

  it('exports as JSON (the model) and as Markdown', () => {
    const doc = parseStory(seed).doc;
    expect(JSON.parse(renderJson(doc))).toEqual(doc);
    const md = renderMarkdown(doc);
    expect(md).toMatch(/^# China, Japan Hold First Security Talks In Four Years\n\n## Facts\n\n- China and Japan/);
    expect(md).toContain('## Sources\n\nAl Jazeera, Kyodo News+, Reuters, The Japan Times, CNBC, and Guardian.');
    expect(md).toContain("- **Pro-China narrative, as provided by China Military.** It's not China");
    expect(md).toContain('## Predictions');
  });
});

describe('sourcesLine', () => {
  it.each([
    [['Reuters'], 'Sources: Reuters.'],
    [['Reuters', 'CNBC'], 'Sources: Reuters and CNBC.'],
    [['Reuters', 'CNBC', 'Guardian'], 'Sources: Reuters, CNBC, and Guardian.'],
  ])('%j → %s', (names, line) => {
    expect(sourcesLine(names)).toBe(line);
  });
});

describe('cases the format leaves open', () => {
  const base: StoryDocument = {
    title: 'A title',
    facts: ['One fact.'],
    sources: ['Reuters'],
    narratives: [{ label: 'Left', outlet: 'CNN', text: 'A view.' }],
    predictions: [],
  };

  it('ends with the Predictions heading when there are none, with no final newline', () => {
    expect(renderStory(base).endsWith('\n\nPredictions')).toBe(true);
  });

  it('puts prediction bullets straight under the heading', () => {
    const text = renderStory({ ...base, predictions: ['Talks will resume in May.'] });
    expect(text.endsWith('Predictions\n  \u2022 Talks will resume in May.')).toBe(true);
    expect(parseStory(text).doc.predictions).toEqual(['Talks will resume in May.']);
  });

  it('tolerates one final newline and reads the same story', () => {
    const text = renderStory(base);
    expect(parseStory(text + '\n')).toEqual(parseStory(text));
  });

  it('round-trips outlet names holding ". ", " and " and a final period', () => {
    const doc: StoryDocument = {
      ...base,
      sources: ['U.S. News & World Report', 'Kyodo News Inc.', 'Johnson and Sons Media'],
      narratives: [
        { label: 'Centre-right', outlet: 'U.S. News & World Report', text: 'Markets will calm. Investors disagree.' },
        { label: 'Japanese', outlet: 'Kyodo News Inc.', text: 'A view.' },
      ],
    };
    const text = renderStory(doc);
    expect(text).toContain('Sources: U.S. News & World Report, Kyodo News Inc., and Johnson and Sons Media.');
    const { doc: back, errors } = parseStory(text);
    expect(errors).toEqual([]);
    expect(back).toEqual(doc);
  });

  it('needs known names for a two-name list whose names hold " and "', () => {
    const text = renderStory({ ...base, sources: ['Johnson and Sons Media', 'CNBC'] });
    expect(parseStory(text).doc.sources).toEqual(['Johnson', 'Sons Media and CNBC']);
    expect(parseStory(text, { outletNames: ['Johnson and Sons Media', 'CNBC'] }).doc.sources).toEqual(['Johnson and Sons Media', 'CNBC']);
  });

  it('needs known names for an Oxford list whose names hold ", "', () => {
    const names = ['Reuters', 'Foo, Bar & Co', 'CNBC'];
    const text = renderStory({ ...base, sources: names });
    expect(parseStory(text, { outletNames: names }).doc.sources).toEqual(names);
  });

  it('keeps any Unicode as it is', () => {
    const doc = { ...base, title: '中国・日本 — “naïve” talks' };
    expect(parseStory(renderStory(doc)).doc).toEqual(doc);
  });
});
