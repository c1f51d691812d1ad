import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFor } from '../../../src/core/model/index.js';
import { spawnStorydesk, started, storydeskEnv, tempDir, type Exit, type StorydeskProcess } from '../../helpers/processes.js';
import { testPrefix, testRedisUrl, wipePrefix } from '../../helpers/redis.js';
import {
  FAST_RECOVERY,
  inspect,
  outcomeOf,
  serveFaultWorld,
  startSlowOutlet,
  until,
  type Inspector,
  type RunOutcome,
  type ServedWorld,
  type SlowOutlet,
} from './support.js';

// Fault: SIGTERM while the pipeline is busy. Jobs that finish within SHUTDOWN_GRACE_MS finish;
// the rest (here: pages whose server never answers) go back to the queue at once, so the
// process exits 0 and leaves nothing "active" behind for a stalled check to find later.
const GRACE_MS = 1_500;
const FETCH_TIMEOUT_MS = 60_000;
const dir = tempDir('fault-shutdown');
let slow: SlowOutlet;
let served: ServedWorld;
let run: Inspector;
const processes: StorydeskProcess[] = [];
let exit: Exit;
let msToExit: number;
let activeAfterExit: Record<string, number>;
let slowJobs: Array<{ state: string; attemptsMade: number }>;
let heldAtSigterm: number;
let outcome: RunOutcome;
let first: StorydeskProcess;

beforeAll(async () => {
  slow = await startSlowOutlet(6);
  served = await serveFaultWorld(dir.path, { outlets: 10, stories: 80, articles: 160 }, { outlets: [slow.outlet], urls: slow.urls });
  const prefix = testPrefix('fault-term');
  run = inspect(testRedisUrl(), prefix);
  const env = storydeskEnv({
    REDIS_URL: testRedisUrl(),
    STORYDESK_PREFIX: prefix,
    STORYDESK_OUTLETS: served.outletsFile,
    ...FAST_RECOVERY,
    SHUTDOWN_GRACE_MS: String(GRACE_MS),
    EXTRACT_CONCURRENCY: '16',
    FETCH_FIRST_BYTE_TIMEOUT_MS: String(FETCH_TIMEOUT_MS),
    FETCH_TOTAL_TIMEOUT_MS: String(FETCH_TIMEOUT_MS),
  });
  const launch = async () => {
    const proc = spawnStorydesk('scheduler,poll,extract,cluster,story', env);
    processes.push(proc);
    return started(proc);
  };

  first = await launch();
  // Under load: the slow pages hang in extract while the rest flows through.
  await until('every slow page requested', async () => slow.held() === slow.urls.length, 60_000, 20);
  await until(
    'load in flight',
    async () =>
      (await run.redis.hlen(run.store.keys.articleStory)) >= 20 &&
      (await run.queues.cluster.getWaitingCount()) + (await run.queues.extract.getWaitingCount()) > 0,
    60_000,
    20,
  );
  heldAtSigterm = slow.held();
  const sentAt = Date.now();
  exit = await first.terminate();
  msToExit = Date.now() - sentAt;
  activeAfterExit = Object.fromEntries(await Promise.all(run.queues.all.map(async (q) => [q.name, await q.getActiveCount()] as const)));
  slowJobs = await Promise.all(
    slow.urls.map(async (url) => {
      const job = await run.queues.extract.getJob(articleIdFor(url));
      return { state: job ? await job.getState() : 'missing', attemptsMade: job?.attemptsMade ?? -1 };
    }),
  );

  // The returned jobs run again in the next process once the pages answer.
  slow.release();
  const second = await launch();
  await run.untilIdle(90_000);
  outcome = await outcomeOf(run.store, served.expected, served.demoExpected);
  await second.terminate();
  process.stdout.write(
    `shutdown figures: ${JSON.stringify({ heldAtSigterm, msToExit, exit, activeAfterExit, slowJobs: slowJobs.map((j) => j.state), lost: outcome.missingUrls.length, duplicated: outcome.duplicatedUrls.length })}\n`,
  );
}, 200_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill9()));
  if (run) {
    await wipePrefix(run.redis, run.store.keys.prefix);
    await run.close();
  }
  await served?.close();
  await slow?.close();
  dir.remove();
});

describe('fault: SIGTERM during load', () => {
  it('exits 0 without waiting for fetches that would outlast the grace', () => {
    expect(exit).toEqual({ code: 0, signal: null });
    expect(heldAtSigterm).toBe(slow.urls.length);
    // The hanging fetches would have held the process for FETCH_TIMEOUT_MS.
    expect(msToExit).toBeLessThan(FETCH_TIMEOUT_MS);
    const lines = first.logs.map((l) => l.msg);
    expect(lines).toContain('shutting down');
    expect(lines).toContain('jobs still running after the grace; returning them to the queue');
    expect(lines.at(-1)).toBe('stopped');
  });

  it('leaves no job active in Redis: the unfinished ones are back in the queue, not counted as failures', () => {
    expect(activeAfterExit).toEqual({ poll: 0, extract: 0, cluster: 0, story: 0, maintenance: 0 });
    expect(slowJobs).toEqual(slow.urls.map(() => ({ state: 'waiting', attemptsMade: 0 })));
  });

  it('loses and doubles nothing: the next process completes the run', () => {
    expect(outcome.missingUrls).toEqual([]);
    expect(outcome.duplicatedUrls).toEqual([]);
    expect(outcome.unclustered).toEqual([]);
    expect(outcome.doubledMembers).toEqual([]);
  });
});
