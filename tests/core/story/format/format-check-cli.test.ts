import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../../../src/cli/commands/format.js';
import { fixtureDir, readSeed } from '../fixtures.js';

/** Run `storydesk format check ...files` in-process; returns its stdout and exit code. */
async function check(files: string[]): Promise<{ out: string; code: number }> {
  const program = new Command('storydesk').exitOverride();
  register(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'storydesk', 'format', 'check', ...files]);
  } finally {
    spy.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, code };
}

describe('storydesk format check', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'storydesk-format-'));
  afterEach(() => {
    process.exitCode = 0;
  });

  it('passes the seed (exit 0)', async () => {
    const seed = path.join(dir, 'seed.txt');
    writeFileSync(seed, readSeed());
    expect(await check([seed])).toEqual({ out: `${seed}: ok\n`, code: 0 });
  });

  it('reports each break with its line (exit 1)', async () => {
    const broken = path.join(fixtureDir, 'broken.txt');
    const { out, code } = await check([broken]);
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines.map((l) => l.slice(broken.length + 1).split(':')[0])).toEqual(['6', '8', '12']);
    expect(lines[0]).toContain('found "-" instead of "•"');
    expect(lines[1]).toContain('Oxford comma');
    expect(lines[2]).toContain('[to be written]');
  });

  it('fails on a file it cannot read, and still checks the others', async () => {
    const seed = path.join(dir, 'seed2.txt');
    writeFileSync(seed, readSeed());
    const missing = path.join(dir, 'missing.txt');
    const { out, code } = await check([missing, seed]);
    expect(code).toBe(1);
    expect(out).toBe(`${missing}: cannot read (file not found)\n${seed}: ok\n`);
    rmSync(dir, { recursive: true, force: true });
  });
});
