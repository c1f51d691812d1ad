import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { settingsSchema } from '../../src/adapters/config/settings.js';
import { startHeartbeat } from '../../src/adapters/heartbeat.js';
import { keysFor, type Keys } from '../../src/adapters/keys.js';
import { createProcessMetrics } from '../../src/adapters/metrics/registry.js';
import { createQueues, type Queues } from '../../src/adapters/queue/queues.js';
import { createStore } from '../../src/adapters/store/store.js';
import { UserStore } from '../../src/web/auth/index.js';
import { createWebServer } from '../../src/web/server.js';
import { testPrefix, testRedis, wipePrefix } from '../helpers/redis.js';
import { PASSWORD } from '../web/helpers/desk-app.js';
import { InjectClient } from '../web/helpers/inject.js';

const TOKEN = 'metrics-token-0123456789abcdef';

interface OpsApp {
  app: FastifyInstance;
  redis: Redis;
  keys: Keys;
  queues: Queues;
  prefix: string;
  close(): Promise<void>;
}

/** The web app as the web role builds it, with an operator "otto" and an editor "erin". */
async function startOpsApp(env: Record<string, string> = {}): Promise<OpsApp> {
  const redis = testRedis();
  const prefix = testPrefix('ops');
  const keys = keysFor(prefix);
  const store = createStore(redis, keys);
  const queues = createQueues(redis, keys);
  const settings = settingsSchema.parse({ STORYDESK_PREFIX: prefix, METRICS_TOKEN: TOKEN, ...env });
  const metrics = createProcessMetrics();
  metrics.jobsCompleted.inc({ queue: 'extract' }, 3);
  const app = await createWebServer({
    settings,
    outlets: new Map(),
    store,
    queues,
    log: pino({ level: 'silent' }),
    processMetrics: { processId: 'web-host:1', registry: metrics.registry },
  });
  const users = new UserStore(redis, keys);
  await users.add('otto', 'operator', PASSWORD);
  await users.add('erin', 'editor', PASSWORD);
  return {
    app,
    redis,
    keys,
    queues,
    prefix,
    async close() {
      await app.close();
      await queues.close();
      await wipePrefix(redis, prefix);
      await redis.quit();
    },
  };
}

/** A PUT with the client's cookies (the dashboard's own API calls are PUTs). */
function put(client: InjectClient, url: string, headers: Record<string, string>) {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return ops.app.inject({ method: 'PUT', url, remoteAddress: '127.0.0.1', headers: { cookie, ...headers } });
}

let ops: OpsApp;
beforeEach(async () => {
  ops = await startOpsApp();
});
afterEach(async () => ops.close());

