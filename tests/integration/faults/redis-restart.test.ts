import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  spawnStorydesk,
  started,
  startPrivateRedis,
  storydeskEnv,
  tempDir,
  type PrivateRedis,
  type StorydeskProcess,
} from '../../helpers/processes.js';
import { testPrefix } from '../../helpers/redis.js';
import { FAST_RECOVERY, inspect, outcomeOf, serveFaultWorld, until, type Inspector, type RunOutcome, type ServedWorld } from './support.js';

// Fault: the Redis server stops mid-run (SHUTDOWN: the append-only file is flushed) and
// comes back on the same port and directory. The storydesk processes are not restarted:
// their connections retry until Redis answers again, and the run completes.
const dir = tempDir('fault-redis-restart');
let redis: PrivateRedis;
let served: ServedWorld;
let run: Inspector;
const processes: StorydeskProcess[] = [];
let outcome: RunOutcome;
const figures: Record<string, number> = {};

beforeAll(async () => {
  redis = await startPrivateRedis();
  served = await serveFaultWorld(dir.path, { outlets: 10, stories: 80, articles: 160 });
  const prefix = testPrefix('fault-redis');
  run = inspect(redis.url, prefix);
  const env = storydeskEnv({ REDIS_URL: redis.url, STORYDESK_PREFIX: prefix, STORYDESK_OUTLETS: served.outletsFile, ...FAST_RECOVERY });
  for (const roles of ['scheduler,poll', 'extract', 'cluster,story']) processes.push(await started(spawnStorydesk(roles, env)));
  const clustered = () => run.redis.hlen(run.store.keys.articleStory);

  await until('a quarter of the articles clustered', async () => (await clustered()) >= served.expected.size / 4, 60_000, 20);
  figures.clusteredAtStop = await clustered();
  figures.storedAtStop = await run.store.articles.count();
  const logsBefore = processes.map((p) => p.logs.length);
  const stoppedAt = Date.now();
  await redis.shutdown();
  // Longer than LOCK_DURATION_MS: the locks of jobs active at the stop expire while Redis is
  // down (key expiry times are absolute), so the stalled path is exercised too.
  await new Promise((r) => setTimeout(r, Number(FAST_RECOVERY.LOCK_DURATION_MS) + 1_000));
  await redis.start();
  const restartedAt = Date.now();
  figures.msDown = restartedAt - stoppedAt;
  const cluster = processes[2]!;
  const after = await cluster.waitForLog((l) => l.msg === 'article clustered' && Date.parse(String(l.time)) >= restartedAt, 60_000);
  figures.msRestartToFirstClustered = Date.parse(String(after.time)) - restartedAt;
  await run.untilIdle(90_000);
  figures.msRestartToIdle = Date.now() - restartedAt;
  figures.connectionErrorsLogged = processes
    .flatMap((p, i) => p.logs.slice(logsBefore[i]))
    .filter((l) => /redis connection error|worker error/.test(String(l.msg))).length;
  outcome = await outcomeOf(run.store, served.expected, served.demoExpected);
  figures.lost = outcome.missingUrls.length;
  figures.duplicated = outcome.duplicatedUrls.length + outcome.doubledMembers.length;
  process.stdout.write(`redis-restart figures: ${JSON.stringify(figures)}\n`);
}, 200_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill9()));
  await run?.close();
  await served?.close();
  await redis?.destroy();
  dir.remove();
});

describe('fault: Redis restarted mid-run (append-only file on)', () => {
  it('happened mid-run, and every process saw the outage and stayed up', () => {
    expect(figures.clusteredAtStop).toBeLessThan(served.expected.size);
    expect(figures.connectionErrorsLogged).toBeGreaterThan(0);
    for (const p of processes) expect(p.child.exitCode, p.roles).toBeNull();
  });

  it('completes the run with nothing lost and nothing doubled, without restarting storydesk', () => {
    expect(outcome.missingUrls).toEqual([]);
    expect(outcome.duplicatedUrls).toEqual([]);
    expect(outcome.articles).toBe(served.expected.size);
    expect(outcome.unclustered).toEqual([]);
    expect(outcome.doubledMembers).toEqual([]);
  });

  it('keeps the well-separated demo stories together', () => {
    const byKey = new Map<string, string[]>();
    for (const [url, key] of served.demoExpected) byKey.set(key, [...(byKey.get(key) ?? []), url]);
    const truth = [...byKey.values()].map((g) => g.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    expect([...outcome.demoGroups].sort((a, b) => (a[0]! < b[0]! ? -1 : 1))).toEqual(truth);
  });
});
