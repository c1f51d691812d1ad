import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureArticles } from '../fixtures/cluster/load.js';
import { runCli } from '../helpers/processes.js';

// `storydesk cluster --train` and `--model`, run as an operator runs them (the built CLI).
const dir = mkdtempSync(join(tmpdir(), 'storydesk-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const storydesk = (...args: string[]) => runCli(args);

describe('storydesk cluster --train / --model', () => {
  const labelled = join(dir, 'labelled.jsonl');
  writeFileSync(
    labelled,
    fixtureArticles()
      .map((a) => JSON.stringify({ ...a, cluster: a.story }))
      .join('\n') + '\n',
  );

  it('trains a model from labelled lines, byte for byte the same twice, and clusters with it', async () => {
    const first = await storydesk('cluster', '--train', '--input', labelled, '--output', join(dir, 'm1.json'));
    expect(first.code, first.stderr).toBe(0);
    await storydesk('cluster', '--train', '--input', labelled, '--output', join(dir, 'm2.json'));
    expect(readFileSync(join(dir, 'm1.json'), 'utf8')).toBe(readFileSync(join(dir, 'm2.json'), 'utf8'));
    const clustered = await storydesk('cluster', '--model', join(dir, 'm1.json'), '--input', labelled, '--output', '-');
    expect(clustered.code, clustered.stderr).toBe(0);
    const lines = clustered.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; cluster: string });
    expect(lines.map((l) => l.id)).toEqual(fixtureArticles().map((a) => a.id));
  });

  it('refuses unlabelled training input and a file that is not a model, with exit 2', async () => {
    const unlabelled = join(dir, 'unlabelled.jsonl');
    writeFileSync(unlabelled, JSON.stringify({ id: 'a1', title: 'x', text: '', date: null }) + '\n');
    const noLabel = await storydesk('cluster', '--train', '--input', unlabelled, '--output', join(dir, 'm.json'));
    expect(noLabel.code).toBe(2);
    expect(noLabel.stderr).toMatch(/no "cluster".*\(input_invalid\)/);
    const bogus = join(dir, 'bogus.json');
    writeFileSync(bogus, JSON.stringify({ version: 1, features: ['x'] }));
    const bad = await storydesk('cluster', '--model', bogus, '--input', labelled, '--output', '-');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cluster_model_invalid/);
  });
});
