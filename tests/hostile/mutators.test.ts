import { describe, expect, it } from 'vitest';
import { fuzzCase, mutate } from '../../src/fuzz/cases.js';
import type { CorpusEntry } from '../../src/fuzz/corpus.js';
import { MUTATORS, mutatorNamed } from '../../src/fuzz/mutators/index.js';
import { caseSeed, createRng } from '../../src/fuzz/prng.js';

const feed = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Café news</title><item><title>One</title><link>https://n.example/1</link></item></channel></rss>',
);
const page = Buffer.from(
  '<!DOCTYPE html><html><head><title>A page</title></head><body><article><p>Some text here.</p></article></body></html>',
);
const corpus: CorpusEntry[] = [
  { name: 'a/feed.xml', kind: 'feed', bytes: feed },
  { name: 'b/page.html', kind: 'page', bytes: page },
];

function apply(name: string, input: Buffer, seed: number): Buffer {
  return mutatorNamed(name).apply(input, { rng: createRng(seed), scale: 1, other: () => page });
}

const count = (haystack: Buffer, needle: string) => haystack.toString('latin1').split(needle).length - 1;

describe('PRNG', () => {
  it('repeats a sequence for a seed and differs across seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed).next);
    const a = createRng(7);
    const first = Array.from({ length: 5 }, () => a.next());
    const b = createRng(7);
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(draw(8)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('gives neighbouring cases unrelated seeds', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => caseSeed(1, i)));
    expect(seeds.size).toBe(1000);
    expect(caseSeed(1, 5)).not.toBe(caseSeed(2, 5));
  });
});

describe('fuzz cases', () => {
  it('starts with the corpus files unmutated, then regenerates any mutated case from its id alone', () => {
    expect(fuzzCase(corpus, 3, 0).bytes).toBe(feed);
    expect(fuzzCase(corpus, 3, 1).mutators).toEqual([]);
    const once = fuzzCase(corpus, 3, 40);
    const again = fuzzCase(corpus, 3, 40);
    expect(once.id).toBe('3:40');
    expect(once.mutators.length).toBeGreaterThanOrEqual(1);
    expect(Buffer.compare(Buffer.from(once.bytes), Buffer.from(again.bytes))).toBe(0);
    expect(again.mutators).toEqual(once.mutators);
  });

  it('never changes the corpus bytes it mutates', () => {
    const before = Buffer.from(feed);
    for (const m of MUTATORS) mutate(corpus[0]!, [m.name], corpus, createRng(1));
    expect(Buffer.compare(feed, before)).toBe(0);
  });

  it('draws every mutator over enough cases', () => {
    const seen = new Set<string>();
    for (let i = 2; i < 400; i++) for (const name of fuzzCase(corpus, 11, i, 0.01).mutators) seen.add(name);
    expect([...seen].sort()).toEqual(MUTATORS.map((m) => m.name).sort());
  });
});

describe('mutators do what their names say', () => {
  it('truncate cuts the input short', () => {
    for (let seed = 0; seed < 20; seed++) {
      const out = apply('truncate', feed, seed);
      expect(out.length).toBeLessThanOrEqual(feed.length);
      expect(Buffer.compare(out, feed.subarray(0, out.length))).toBe(0);
    }
  });

  it('byte-flips keeps the length and changes bytes', () => {
    const out = apply('byte-flips', feed, 3);
    expect(out.length).toBe(feed.length);
    expect(Buffer.compare(out, feed)).not.toBe(0);
  });

  it('entity-bomb declares entities in a DOCTYPE after the XML declaration and references them', () => {
    for (let seed = 0; seed < 6; seed++) {
      const text = apply('entity-bomb', feed, seed).toString('utf8');
      expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE ')).toBe(true);
      expect(text).toMatch(/<!ENTITY (lol9|big|xxe) /);
      expect(text).toMatch(/&(lol\d|big|xxe);/);
    }
  });

  it('deep-nesting nests at least hundreds and up to 100,000 elements', () => {
    const depths = Array.from({ length: 12 }, (_, seed) => {
      const text = apply('deep-nesting', page, seed).toString('latin1');
      const tag = /deep text/.test(text) ? (/<([a-z:]+)>deep text/.exec(text)?.[1] ?? '') : '';
      return count(Buffer.from(text, 'latin1'), `<${tag}>`);
    });
    expect(Math.min(...depths)).toBeGreaterThanOrEqual(300);
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(100_000);
  });

  it('huge-attribute adds megabytes inside a tag, or thousands of attributes', () => {
    const sizes = Array.from({ length: 12 }, (_, seed) => apply('huge-attribute', feed, seed).length - feed.length);
    expect(Math.max(...sizes)).toBeGreaterThan(1024 * 1024);
    expect(Math.min(...sizes)).toBeGreaterThan(4000);
  });

  it('tag-bomb adds at least a thousand tags', () => {
    const out = apply('tag-bomb', page, 5);
    expect(count(out, '<') - count(page, '<')).toBeGreaterThanOrEqual(1000);
  });

  it('wrong-charset changes the declaration, the encoding or the BOM', () => {
    const outputs = Array.from({ length: 30 }, (_, seed) => apply('wrong-charset', feed, seed));
    expect(outputs.some((o) => !o.toString('latin1').includes('encoding="UTF-8"') && o.toString('latin1').includes('encoding='))).toBe(
      true,
    );
    expect(outputs.some((o) => o[0] === 0xff || o[0] === 0xfe || o[0] === 0xef || o[0] === 0x00)).toBe(true);
    expect(outputs.some((o) => !o.includes(Buffer.from('Café')) && o.length !== feed.length)).toBe(true);
  });

  it('control-bytes adds NUL or control bytes', () => {
    const out = apply('control-bytes', feed, 2);
    expect([...out].filter((b) => b < 0x20 || (b >= 0x7f && b <= 0x9f)).length).toBeGreaterThan(0);
  });

  it('unterminated opens a construct that is not closed', () => {
    const outputs = Array.from({ length: 30 }, (_, seed) => apply('unterminated', feed, seed).toString('latin1'));
    expect(outputs.some((o) => o.endsWith('<![CDATA[') || o.endsWith('<!--'))).toBe(true);
  });

  it('mix-feed-html puts page markup into a feed', () => {
    const outputs = Array.from({ length: 12 }, (_, seed) => apply('mix-feed-html', feed, seed).toString('latin1'));
    expect(
      outputs.every(
        (o) => o.includes('<html') || o.includes('<body') || o.includes('<p>') || o.includes('article') || o.length > feed.length,
      ),
    ).toBe(true);
    expect(outputs.some((o) => o.includes('<rss') && o.includes('<html'))).toBe(true);
  });
});
