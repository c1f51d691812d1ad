import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnStorydesk, started, storydeskEnv, tempDir, type StorydeskProcess } from '../../helpers/processes.js';
import { testPrefix, testRedisUrl, wipePrefix } from '../../helpers/redis.js';
import { FAST_RECOVERY, inspect, outcomeOf, serveFaultWorld, until, type Inspector, type RunOutcome, type ServedWorld } from './support.js';

// Fault: `kill -9` of an extract process and a cluster process with a few hundred articles
// in flight. Their jobs stay "active" under a lock nobody renews; once the lock expires the
// restarted workers' stalled check puts them back, and idempotent ids make the replay harmless.
const dir = tempDir('fault-killed');
let served: ServedWorld;
const processes: StorydeskProcess[] = [];
const inspectors: Inspector[] = [];
let undisturbed: RunOutcome;
let disturbed: RunOutcome;
const figures: Record<string, number> = {};

function launch(prefix: string, roles: string): Promise<StorydeskProcess> {
  const env = storydeskEnv({
    REDIS_URL: testRedisUrl(),
    STORYDESK_PREFIX: prefix,
    STORYDESK_OUTLETS: served.outletsFile,
    ...FAST_RECOVERY,
    SHUTDOWN_GRACE_MS: '2000',
  });
  const proc = spawnStorydesk(roles, env);
  processes.push(proc);
  return started(proc);
}

const clusteredCount = (i: Inspector) => i.redis.hlen(i.store.keys.articleStory);

beforeAll(async () => {
  served = await serveFaultWorld(dir.path, { outlets: 12, stories: 150, articles: 300 });

  // The reference: the same world through the same three processes, undisturbed.
  const quiet = inspect(testRedisUrl(), testPrefix('fault-ref'));
  inspectors.push(quiet);
  const ref = await Promise.all(['scheduler,poll', 'extract', 'cluster,story'].map((roles) => launch(quiet.store.keys.prefix, roles)));
  await quiet.untilIdle(90_000);
  undisturbed = await outcomeOf(quiet.store, served.expected, served.demoExpected);
  await Promise.all(ref.map((p) => p.terminate()));

  // The disturbed run: kill -9 extract and cluster mid-run, then start them again.
  const run = inspect(testRedisUrl(), testPrefix('fault-kill'));
  inspectors.push(run);
  const prefix = run.store.keys.prefix;
  const [poller, extract, cluster] = await Promise.all(
    ['scheduler,poll', 'extract', 'cluster,story'].map((roles) => launch(prefix, roles)),
  );
  // Mid-run: a good part extracted and clustered, much still queued, both roles busy.
  await until(
    'a fifth of the articles clustered while extract and cluster are both busy',
    async () => {
      const [clustered, e, c] = await Promise.all([
        clusteredCount(run),
        run.queues.extract.getActiveCount(),
        run.queues.cluster.getActiveCount(),
      ]);
      return clustered >= served.expected.size / 5 && e > 0 && c > 0;
    },
    60_000,
    5,
  );
  await Promise.all([extract!.kill9(), cluster!.kill9()]);
  const killedAt = Date.now();
  const [storedAtKill, clusteredAtKill, extractCounts, clusterCounts] = await Promise.all([
    run.store.articles.count(),
    clusteredCount(run),
    run.queues.extract.getJobCounts('waiting', 'active', 'delayed'),
    run.queues.cluster.getJobCounts('waiting', 'active', 'delayed'),
  ]);
  Object.assign(figures, {
    expected: served.expected.size,
    storedAtKill,
    clusteredAtKill,
    extractPendingAtKill: extractCounts.waiting! + extractCounts.active! + extractCounts.delayed!,
    clusterPendingAtKill: clusterCounts.waiting! + clusterCounts.active! + clusterCounts.delayed!,
    // Jobs still "active" after the kill were held by the dead processes: orphaned mid-job.
    orphanedExtractJobs: extractCounts.active!,
    orphanedClusterJobs: clusterCounts.active!,
  });

  const restartedAt = Date.now();
  const [extract2, cluster2] = await Promise.all([launch(prefix, 'extract'), launch(prefix, 'cluster,story')]);
  const firstClustered = await cluster2!.waitForLog((l) => l.msg === 'article clustered', 60_000);
  figures.msKillToFirstClustered = Date.parse(String(firstClustered.time)) - killedAt;
  await run.untilIdle(90_000);
  figures.msRestartToIdle = Date.now() - restartedAt;
  figures.stalledLogged = [extract2!, cluster2!].flatMap((p) => p.logs).filter((l) => l.msg === 'job stalled; it will be retried').length;
  disturbed = await outcomeOf(run.store, served.expected, served.demoExpected);
  figures.lost = disturbed.missingUrls.length;
  figures.duplicated = disturbed.duplicatedUrls.length + disturbed.doubledMembers.length;
  await Promise.all([poller, extract2, cluster2].map((p) => p!.terminate()));
  process.stdout.write(`worker-killed figures: ${JSON.stringify(figures)}\n`);
}, 200_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill9()));
  for (const i of inspectors) {
    await wipePrefix(i.redis, i.store.keys.prefix);
    await i.close();
  }
  await served?.close();
  dir.remove();
});

describe('fault: extract and cluster processes killed with kill -9 mid-run', () => {
  it('was really mid-run: jobs were orphaned in the killed processes and many articles were still in flight', () => {
    expect(figures.orphanedExtractJobs! + figures.orphanedClusterJobs!).toBeGreaterThan(0);
    expect(figures.clusteredAtKill).toBeLessThan(served.expected.size);
    expect(figures.extractPendingAtKill! + figures.clusterPendingAtKill!).toBeGreaterThan(20);
    // The orphaned jobs came back through the stalled check, not by luck.
    expect(figures.stalledLogged).toBeGreaterThan(0);
  });

  it('stores every article exactly once', () => {
    expect(disturbed.missingUrls).toEqual([]);
    expect(disturbed.duplicatedUrls).toEqual([]);
    expect(disturbed.articles).toBe(served.expected.size);
  });

  it('puts every article in exactly one candidate, none twice', () => {
    expect(disturbed.unclustered).toEqual([]);
    expect(disturbed.doubledMembers).toEqual([]);
  });

  it('groups the same articles together as the undisturbed run (the well-separated demo stories)', () => {
    const byKey = new Map<string, string[]>();
    for (const [url, key] of served.demoExpected) byKey.set(key, [...(byKey.get(key) ?? []), url]);
    const truth = [...byKey.values()].map((g) => g.sort());
    const sorted = (groups: string[][]) => [...groups].sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    expect(undisturbed.missingUrls).toEqual([]);
    expect(sorted(undisturbed.demoGroups)).toEqual(sorted(truth));
    expect(disturbed.demoGroups).toEqual(undisturbed.demoGroups);
    // Demo stories never absorbed generated articles, nor the other way round.
    const demoCandidates = disturbed.groups.filter((g) => g.some((url) => served.demoExpected.has(url)));
    expect(demoCandidates.every((g) => g.every((url) => served.demoExpected.has(url)))).toBe(true);
  });
});
