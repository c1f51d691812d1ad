import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { liveHeartbeats } from '../../adapters/heartbeat.js';
import type { Keys } from '../../adapters/keys.js';

/** Roles that must have a live process somewhere for the instance to be ready. */
export const WORKER_ROLES = ['scheduler', 'poll', 'extract', 'cluster', 'story'] as const;

/** How long /readyz waits for Redis before calling it down. */
const REDIS_TIMEOUT_MS = 1_000;

/**
 * /healthz: this process is up. /readyz: Redis answers and every worker role has a fresh
 * heartbeat. Both are public and say only ok/missing per check: no hosts, errors or versions.
 */
export function registerHealth(app: FastifyInstance, deps: { redis: Redis; keys: Keys }): void {
  app.get('/healthz', { config: { auth: 'public' } }, async () => ({ ok: true }));
  app.get('/readyz', { config: { auth: 'public' } }, async (_request, reply) => {
    const checks = await readiness(deps.redis, deps.keys);
    const ok = Object.values(checks).every((v) => v === 'ok');
    return reply.code(ok ? 200 : 503).send({ ok, checks });
  });
}

/** 'ok' or why not, per check. */
export async function readiness(redis: Redis, keys: Keys): Promise<Record<string, 'ok' | 'down' | 'missing'>> {
  const checks: Record<string, 'ok' | 'down' | 'missing'> = { redis: 'down' };
  const pong = await withTimeout(redis.ping(), REDIS_TIMEOUT_MS).catch(() => null);
  if (pong !== 'PONG') {
    for (const role of WORKER_ROLES) checks[role] = 'missing';
    return checks;
  }
  checks.redis = 'ok';
  const roles = new Set((await withTimeout(liveHeartbeats(redis, keys), REDIS_TIMEOUT_MS).catch(() => [])).map((b) => b.role));
  for (const role of WORKER_ROLES) checks[role] = roles.has(role) ? 'ok' : 'missing';
  return checks;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
