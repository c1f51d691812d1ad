import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import type { Keys } from '../../adapters/keys.js';
import { mergedProcessMetrics } from '../../adapters/metrics/snapshots.js';

export interface MetricsRouteDeps {
  redis: Redis;
  keys: Keys;
  /** Scrape-time gauges about the whole instance (queue depths, Redis memory, …). */
  instance: Registry;
  /** This process's own counters, read live. */
  local: { processId: string; registry: Registry } | null;
  /** METRICS_TOKEN: required from anywhere but loopback. */
  token: string | undefined;
  /** How long the Redis-backed part may take before /metrics answers without it (ms). */
  redisTimeoutMs?: number;
}

/** Default for redisTimeoutMs: well inside Prometheus's default 10 s scrape timeout. */
const REDIS_TIMEOUT_MS = 2_000;

/** `work`, or a rejection after `ms` (the timer does not keep the process alive). */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * /metrics in Prometheus text format. Prometheus cannot sign in, so the desk's session is not
 * asked for: loopback may read it, anything else needs `Authorization: Bearer <METRICS_TOKEN>`.
 */
export function registerMetrics(app: FastifyInstance, deps: MetricsRouteDeps): void {
  app.get('/metrics', { config: { auth: 'public' } }, async (request, reply) => {
    if (!fromLoopback(request) && !bearerMatches(request.headers.authorization, deps.token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="storydesk metrics"')
        .type('text/plain; charset=utf-8')
        .send(deps.token ? 'metrics need a bearer token\n' : 'metrics are served to loopback only (set METRICS_TOKEN to allow others)\n');
    }
    // While Redis is down its commands wait for the reconnect; /metrics must not: past the
    // timeout it serves this process's own metrics and says Redis did not answer.
    const deadline = Date.now() + (deps.redisTimeoutMs ?? REDIS_TIMEOUT_MS);
    try {
      const processes = await within(mergedProcessMetrics(deps.redis, deps.keys, deps.local), deadline - Date.now());
      const merged = Registry.merge([processes, deps.instance]);
      const text = await within(merged.metrics(), Math.max(1, deadline - Date.now()));
      return reply.type(merged.contentType).send(`${text}${redisLine(1)}`);
    } catch (error) {
      request.log.error({ err: error }, 'metrics: Redis did not answer; serving this process only');
      const own = deps.local ? await deps.local.registry.metrics() : '';
      return reply.type(Registry.PROMETHEUS_CONTENT_TYPE).send(`${own}${redisLine(0)}`);
    }
  });
}

function redisLine(up: 0 | 1): string {
  return `# HELP storydesk_metrics_redis_up 1 when this scrape read every process's metrics from Redis, 0 when Redis did not answer in time.\n# TYPE storydesk_metrics_redis_up gauge\nstorydesk_metrics_redis_up ${up}\n`;
}

/**
 * A direct loopback connection. A request relayed by a proxy (Forwarded / X-Forwarded-For) is
 * not loopback even when the proxy runs on this host, whether or not TRUST_PROXY is set.
 */
export function fromLoopback(request: Pick<FastifyRequest, 'ip' | 'headers'>): boolean {
  if (request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined) return false;
  return request.ip === '127.0.0.1' || request.ip === '::1' || request.ip === '::ffff:127.0.0.1';
}

/** Constant-time comparison of `Authorization: Bearer <token>` with the configured token. */
export function bearerMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return false;
  const sent = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}
