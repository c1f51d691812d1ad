import { hostname } from 'node:os';
import { Worker, type Processor } from 'bullmq';
import { startHeartbeat } from '../src/adapters/heartbeat.js';
import { keysFor } from '../src/adapters/keys.js';
import { createQueues, type QueueName } from '../src/adapters/queue/queues.js';
import { connectRedis } from '../src/adapters/redis/connect.js';
import { createStore } from '../src/adapters/store/store.js';
import { ensureDataVersion } from '../src/adapters/store/version.js';
import { createExtractPool, poolSizeFor } from '../src/adapters/extract/pool.js';
import { evictionWarning, redisMemory } from '../src/adapters/metrics/redis-info.js';
import { createProcessMetrics } from '../src/adapters/metrics/registry.js';
import { publishMetrics } from '../src/adapters/metrics/snapshots.js';
import { processMaintenance, schedulePrune } from '../workers/maintenance.js';
import { createInFlight } from './in-flight.js';
import { watchWorker } from './job-events.js';
import { createWebServer } from '../src/web/server.js';
import { processCluster } from '../workers/cluster.js';
import { processStory } from '../workers/story.js';
import { processExtract } from '../workers/extract.js';
import { processPoll } from '../workers/poll.js';
import { reconcileSchedulers } from '../workers/schedule.js';
import type { StartRuntime } from '../src/cli/runtime-port.js';
import { buildWorkerContext } from './worker-context.js';

/** A page still parsing after this long is given up and stored with the feed's summary. */
const EXTRACT_TIMEOUT_MS = 60_000;

/** Start the given roles in this process against one Redis. */
export const startRuntime: StartRuntime = async (config, redisUrl, log, options) => {
  const { settings } = config;
  const keys = keysFor(settings.STORYDESK_PREFIX);
  const redis = connectRedis(redisUrl, `storydesk:${options.roles.join(',')}`);
  redis.on('error', (error) => log.error({ err: error.message }, 'redis connection error'));
  const store = createStore(redis, keys);
  const queues = createQueues(redis, keys);
  let outlets = config.outlets;
  // Refuse data written by a newer release, migrate older data, before any worker touches it.
  await ensureDataVersion(redis, keys, log);
  const eviction = evictionWarning((await redisMemory(redis)).policy);
  if (eviction) log.warn({ check: 'maxmemory-policy' }, eviction);
  const metrics = createProcessMetrics();
  const processId = `${hostname()}:${process.pid}`;
  // Cheerio runs in worker threads so a slow page cannot block lock renewal (docs/operations.md).
  const extractPool = options.roles.includes('extract')
    ? createExtractPool({ size: poolSizeFor(options.concurrency ?? settings.EXTRACT_CONCURRENCY), timeoutMs: EXTRACT_TIMEOUT_MS })
    : undefined;
  await store.outlets.putAll(outlets);
  const ctx = await buildWorkerContext({ settings, outlets, store, queues, log, redis, keys, extractPool });

  const workers: Worker[] = [];
  const inFlight = createInFlight();
  const worker = <T>(name: QueueName, processor: Processor<T>, concurrency: number) => {
    const w = new Worker<T>(name, inFlight.track(processor), {
      connection: redis,
      prefix: keys.bullPrefix,
      concurrency,
      lockDuration: settings.LOCK_DURATION_MS,
      stalledInterval: settings.STALLED_INTERVAL_MS,
    });
    watchWorker(w, log, metrics);
    workers.push(w);
  };

  const roles = new Set(options.roles);
  const concurrency = {
    poll: options.concurrency ?? settings.POLL_CONCURRENCY,
    extract: options.concurrency ?? settings.EXTRACT_CONCURRENCY,
    cluster: 1,
    story: settings.STORY_CONCURRENCY,
  };
  if (roles.has('scheduler'))
    await reconcileSchedulers(
      queues,
      store,
      outlets.flatMap((o) => o.feeds),
      log,
      new Date(),
    );
  if (roles.has('scheduler')) {
    // The scheduler role also owns housekeeping: the retention prune, one job at a time.
    await schedulePrune(ctx);
    worker('maintenance', processMaintenance(ctx), 1);
  }
  if (roles.has('poll')) worker('poll', processPoll(ctx), concurrency.poll);
  if (roles.has('extract')) {
    await extractPool?.ready;
    worker('extract', processExtract(ctx), concurrency.extract);
  }
  if (roles.has('cluster')) {
    // One clustering at a time across every process and host: the clusterer has one writer.
    await queues.cluster.setGlobalConcurrency(1);
    worker('cluster', processCluster(ctx), 1);
  }
  // Suggestions: any number of story-role processes, each refreshing several stories at once.
  if (roles.has('story')) worker('story', processStory(ctx), concurrency.story);

  let webUrl: string | null = null;
  const web = roles.has('web')
    ? await createWebServer({
        settings,
        outlets: ctx.outlets,
        store,
        queues,
        log,
        processMetrics: { processId, registry: metrics.registry },
      })
    : null;
  if (web) {
    webUrl = await web.listen({ port: options.port ?? settings.PORT, host: settings.HOST });
    log.info({ url: webUrl }, 'desk listening');
  }
  const stopHeartbeat = startHeartbeat(
    redis,
    keys,
    options.roles.filter((r) => r !== 'web'),
    settings.HEARTBEAT_MS,
    concurrency,
  );
  const stopMetrics = publishMetrics(redis, keys, metrics.registry, processId, settings.HEARTBEAT_MS);

  return {
    redis,
    store,
    queues,
    webUrl,
    async reconcile(next) {
      if (next) outlets = next;
      if (roles.has('scheduler'))
        await reconcileSchedulers(
          queues,
          store,
          outlets.flatMap((o) => o.feeds),
          log,
          new Date(),
        );
    },
    async stop() {
      // Stop taking jobs, let running ones finish within the grace, then close everything.
      const grace = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), settings.SHUTDOWN_GRACE_MS).unref());
      const closing = Promise.all(workers.map((w) => w.close()));
      if ((await Promise.race([closing, grace])) === 'timeout') {
        log.warn({ graceMs: settings.SHUTDOWN_GRACE_MS }, 'jobs still running after the grace; returning them to the queue');
        // worker.close(true) after close() is a no-op in BullMQ (it returns the pending close,
        // which waits for the jobs): hand the jobs back ourselves and stop waiting for them.
        await inFlight.returnAll(log);
      }
      await web?.close();
      await stopHeartbeat();
      await stopMetrics();
      await extractPool?.close();
      await queues.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
};
