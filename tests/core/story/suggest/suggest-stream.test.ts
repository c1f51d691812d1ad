import { describe, expect, it } from 'vitest';
import { StorydeskError } from '../../../../src/core/model/index.js';
import { parseSuggestInput, suggestGroups, synthesiseOutlet } from '../../../../src/core/story/index.js';

const lines = [
  {
    cluster: 'g1',
    outlet: 'CNN (Online News)',
    lean: 'left',
    title: 'Senate passes hate crimes bill',
    text: 'The Senate voted 94-1 on Thursday to pass the COVID-19 Hate Crimes Act.\n\nThe bill now goes to the House, which is expected to vote next month.',
  },
  {
    cluster: 'g1',
    outlet: 'Fox News (Online News)',
    lean: 'right',
    title: 'Senate approves hate crimes bill 94-1',
    text: 'The Senate on Thursday passed the COVID-19 Hate Crimes Act by a 94-1 vote.\n\nSen. Josh Hawley was the only senator to vote against it.',
  },
  {
    cluster: 'g1',
    outlet: 'Reuters',
    lean: 'center',
    title: 'US Senate passes bill on anti-Asian hate crimes',
    text: 'The U.S. Senate passed the COVID-19 Hate Crimes Act on Thursday with a 94-1 vote.',
  },
  {
    cluster: 'g2',
    outlet: 'The Guardian',
    lean: 'left',
    label: 'OPINION',
    title: 'Four steps this Earth Day',
    text: 'Today is Earth Day, which should provide us with a moment to reflect.',
  },
  {
    cluster: 'g2',
    outlet: 'Reuters',
    lean: 'center',
    title: 'Leaders gather for climate summit',
    text: 'World leaders gathered online for a climate summit hosted by the United States.\n\n"This is the decade that decides our future," the summit\'s host told the leaders.',
  },
];
const input = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';

describe('suggest stream', () => {
  it('prints one line per group with display names, the Sources line, slots and predictions', () => {
    const out = suggestGroups(parseSuggestInput(input));
    expect(out.map((g) => g.cluster)).toEqual(['g1', 'g2']);
    const g1 = out[0]!;
    expect(Object.keys(g1)).toEqual(['cluster', 'title', 'facts', 'sources', 'sourcesLine', 'narratives', 'predictions']);
    expect(g1.facts[0]!.outlets).toEqual(['CNN', 'Fox News', 'Reuters']);
    expect(g1.sources).toEqual(['CNN', 'Fox News', 'Reuters']);
    expect(g1.sourcesLine).toBe('Sources: CNN, Fox News, and Reuters.');
    expect(g1.narratives.map((n) => [n.label, n.outlet])).toEqual([
      ['Left', 'CNN'],
      ['Right', 'Fox News'],
    ]);
    // What only Fox News says is a fact of the story, so its slot does not repeat it.
    expect(g1.facts.map((f) => f.text)).toContain('Sen. Josh Hawley was the only senator to vote against it.');
    expect(g1.narratives[1]!.excerpts).toEqual([]);
    // A forward-looking sentence is suggested once: here it is already a fact.
    const ahead = 'The bill now goes to the House, which is expected to vote next month.';
    expect([...g1.facts.map((f) => f.text), ...g1.predictions.map((p) => p.text)].filter((t) => t === ahead)).toHaveLength(1);
    // The opinion piece gives a narrative, not a fact, so it is no source.
    const g2 = out[1]!;
    expect(g2.sources).toEqual(['Reuters']);
    expect(g2.narratives[0]).toMatchObject({ label: 'Left', outlet: 'The Guardian' });
    expect(g2.narratives.length).toBeGreaterThanOrEqual(2);
  });

  it('looks outlets up in the config by id or name before making them up', () => {
    const known = [
      { ...synthesiseOutlet('x'), id: 'reuters', name: 'Thomson Reuters', kind: 'wire' as const, perspective: ['international wire'] },
    ];
    const g2 = suggestGroups(parseSuggestInput(input), known)[1]!;
    expect(g2.sources).toEqual(['Thomson Reuters']);
    expect(g2.narratives.map((n) => n.outlet)).toEqual(['The Guardian', 'Thomson Reuters']);
  });

  it('reads HTML copied from a feed as the plain text it shows', () => {
    const [a] = parseSuggestInput(
      JSON.stringify({ cluster: 'a', outlet: 'X', title: 'Biden&#39;s plan', text: '<p>It passed &amp; was signed.</p><p>Next.</p>' }),
    );
    expect([a!.title, a!.text]).toEqual(["Biden's plan", 'It passed & was signed.\n\nNext.']);
    // The outlet's name an aggregator appends to a headline is no part of it.
    const [b] = parseSuggestInput(JSON.stringify({ cluster: 'a', outlet: 'Reuters', title: 'Fed raises rates - Reuters', text: '' }));
    expect(b!.title).toBe('Fed raises rates');
  });

  it('names the bad line of the input', () => {
    expect(() => parseSuggestInput('{"cluster":"a","outlet":"X","title":"t","text":"x"}\nnot json')).toThrow(/line 2: not valid JSON/);
    // toThrow fails when nothing is thrown (a try/catch around the call would pass silently).
    const missingOutlet = () => parseSuggestInput('{"cluster":"a","title":"t","text":"x"}');
    expect(missingOutlet).toThrow(StorydeskError);
    expect(missingOutlet).toThrow(
      expect.objectContaining({ code: 'input_invalid', message: 'line 1: "outlet" must be a non-empty string' }),
    );
  });

  it('with a problem handler, reports each bad line and goes on', () => {
    const problems: string[] = [];
    const lines = [
      '\uFEFF{"cluster":"a","outlet":"X","title":"t","text":"x"}',
      'not json',
      '{"cluster":"a","title":"t","text":"x"}',
      '{"cluster":"a","outlet":"Y","title":"t"}',
    ];
    const articles = parseSuggestInput(lines.join('\n'), (p) => problems.push(p.message));
    expect(articles.map((a) => [a.outlet, a.text])).toEqual([
      ['X', 'x'],
      ['Y', ''],
    ]);
    expect(problems).toEqual([
      'line 2: not valid JSON; skipped',
      'line 3: "outlet" must be a non-empty string; skipped',
      'line 4: "text" must be a string; read as empty',
    ]);
  });
});
