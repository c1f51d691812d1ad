import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPipeline, type DemoPipeline } from '../helpers/pipeline.js';
import { repoRoot, runCli } from '../helpers/processes.js';
import { testRedisUrl } from '../helpers/redis.js';

// The operator and editor commands, run as a user runs them (the built CLI), against an
// instance the demo pipeline filled.
let demo: DemoPipeline;
let env: NodeJS.ProcessEnv;
const dir = mkdtempSync(join(tmpdir(), 'storydesk-cli-'));

const storydesk = (...args: string[]) => runCli(args, env);

beforeAll(async () => {
  demo = await startDemoPipeline();
  await demo.untilIdle();
  env = {
    ...process.env,
    REDIS_URL: testRedisUrl(),
    STORYDESK_PREFIX: demo.config.settings.STORYDESK_PREFIX,
    STORYDESK_OUTLETS: join(dir, 'none.yaml'),
    LOG_LEVEL: 'warn',
  };
}, 90_000);
afterAll(async () => {
  await demo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('storydesk CLI on a running instance', () => {
  it('exports every candidate in the story format, valid for format check', async () => {
    const out = join(dir, 'stories');
    const exported = await storydesk('export', '--all', '--format', 'txt', '--out', out);
    expect(exported.code, exported.stderr).toBe(0);
    const files = readdirSync(out).map((f) => join(out, f));
    expect(files.length).toBe(await demo.runtime.store.stories.count());
    const checked = await storydesk('format', 'check', ...files);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
  });

  it('prints all stories separated by form feeds, with outlet display names', async () => {
    const all = await storydesk('export', '--all');
    expect(all.code, all.stderr).toBe(0);
    const stories = all.stdout.split('\n\f\n').filter(Boolean);
    expect(stories).toHaveLength(await demo.runtime.store.stories.count());
    expect(all.stdout).toMatch(/^Sources: .*Kyodo News\+/m);
  });

  it('refuses an unknown candidate and a bad format with one line', async () => {
    expect(await storydesk('export', 'nope')).toMatchObject({ code: 1, stderr: 'storydesk: there is no candidate "nope"\n' });
    expect((await storydesk('export', '--all', '--format', 'pdf')).stderr).toMatch(/unknown format "pdf"/);
  });

  it('shows, pauses, resumes and removes feeds', async () => {
    const status = await storydesk('feeds', 'status', '--json');
    const feeds = JSON.parse(status.stdout) as Array<{ feedId: string; polls: number; status: string }>;
    expect(feeds.length).toBe(demo.config.outlets.flatMap((o) => o.feeds).length);
    expect(feeds.every((f) => f.polls >= 1)).toBe(true);
    const [first] = feeds;
    expect((await storydesk('feeds', 'pause', first!.feedId)).code).toBe(0);
    expect((await demo.runtime.store.feeds.get(first!.feedId))?.paused).toBe(true);
    expect((await storydesk('feeds', 'resume', first!.feedId)).code).toBe(0);
    expect((await demo.runtime.store.feeds.get(first!.feedId))?.paused).toBe(false);
    expect((await storydesk('feeds', 'status')).stdout).toMatch(/^feed\s+outlet\s+status/);
    expect(await storydesk('feeds', 'remove', 'no-such-feed')).toMatchObject({
      code: 1,
      stderr: 'storydesk: there is no feed "no-such-feed"\n',
    });
  });

  it('backfills a stream into the store with cluster --store', async () => {
    const input = join(dir, 'stream.jsonl');
    const lines = [
      {
        id: 'bf1',
        title: 'Volcano erupts on remote Pacific island, villagers evacuated',
        text: 'The Tavurvur volcano erupted on Tuesday, forcing 3,000 villagers to evacuate.',
        date: '2026-11-20T01:00:00Z',
        lang: 'en',
        outlet: 'reuters',
      },
      {
        id: 'bf2',
        title: 'Tavurvur volcano eruption forces evacuation of 3,000 villagers',
        text: 'Some 3,000 villagers were evacuated after the Tavurvur volcano erupted on Tuesday.',
        date: '2026-11-20T02:00:00Z',
        lang: 'en',
        outlet: 'guardian',
      },
    ];
    writeFileSync(input, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const result = await storydesk('cluster', '--input', input, '--output', '-', '--store');
    expect(result.code, result.stderr).toBe(0);
    const predictions = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; cluster: string });
    expect(predictions.map((p) => p.id)).toEqual(['bf1', 'bf2']);
    expect(predictions[0]!.cluster).toBe(predictions[1]!.cluster);
    const story = await demo.runtime.store.stories.get(predictions[0]!.cluster);
    expect(story?.articleIds).toEqual(['bf1', 'bf2']);
    expect(await demo.runtime.store.articles.get('bf2')).toMatchObject({ outletId: 'guardian', feedId: 'backfill' });
  });

  it('inspects feeds and extracts pages exactly as the pipeline does, one JSON line per input', async () => {
    const corpus = join(repoRoot, 'tests/fixtures/corpus');
    const inspected = await storydesk(
      'feeds',
      'inspect',
      join(corpus, 'feeds/feed-rs__atom_example_1.xml'),
      join(dir, 'missing.xml'),
      '--json',
    );
    expect(inspected.code).toBe(1);
    const [feed, missing] = inspected.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(feed.feed.title).toBe('dive into mark');
    expect(feed.items.length).toBeGreaterThan(0);
    expect(missing).toEqual({ input: join(dir, 'missing.xml'), error: { code: 'input_unreadable', message: 'file not found' } });
    const page = readdirSync(join(corpus, 'extraction/html'))[0]!;
    const extracted = await storydesk('extract', join(corpus, 'extraction/html', page), '--json');
    expect(extracted.code, extracted.stderr).toBe(0);
    expect(JSON.parse(extracted.stdout).article).toMatchObject({ outcome: 'article' });
  });

  it('refuses garbage in extract and feeds inspect alike (exit 1), and never calls non-empty garbage "empty"', async () => {
    const garbage = join(dir, 'garbage.bin');
    writeFileSync(garbage, Buffer.from([0x8f, 0x13, 0x00, 0xfe, 0x41, 0x42, 0x20, 0x7b, 0x22, 0x61, 0x22, 0x3a, 0x31, 0x7d, 0x0a, 0x99]));
    const text = join(dir, 'garbage.txt');
    writeFileSync(text, 'just some words, no markup at all\n');
    for (const input of [garbage, text]) {
      const extracted = await storydesk('extract', input, '--json');
      expect(extracted.code, input).toBe(1);
      expect(JSON.parse(extracted.stdout).error.code).toBe('not_html');
      const inspected = await storydesk('feeds', 'inspect', input, '--json');
      expect(inspected.code, input).toBe(1);
      const error = JSON.parse(inspected.stdout).error as { code: string; message: string };
      expect(error.code).not.toBe('empty');
      expect(error.message).not.toMatch(/\bempty\b/);
    }
    const blank = join(dir, 'blank.xml');
    writeFileSync(blank, '  \n');
    expect(JSON.parse((await storydesk('feeds', 'inspect', blank, '--json')).stdout).error.code).toBe('empty');
  });

  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) expect(await storydesk(flag)).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});
