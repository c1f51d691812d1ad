import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Settings } from '../adapters/config/settings.js';
import type { Logger } from '../adapters/log/logger.js';
import type { Queues } from '../adapters/queue/queues.js';
import type { Store } from '../adapters/store/store.js';
import type { Outlet } from '../core/model/index.js';
import { registerDesk } from './desk/routes.js';

/** What the web role serves from: the store, the queues (dashboard), the config. */
export interface WebDeps {
  settings: Settings;
  outlets: ReadonlyMap<string, Outlet>;
  store: Store;
  queues: Queues;
  log: Logger;
}

/** The desk and the operator endpoints in one fastify app (inject() in tests, listen() in `start`). */
export async function createWebServer(deps: WebDeps): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: deps.log.child({ role: 'web' }) as FastifyBaseLogger, trustProxy: deps.settings.TRUST_PROXY, disableRequestLogging: true });
  app.get('/healthz', async () => ({ ok: true }));
  await registerDesk(app, deps);
  return app;
}