describe('/healthz and /readyz', () => {
  it('answers /healthz without sign-in', async () => {
    const response = await ops.app.inject({ url: '/healthz', remoteAddress: '203.0.113.9' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
  });

  it('is not ready until every worker role has a fresh heartbeat, and names no host or process', async () => {
    const before = await ops.app.inject({ url: '/readyz', remoteAddress: '203.0.113.9' });
    expect(before.statusCode).toBe(503);
    expect(before.json()).toEqual({
      ok: false,
      checks: { redis: 'ok', scheduler: 'missing', poll: 'missing', extract: 'missing', cluster: 'missing', story: 'missing' },
    });

    const stopSome = startHeartbeat(ops.redis, ops.keys, ['scheduler', 'poll', 'cluster', 'story'], 1_000);
    await new Promise((r) => setTimeout(r, 50));
    expect((await ops.app.inject({ url: '/readyz' })).json().checks.extract).toBe('missing');
    const stopExtract = startHeartbeat(ops.redis, ops.keys, ['extract'], 1_000);
    await new Promise((r) => setTimeout(r, 50));
    const ready = await ops.app.inject({ url: '/readyz', remoteAddress: '203.0.113.9' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      ok: true,
      checks: { redis: 'ok', scheduler: 'ok', poll: 'ok', extract: 'ok', cluster: 'ok', story: 'ok' },
    });
    expect(ready.body).not.toMatch(/pid|host|:\d+/);

    await stopExtract(); // a stopped process deletes its heartbeat at once
    expect((await ops.app.inject({ url: '/readyz' })).statusCode).toBe(503);
    await stopSome();
  });
});

describe('/metrics', () => {
  it('serves Prometheus text to loopback with storydesk names and labels', async () => {
    await ops.queues.extract.add(
      'extract',
      { articleId: 'a', feedId: 'f', outletId: 'o', url: 'http://x/', canonicalUrl: 'http://x/', item: {} as never, firstSeenAt: '' },
      { jobId: 'a' },
    );
    const response = await ops.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    for (const name of [
      'storydesk_jobs_completed_total',
      'storydesk_jobs_failed_total',
      'storydesk_job_duration_seconds',
      'storydesk_feed_fetches_total',
      'storydesk_articles_extracted_total',
      'storydesk_clustering_duration_seconds',
      'storydesk_queue_jobs',
      'storydesk_candidates_open',
      'storydesk_redis_memory_used_bytes',
      'storydesk_workers_live',
    ])
      expect(text, name).toContain(`# TYPE ${name} `);
    expect(text).toContain('storydesk_jobs_completed_total{queue="extract",process="web-host:1"} 3');
    expect(text).toContain('storydesk_queue_jobs{queue="extract",state="waiting"} 1');
    expect(text).toContain('storydesk_queue_jobs{queue="maintenance",state="failed"} 0');
    expect(text).toMatch(/storydesk_redis_memory_used_bytes [1-9]\d+/);
  });

  it('includes the snapshots other processes published, each under its own process label', async () => {
    const worker = createProcessMetrics({ defaultMetrics: false });
    worker.articlesExtracted.inc({ outcome: 'paywall' }, 2);
    await ops.redis.set(ops.keys.metrics('extract-host:42'), JSON.stringify(await worker.registry.getMetricsAsJSON()), 'PX', 5_000);
    const text = (await ops.app.inject({ url: '/metrics' })).body;
    expect(text).toContain('storydesk_articles_extracted_total{outcome="paywall",process="extract-host:42"} 2');
    expect(text).toContain('storydesk_jobs_completed_total{queue="extract",process="web-host:1"} 3');
  });

  it('refuses other addresses without the bearer token, and relayed requests even from loopback', async () => {
    const remote = await ops.app.inject({ url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(remote.statusCode).toBe(401);
    expect(remote.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(remote.body).not.toContain('storydesk_');
    const wrong = await ops.app.inject({ url: '/metrics', remoteAddress: '10.1.2.3', headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.statusCode).toBe(401);
    const relayed = await ops.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '198.51.100.7' } });
    expect(relayed.statusCode).toBe(401);
    const withToken = await ops.app.inject({ url: '/metrics', remoteAddress: '10.1.2.3', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.body).toContain('storydesk_jobs_completed_total');
  });
});

describe('/admin/queues', () => {
  it('needs sign-in, and the operator role', async () => {
    const anonymous = new InjectClient(ops.app);
    const page = await anonymous.get('/admin/queues');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/signin?next=%2Fadmin%2Fqueues');
    expect((await anonymous.get('/admin/queues/api/queues', { accept: 'application/json' })).statusCode).toBe(401);
    expect((await anonymous.get('/admin/queues/static/js/main.js', { accept: '*/*' })).statusCode).toBe(401);

    const editor = new InjectClient(ops.app);
    await editor.signIn('erin', PASSWORD);
    const refused = await editor.get('/admin/queues', { accept: 'text/html' });
    expect(refused.statusCode).toBe(403);
    // A page an editor can act on, not a bare line of text.
    expect(refused.headers['content-type']).toContain('text/html');
    expect(refused.body).toContain('Not for your role');
    expect(refused.body).toContain('href="/"');
    expect((await editor.get('/admin/queues/api/queues', { accept: 'application/json' })).statusCode).toBe(403);
  });

  it('shows every storydesk queue to an operator, with its own CSP', async () => {
    const operator = new InjectClient(ops.app);
    await operator.signIn('otto', PASSWORD);
    const page = await operator.get('/admin/queues');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<base href="/admin/queues/"');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    // Everything the dashboard loads comes from storydesk: no web-font host, in the page or the policy.
    expect(page.body).not.toMatch(/(?:href|src)="(?:https?:)?\/\//);
    expect(page.headers['content-security-policy']).not.toMatch(/https?:/);
    const api = await operator.get('/admin/queues/api/queues?activeQueue=extract&page=1', { accept: 'application/json' });
    expect(api.statusCode).toBe(200);
    const names = (api.json() as { queues: Array<{ name: string }> }).queues.map((q) => q.name).sort();
    expect(names).toEqual(['cluster', 'extract', 'maintenance', 'poll', 'story']);
  });

  it('refuses dashboard changes that do not come from the dashboard page', async () => {
    const operator = new InjectClient(ops.app);
    await operator.signIn('otto', PASSWORD);
    const cross = await put(operator, '/admin/queues/api/queues/extract/pause', {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(cross.statusCode).toBe(403);
    expect(await ops.queues.extract.isPaused()).toBe(false);
    const same = await put(operator, '/admin/queues/api/queues/extract/pause', { 'sec-fetch-site': 'same-origin' });
    expect(same.statusCode).toBe(200);
    expect(await ops.queues.extract.isPaused()).toBe(true);
  });
});

describe('/admin/queues behind a path prefix', () => {
  let proxied: OpsApp;
  beforeAll(async () => {
    proxied = await startOpsApp({ TRUST_PROXY: 'true' });
  });
  afterAll(async () => proxied.close());

  it('puts the proxy prefix in the page base, so scripts and API calls go through the proxy', async () => {
    const operator = new InjectClient(proxied.app, { 'x-forwarded-prefix': '/storydesk' });
    await operator.signIn('otto', PASSWORD);
    const page = await operator.get('/admin/queues');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<base href="/storydesk/admin/queues/"');
    const hostile = await operator.get('/admin/queues', { 'x-forwarded-prefix': '"><script>x</script>' });
    expect(hostile.body).toContain('<base href="/admin/queues/"');
  });
});
