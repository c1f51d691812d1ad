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
}

/**
 * /metrics in Prometheus text format. Prometheus cannot sign in, so the desk's session is not
 * asked for: loopback may read it, anything else needs `Authorization: Bearer <METRICS_TOKEN>`.
 */
export function registerMetrics(app: FastifyInstance, deps: MetricsRouteDeps): void {
  app.get('/metrics', { config: { auth: 'public' } }, async (request, reply) => {
    if (!fromLoopback(request) && !bearerMatches(request.headers.authorization, deps.token)) {
      return reply.code(401).header('www-authenticate', 'Bearer realm="storydesk metrics"').type('text/plain; charset=utf-8')
        .send(deps.token ? 'metrics need a bearer token\n' : 'metrics are served to loopback only (set METRICS_TOKEN to allow others)\n');
    }
    const processes = await mergedProcessMetrics(deps.redis, deps.keys, deps.local);
    const merged = Registry.merge([processes, deps.instance]);
    return reply.type(merged.contentType).send(await merged.metrics());
  });
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
