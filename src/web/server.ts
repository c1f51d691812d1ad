import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Settings } from '../adapters/config/settings.js';
import type { Logger } from '../adapters/log/logger.js';
import type { Queues } from '../adapters/queue/queues.js';
import type { Store } from '../adapters/store/store.js';
import type { Outlet } from '../core/model/index.js';
import { registerAuth, type ThrottleLimits } from './auth/index.js';
import { registerDesk } from './desk/routes.js';
import { addSecurityHeaders } from './desk/security.js';
import { registerOps } from './ops/index.js';
import type { Registry } from 'prom-client';

/** What the web role serves from: the store, the queues (dashboard), the config. */
export interface WebDeps {
  settings: Settings;
  outlets: ReadonlyMap<string, Outlet>;
  store: Store;
  queues: Queues;
  log: Logger;
  /** Failed sign-in limits (tests lower them); defaults in web/auth/throttle.ts. */
  signinThrottle?: ThrottleLimits;
  /** This process's metrics, served live on /metrics beside the other processes' snapshots. */
  processMetrics?: { processId: string; registry: Registry } | null;
}

/**
 * The desk and the operator endpoints in one fastify app (inject() in tests, listen() in `start`).
 * Sign-in is registered first, so every route added later needs a session unless its config
 * says `auth: 'public'`; use `requireRole(...)` from web/auth for the role.
 */
export async function createWebServer(deps: WebDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log.child({ role: 'web' }) as FastifyBaseLogger,
    trustProxy: trustProxyOption(deps.settings.TRUST_PROXY),
    logController: new LogController({ disableRequestLogging: true }),
  });
  addSecurityHeaders(app);
  await registerAuth(app, { redis: deps.store.redis, keys: deps.store.keys, throttle: deps.signinThrottle });
  await registerOps(app, deps);
  await registerDesk(app, deps);
  return app;
}

/**
 * fastify's trustProxy from TRUST_PROXY: a hop count trusts that many addresses nearest to us
 * (the socket peer is hop 0), so the client address is the one the outermost trusted proxy
 * saw, never what the client wrote at the left of X-Forwarded-For; a list trusts those proxies.
 */
export function trustProxyOption(setting: Settings['TRUST_PROXY']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return setting;
}
