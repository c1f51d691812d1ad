import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureArticles } from '../fixtures/cluster/load.js';
import { runCli } from '../helpers/processes.js';

// `storydesk cluster` and `storydesk suggest` read JSON Lines written by other tools: one broken
// record is reported with its line number and skipped, and the run goes on; --strict stops there.
const dir = mkdtempSync(join(tmpdir(), 'storydesk-bad-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const storydesk = (...args: string[]) => runCli(args);
const outputLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('storydesk cluster with bad lines in its input', () => {
  const input = join(dir, 'stream.jsonl');
  const [first, second] = fixtureArticles();
  // A byte-order mark before the first record, a cut-off record, a date nobody can read.
  writeFileSync(
    input,
    ['\uFEFF' + JSON.stringify(first), '{"id": "broken', JSON.stringify({ ...second, date: 'the day after' })].join('\n') + '\n',
  );

  it('reports each bad line on stderr and clusters the rest (exit 0)', async () => {
    const result = await storydesk('cluster', '--input', input, '--output', '-');
    expect(result.code, result.stderr).toBe(0);
    expect(outputLines(result.stdout).map((l) => l.id)).toEqual([first!.id, second!.id]);
    expect(result.stderr).toMatch(/line 2: not JSON; skipped \(input_invalid\)/);
    expect(result.stderr).toMatch(/line 3: article \S+ has an unreadable date "the day after"; placed as undated/);
    expect(result.stderr).toMatch(/storydesk cluster: 2 bad line\(s\)/);
  });

  it('stops at the first bad line with --strict (exit 2)', async () => {
    const result = await storydesk('cluster', '--strict', '--input', input, '--output', '-');
    expect(result.code).toBe(2);
    expect(outputLines(result.stdout)).toHaveLength(1);
    expect(result.stderr).toMatch(/line 2: not JSON \(input_invalid\)/);
  });
});

describe('storydesk suggest with bad lines in its input', () => {
  const input = join(dir, 'groups.jsonl');
  const article = (outlet: string, text: unknown) => ({
    cluster: 'talks',
    outlet,
    title: 'Japan and China hold security talks in Tokyo',
    text,
  });
  writeFileSync(
    input,
    [
      '\uFEFF' + JSON.stringify(article('Kyodo News', 'Japan and China held security talks in Tokyo on Tuesday.')),
      JSON.stringify({ cluster: 'talks', title: 'no outlet', text: 'x' }),
      JSON.stringify(article('Reuters', null)),
    ].join('\n') + '\n',
  );

  it('reports each bad line on stderr, skips what cannot be attributed and reads a missing text as empty (exit 0)', async () => {
    const result = await storydesk('suggest', '--input', input);
    expect(result.code, result.stderr).toBe(0);
    const [group] = outputLines(result.stdout);
    expect(group!.sources).toEqual(['Kyodo News', 'Reuters']);
    expect(result.stderr).toMatch(/line 2: "outlet" must be a non-empty string; skipped \(input_invalid\)/);
    expect(result.stderr).toMatch(/line 3: "text" must be a string; read as empty \(input_invalid\)/);
    expect(result.stderr).toMatch(/storydesk suggest: 2 bad line\(s\)/);
  });

  it('stops at the first bad line with --strict (exit 2)', async () => {
    const result = await storydesk('suggest', '--strict', '--input', input);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/line 2: "outlet" must be a non-empty string/);
  });
});
