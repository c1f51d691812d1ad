import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, parseOutlets, type Config } from '../../../src/adapters/config/load.js';
import { keysFor } from '../../../src/adapters/keys.js';
import { startRuntime } from '../../../app/runtime.js';
import { ROLES, type Runtime } from '../../../src/cli/runtime-port.js';
import { waitUntilIdle } from '../../../src/cli/idle.js';
import { parseStory } from '../../../src/core/story/index.js';
import { buildDemoWorld } from '../../../src/demo/articles.js';
import { demoOutlets } from '../../../src/demo/outlets.js';
import { startOutletsServer, type OutletsServer } from '../../../src/demo/server.js';
import { HOSTILE_OUTLET_NAME } from '../../../src/demo/stories/hostile.js';
import { createOneTimeEditor } from '../../../src/web/auth/index.js';
import { activeContent, launchChromium, newContext, signIn, watchForScripts } from '../../browser/helpers.js';
import { testPrefix, testRedis, testRedisUrl, wipePrefix } from '../../helpers/redis.js';

// The whole pipeline on the demo outlets (with the hostile one) behind the real desk.
let runtime: Runtime;
let server: OutletsServer;
let browser: Browser;
let prefix: string;

beforeAll(async () => {
  prefix = testPrefix('desk-pipeline');
  const world = buildDemoWorld({ baseTime: new Date(), hostile: true });
  server = await startOutletsServer(world, { port: 0, host: '127.0.0.1' });
  const settings = loadSettings({
    STORYDESK_PREFIX: prefix,
    HOST_MIN_DELAY_MS: '0',
    REDIS_URL: testRedisUrl(),
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const config: Config = { settings, outlets: parseOutlets({ outlets: demoOutlets(world, server.baseUrl) }, 'demo outlets') };
  runtime = await startRuntime(config, testRedisUrl(), pino({ level: 'silent' }), { roles: [...ROLES], port: 0 });
  await waitUntilIdle(runtime.store, runtime.queues, { quietMs: 1_500, timeoutMs: 90_000 });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
  await server?.close();
  const redis = testRedis();
  await wipePrefix(redis, prefix);
  await redis.quit();
});

describe('the desk over the demo pipeline', () => {
  it('shows every candidate of the demo outlets, hostile ones included, and runs no script', async () => {
    const login = await createOneTimeEditor(runtime.redis, keysFor(prefix));
    const context = await newContext(browser);
    const page = await context.newPage();
    const scripts = watchForScripts(page);
    await signIn(page, runtime.webUrl!, login.name, login.password);
    const ids = await page.locator('tr[data-story]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-story')!));
    expect(ids.length).toBeGreaterThanOrEqual(5);
    let sawHostileName = false;
    for (const id of ids) {
      await page.goto(`${runtime.webUrl}/stories/${id}`);
      expect(await activeContent(page), id).toEqual([]);
      sawHostileName ||= (await page.textContent('body'))!.includes(HOSTILE_OUTLET_NAME);
    }
    expect(sawHostileName).toBe(true);
    expect(await scripts.ran()).toBe(0);
    await context.close();
  });

  it('marks as a headline the excerpt of an outlet that has no sentence of its own', async () => {
    const login = await createOneTimeEditor(runtime.redis, keysFor(prefix));
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, runtime.webUrl!, login.name, login.password);
    // In the demo, every sentence of the Guardian's report of the Asian Cup final is another outlet's too.
    await page
      .getByRole('link', { name: /Asian Cup final/ })
      .first()
      .click();
    const guardian = page.locator('.slot', { hasText: 'as provided by Guardian' });
    expect(await guardian.locator('li.headline').textContent()).toMatch(/^headline: Mitoma breaks Saudi resistance/);
    expect(await page.locator('li.headline').count()).toBe(1);
    await context.close();
  });

  it('publishes a multi-outlet candidate, exports it, and the clusterer applies a merge', async () => {
    const login = await createOneTimeEditor(runtime.redis, keysFor(prefix));
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, runtime.webUrl!, login.name, login.password);
    await page.goto(`${runtime.webUrl}/?minOutlets=3`);
    await page.click('tr[data-story] a >> nth=0');
    await page.check('input[name="fact.0.accepted"]');
    await page.fill('textarea[name="slot.0.text"]', 'Written in the browser test.');
    // Publish waits for every slot: the rest are written too.
    const slots = await page.locator('textarea[name^="slot."][name$=".text"]').all();
    for (const slot of slots.slice(1)) await slot.fill('Another narrative, written in the browser test.');
    await Promise.all([page.waitForURL(/done=saved/), page.click('.story-form button[value="save"] >> nth=0')]);
    await Promise.all([page.waitForURL(/done=publish/), page.click('form[action$="/publish"] button')]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="/export.txt"]')]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(parseStory(text).errors).toEqual([]);
    expect(text).toContain('Written in the browser test.');

    const source = await page.locator('#merge-sources option').first().getAttribute('value');
    await page.fill('#merge input[name="from"]', source!);
    await page.click('#merge button[type="submit"]');
    await Promise.all([page.waitForURL(/done=merge/), page.click('#confirm')]);
    await waitUntilIdle(runtime.store, runtime.queues, { quietMs: 500, timeoutMs: 30_000 });
    expect(await runtime.queues.cluster.getJobCounts('failed')).toEqual({ failed: 0 });
    const applied = (await runtime.queues.cluster.getJobs(['completed'])).map((j) => j.data.decision?.kind);
    expect(applied).toEqual(expect.arrayContaining(['publish', 'merge']));
    await context.close();
  });
});
