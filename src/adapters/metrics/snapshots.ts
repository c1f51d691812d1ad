import type { Redis } from 'ioredis';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { Keys } from '../keys.js';

type MetricJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>[number];

/**
 * Worker-only processes listen on no port, so each process writes its metrics to Redis every
 * `intervalMs` (with a TTL of three intervals, like the heartbeat) and the web role serves
 * them all from one /metrics. Returns a stop function that deletes this process's snapshot.
 */
export function publishMetrics(redis: Redis, keys: Keys, registry: Registry, processId: string, intervalMs: number): () => Promise<void> {
  const key = keys.metrics(processId);
  const publish = async () => {
    const json = await registry.getMetricsAsJSON();
    await redis.set(key, JSON.stringify(json), 'PX', intervalMs * 3).catch(() => undefined); // a missed snapshot is fine
  };
  void publish();
  const timer = setInterval(() => void publish(), intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await publish();
    // Keep the final counts for one more TTL so a scrape right after shutdown still sees them.
  };
}

/**
 * Every live process's metrics as one registry: the snapshots in Redis, with this process's
 * own registry read live instead of its snapshot. Each series gets a `process` label, so
 * counters of different processes never add up into one series that drops when a process stops.
 */
export async function mergedProcessMetrics(
  redis: Redis,
  keys: Keys,
  local: { processId: string; registry: Registry } | null,
): Promise<Registry> {
  const perProcess = new Map<string, MetricJson[]>();
  for (const key of await scanKeys(redis, keys.metricsPattern)) {
    const raw = await redis.get(key);
    if (raw) perProcess.set(key.slice(keys.metrics('').length), JSON.parse(raw) as MetricJson[]);
  }
  if (local) perProcess.set(local.processId, await local.registry.getMetricsAsJSON());
  const labelled = [...perProcess].map(([processId, metrics]) =>
    metrics.map((metric) => ({
      ...metric,
      values: metric.values.map((value) => ({ ...value, labels: { ...value.labels, process: processId } })),
    })),
  );
  return AggregatorRegistry.aggregate(labelled);
}

async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  return found.sort();
}
