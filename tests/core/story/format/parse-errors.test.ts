import { describe, expect, it } from 'vitest';
import { parseStory } from '../../../../src/core/story/index.js';
import { readSeed } from '../fixtures.js';

/** The seed with some of its 1-based lines replaced (undefined deletes the line). */
function seedWith(changes: Record<number, string | undefined>): string {
  const lines = readSeed().split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    if (!(n in changes)) out.push(line);
    else if (changes[n] !== undefined) out.push(changes[n]!);
  });
  return out.join('\n');
}

const errorsOf = (text: string) => parseStory(text).errors;

describe('format check on broken stories', () => {
  it('a missing blank line after the title: line 2', () => {
    expect(errorsOf(seedWith({ 2: undefined }))).toEqual([{ line: 2, message: 'expected a blank line after the title' }]);
  });

  it('a loose heading: line 3', () => {
    const errors = errorsOf(seedWith({ 3: 'Facts:' }));
    expect(errors).toEqual([{ line: 3, message: 'the heading must be exactly "Facts"' }]);
  });

  it('a fact written with a dash: line 6', () => {
    const errors = errorsOf(seedWith({ 6: '- Japan raised concerns.' }));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(6);
    expect(errors[0]!.message).toMatch(/fact bullet.*found "-" instead of "•"/);
  });

  it('a bullet with one leading space: line 5', () => {
    const errors = errorsOf(seedWith({ 5: ' \u2022 China and Japan met.' }));
    expect(errors.map((e) => e.line)).toEqual([5]);
    expect(errors[0]!.message).toMatch(/indentation or spacing/);
  });

  it('no Oxford comma: line 12', () => {
    const errors = errorsOf(seedWith({ 12: 'Sources: Al Jazeera, Reuters and CNBC.' }));
    expect(errors).toEqual([{ line: 12, message: 'three or more sources need the Oxford comma: "A, B, and C"' }]);
  });

  it('a Sources line with no final period: line 12', () => {
    expect(errorsOf(seedWith({ 12: 'Sources: Reuters' }))).toEqual([{ line: 12, message: 'the Sources line must end with a period' }]);
  });

  it('two sources with a comma: line 12', () => {
    expect(errorsOf(seedWith({ 12: 'Sources: Reuters, and CNBC.' }))[0]).toEqual({
      line: 12,
      message: 'two sources take no comma: "A and B"',
    });
  });

  it('a narrative without "narrative, as provided by": line 16', () => {
    const errors = errorsOf(seedWith({ 16: '  \u2022 Pro-China view from China Military. Text.' }));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.line).toBe(16);
    expect(errors[0]!.message).toContain('narrative, as provided by');
  });

  it('a narrative with no text: line 17', () => {
    const errors = errorsOf(seedWith({ 17: '  \u2022 Anti-China narrative, as provided by The Hill.' }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 17 });
    expect(errors[0]!.message).toContain('[to be written]');
  });

  it('a blank line after Predictions: line 20', () => {
    const errors = errorsOf(readSeed() + '\n\n  \u2022 Talks will resume.');
    expect(errors.map((e) => e.line)).toEqual([20]);
  });

  it('a missing Narratives section is named where it should start', () => {
    const errors = errorsOf(seedWith({ 14: undefined, 15: undefined, 16: undefined, 17: undefined, 18: undefined }));
    expect(errors.some((e) => e.message === 'missing the "Narratives" heading')).toBe(true);
  });

  it('CRLF line breaks: every line is named', () => {
    const errors = errorsOf(readSeed().replace(/\n/g, '\r\n'));
    expect(errors.filter((e) => e.message.includes('carriage return')).map((e) => e.line)).toEqual(
      Array.from({ length: 18 }, (_, i) => i + 1),
    );
  });

  it('trailing whitespace and extra blank lines at the end', () => {
    expect(errorsOf(seedWith({ 1: 'China, Japan Hold First Security Talks In Four Years ' }))).toEqual([
      { line: 1, message: 'trailing whitespace' },
    ]);
    expect(errorsOf(readSeed() + '\n\n').map((e) => e.line)).toEqual([20]);
  });

  it('an empty Facts section', () => {
    const errors = errorsOf(seedWith({ 5: undefined, 6: undefined, 7: undefined, 8: undefined, 9: undefined, 10: undefined }));
    expect(errors).toContainEqual({ line: 3, message: 'Facts holds no fact' });
  });

  it('an empty file', () => {
    expect(errorsOf('')).toEqual([{ line: 1, message: 'the file is empty' }]);
  });
});
