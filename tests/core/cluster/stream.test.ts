import { describe, expect, it } from 'vitest';
import { clusterStream, parseStreamLine } from '../../../src/core/cluster/index.js';
import { StorydeskError } from '../../../src/core/model/index.js';

const line = (record: Record<string, unknown>) => JSON.stringify(record);
const typhoon = (id: string, date: unknown) =>
  line({ id, title: 'Typhoon Lusong makes landfall in Cagayan', text: 'Typhoon Lusong hit Cagayan province.', date, lang: 'en' });

async function collect(lines: string[], strict: boolean) {
  const problems: string[] = [];
  const out: Array<{ id: string; cluster: string }> = [];
  for await (const p of clusterStream(lines, strict ? {} : { onProblem: (e) => problems.push(e.message) })) out.push(p);
  return { out, problems };
}

describe('reading a JSON Lines stream', () => {
  it('reads a record after a byte-order mark', () => {
    expect(parseStreamLine('\uFEFF' + typhoon('a1', null), 1).id).toBe('a1');
  });

  it('reads HTML copied from a feed as the plain text it shows, paragraphs kept', () => {
    const a = parseStreamLine(
      line({
        id: 'a1',
        title: 'Trump&#39;s lawyers say &quot;no deal&quot;',
        text: '<p>AT&amp;T fell 3%.</p><p>Its rival rose.</p>',
        date: null,
      }),
      1,
    );
    expect(a.title).toBe('Trump\'s lawyers say "no deal"');
    expect(a.text).toBe('AT&T fell 3%.\n\nIts rival rose.');
    // Plain text stays as it is, a bare "&" and "<" included.
    const plain = 'AT&T and S&P: rates < 3%\nstill.\n\nSecond paragraph.';
    expect(parseStreamLine(line({ id: 'a2', title: 'AT&T', text: plain, date: null }), 2).text).toBe(plain);
  });

  it("reads a headline without the outlet's name an aggregator appends to it", () => {
    const read = (title: string, outlet: string) => parseStreamLine(line({ id: 'a1', title, text: '', date: null, outlet }), 1).title;
    expect(read('Fed raises rates - Reuters', 'Reuters')).toBe('Fed raises rates');
    expect(read('Fed raises rates | The Guardian', 'guardian')).toBe('Fed raises rates');
    // Another name, or a colon that opens the headline, is part of it.
    expect(read('Fed raises rates - Reuters', 'AP')).toBe('Fed raises rates - Reuters');
    expect(read('Analysis: Fed raises rates', 'Reuters')).toBe('Analysis: Fed raises rates');
  });

  it('reads a Unix time in seconds or milliseconds as the date', () => {
    expect(parseStreamLine(typhoon('a1', 1_764_950_400), 1).date).toBe('2025-12-05T16:00:00.000Z');
    expect(parseStreamLine(typhoon('a2', 1_764_950_400_000), 2).date).toBe('2025-12-05T16:00:00.000Z');
  });

  it('stops at the first bad line without a problem handler, naming the line', async () => {
    await expect(collect([typhoon('a1', null), '{not json', typhoon('a2', null)], true)).rejects.toThrow(/line 2: not JSON/);
    await expect(collect([typhoon('a1', 'yesterday-ish')], true)).rejects.toThrow(StorydeskError);
  });

  it('with a handler, reports each bad line and goes on: broken lines skipped, an unreadable date placed undated', async () => {
    const { out, problems } = await collect(
      [
        typhoon('a1', '2030-09-02T04:00:00Z'),
        '{not json',
        line({ title: 'no id' }),
        '',
        typhoon('a2', 'yesterday-ish'),
        typhoon('a3', null),
      ],
      false,
    );
    expect(out.map((p) => p.id)).toEqual(['a1', 'a2', 'a3']);
    expect(new Set(out.map((p) => p.cluster)).size).toBe(1);
    expect(problems).toEqual([
      'line 2: not JSON; skipped',
      'line 3: missing "id"; skipped',
      'line 5: article a2 has an unreadable date "yesterday-ish"; placed as undated',
    ]);
  });
});
