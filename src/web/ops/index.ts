import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Settings } from '../../adapters/config/settings.js';
import { createInstanceGauges } from '../../adapters/metrics/instance-gauges.js';
import type { Queues } from '../../adapters/queue/queues.js';
import type { Store } from '../../adapters/store/store.js';
import { registerDashboard } from './dashboard.js';
import { registerErrorPages } from './error-pages.js';
import { registerHealth } from './health.js';
import { registerMetrics } from './metrics-route.js';

/** What the operator endpoints need. */
export interface OpsDeps {
  settings: Settings;
  store: Store;
  queues: Queues;
  /** This process's metrics registry (the runtime's); null serves only the other processes' snapshots. */
  processMetrics?: { processId: string; registry: Registry } | null;
}

/** /healthz, /readyz, /metrics, the queue dashboard at /admin/queues, the favicon and the HTML 404 page. */
export async function registerOps(app: FastifyInstance, deps: OpsDeps): Promise<void> {
  const { redis, keys } = deps.store;
  registerErrorPages(app);
  registerHealth(app, { redis, keys });
  registerMetrics(app, {
    redis,
    keys,
    token: deps.settings.METRICS_TOKEN,
    local: deps.processMetrics ?? null,
    instance: createInstanceGauges({ redis, queues: deps.queues, store: deps.store }),
  });
  await registerDashboard(app, { queues: deps.queues.all, trustProxy: deps.settings.TRUST_PROXY !== false });
}
