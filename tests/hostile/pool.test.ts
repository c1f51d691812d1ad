import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/fuzz/pool.js';

// A stand-in worker speaking the pool's protocol: job "hang" never answers (a sync loop),
// job "die" kills its thread, job "oom" runs out of heap, any other job is echoed.
const SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ job }) => {
  parentPort.postMessage({ type: 'phase', phase: 'stage-' + job });
  if (job === 'hang') for (;;) {}
  if (job === 'die') process.exit(3);
  if (job === 'oom') { const hoard = []; for (;;) hoard.push(new Array(1e6).fill(job)); }
  parentPort.postMessage({ type: 'done', value: job.toUpperCase() });
});
parentPort.postMessage({ type: 'ready' });
`;

let pool: WorkerPool<string, string> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

function start(size: number, budgetMs: number, source = SOURCE): WorkerPool<string, string> {
  pool = new WorkerPool<string, string>({
    size,
    budgetMs,
    spawn: () => new Worker(source, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 32 } }),
  });
  return pool;
}

describe('WorkerPool', () => {
  it('answers every job', async () => {
    const p = start(2, 10_000);
    const outcomes = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((job) => p.run(job)));
    expect(outcomes).toEqual(['A', 'B', 'C', 'D', 'E'].map((value) => ({ status: 'done', value })));
  });

  it('reports a job that hangs, with the phase it hung in, and carries on with a fresh worker', async () => {
    const p = start(1, 300);
    const [hung, after] = await Promise.all([p.run('hang'), p.run('next')]);
    expect(hung).toMatchObject({ status: 'hang', phase: 'stage-hang' });
    expect(after).toEqual({ status: 'done', value: 'NEXT' });
  });

  it('reports a worker that dies or runs out of memory, and carries on', async () => {
    const p = start(1, 20_000);
    const [died, oom, after] = await Promise.all([p.run('die'), p.run('oom'), p.run('ok')]);
    expect(died).toMatchObject({ status: 'died', phase: 'stage-die' });
    expect(oom).toMatchObject({ status: 'died', phase: 'stage-oom' });
    expect(oom.status === 'died' && oom.error).toMatch(/memory/i);
    expect(after).toEqual({ status: 'done', value: 'OK' });
  });

  it('counts CPU time, not wall time, when the worker reports its thread: a worker blocked off-CPU is not hung', async () => {
    // The same protocol, plus the OS thread id in "ready" and a job that sleeps without using the CPU.
    const source = SOURCE.replace(
      "parentPort.postMessage({ type: 'ready' });",
      "parentPort.postMessage({ type: 'ready', tid: Number(require('node:fs').readFileSync('/proc/thread-self/stat', 'latin1').split(' ')[0]) });",
    ).replace(
      "if (job === 'hang')",
      "if (job === 'sleep') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);\n  if (job === 'hang')",
    );
    const p = start(1, 300, source);
    expect(await p.run('sleep')).toEqual({ status: 'done', value: 'SLEEP' });
    const hung = await p.run('hang');
    expect(hung).toMatchObject({ status: 'hang', phase: 'stage-hang', cpuMs: expect.any(Number) });
  });

  it('fails the queued jobs instead of restarting forever when a worker cannot start', async () => {
    const p = start(1, 1000, 'throw new Error("no corpus here")');
    expect(await p.run('a')).toMatchObject({ status: 'died', error: expect.stringContaining('no corpus here') });
  });
});
