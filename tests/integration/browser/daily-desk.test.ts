import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntime } from '../../../app/runtime.js';
import { loadSettings, parseOutlets, type Config } from '../../../src/adapters/config/load.js';
import { keysFor } from '../../../src/adapters/keys.js';
import { waitUntilIdle } from '../../../src/cli/idle.js';
import type { Runtime } from '../../../src/cli/runtime-port.js';
import type { Article } from '../../../src/core/model/index.js';
import { UserStore } from '../../../src/web/auth/index.js';
import { activeContent, launchChromium, newContext, signIn, watchForScripts } from '../../browser/helpers.js';
import { BOJ, BOJ_LATE, HOSTILE, OUTLETS, SECURITY_TALKS } from '../../fixtures/web/world.js';
import { testPrefix, testRedis, testRedisUrl, wipePrefix } from '../../helpers/redis.js';
import { PASSWORD, seedStory } from '../../web/helpers/desk-app.js';

// The editor's and the operator's day in a real Chromium, against a real desk with the extract,
// cluster and web roles running (so "add an article by URL" goes through the pipeline). One
// browser for the file; each page load carries several checks.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** `STORYDESK_SCREENSHOTS=1 npx vitest run tests/integration/browser/daily-desk.test.ts` refreshes the README's pictures in docs/. */
const SHOTS = Boolean(process.env.STORYDESK_SCREENSHOTS);
const shot = async (page: Page, name: string, options: { fullPage?: boolean; selector?: string } = {}) => {
  if (!SHOTS) return;
  const path = resolve(root, 'docs', name);
  mkdirSync(dirname(path), { recursive: true });
  if (options.selector) await page.locator(options.selector).screenshot({ path });
  else await page.screenshot({ path, fullPage: options.fullPage ?? false });
};

/** A page the "China Military" outlet serves on loopback: an article no feed announced. */
const LATE_ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>PLA Daily: China and Japan should build trust through the new defence hotline</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2025-03-20T09:30:00Z"></head>
<body><article><h1>China and Japan should build trust through the new defence hotline</h1>
<p>The security dialogue between China and Japan held in Tokyo on Thursday was the first in four years, and Beijing welcomed the agreement on a defence hotline.</p>
<p>Chinese officials said the hotline between the two defence ministries should be used to manage incidents in the East China Sea before they escalate.</p>
<p>The Chinese side again urged Tokyo to stop interfering in the Taiwan question and to show restraint in its military build-up, which it said worries the region.</p>
<p>Military analysts quoted by the paper said the talks showed that dialogue, not confrontation, is the way to handle differences between neighbours.</p>
</article></body></html>`;

let runtime: Runtime;
let browser: Browser;
let site: Server;
let siteUrl: string;
let base: string;
let prefix: string;
/** A single-outlet candidate on the security talks that the page should point to. */
const STRAY: Article[] = [
  {
    ...SECURITY_TALKS[1]!,
    id: 'a-stray-jt',
    url: 'https://japantimes.example/news/stray',
    canonicalUrl: 'https://japantimes.example/news/stray',
    title: 'Japan and China agree on defence hotline at first security dialogue in four years',
    text: 'Japan and China agreed at their first security dialogue in four years to set up a hotline between their defence ministries.\n\nOfficials met in Tokyo on Thursday.',
  },
];

beforeAll(async () => {
  site = createServer((request, response) => {
    if (request.url === '/news/late-talks')
      return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(LATE_ARTICLE);
    response.writeHead(404).end();
  });
  await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  prefix = testPrefix('daily-desk');
  const outlets = OUTLETS.map((o) =>
    o.id === 'chinamil' ? { ...o, homepage: `${siteUrl}/`, allowPrivateNetwork: true, respectRobots: false, feeds: [] } : o,
  );
  const settings = loadSettings({
    STORYDESK_PREFIX: prefix,
    HOST_MIN_DELAY_MS: '0',
    REDIS_URL: testRedisUrl(),
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const config: Config = { settings, outlets: parseOutlets({ outlets }, 'test outlets') };
  runtime = await startRuntime(config, testRedisUrl(), pino({ level: 'silent' }), {
    roles: ['extract', 'cluster', 'story', 'web'],
    port: 0,
  });
  base = runtime.webUrl!;
  const users = new UserStore(runtime.redis, keysFor(prefix));
  await users.add('erin', 'editor', PASSWORD);
  await users.add('otto', 'operator', PASSWORD);
  const desk = { store: runtime.store, outlets: new Map(config.outlets.map((o) => [o.id, o])) };
  await seedStory(desk, 'talks', SECURITY_TALKS, new Date('2025-03-20T16:00:00Z'));
  await seedStory(desk, 'boj', BOJ, new Date('2025-03-20T15:00:00Z'));
  await seedStory(desk, 'boj-late', BOJ_LATE, new Date('2025-03-20T14:00:00Z'));
  await seedStory(desk, 'stray', STRAY, new Date('2025-03-20T13:00:00Z'));
  await seedStory(desk, 'trade', HOSTILE, new Date('2025-03-20T12:00:00Z'));
  // A published story: never offered as a merge source.
  const published = await seedStory(
    desk,
    'old-news',
    [
      {
        ...BOJ[0]!,
        id: 'a-old',
        url: 'https://kyodo.example/news/old',
        canonicalUrl: 'https://kyodo.example/news/old',
        title: 'Bank of Japan holds rates (old news)',
      },
    ],
    new Date('2025-03-19T12:00:00Z'),
  );
  await runtime.store.stories.save({ ...published, status: 'published' }, published.version);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
  await new Promise((done) => site?.close(done));
  const redis = testRedis();
  await wipePrefix(redis, prefix);
  await redis.quit();
});

const visibleText = (page: Page) =>
  page
    .locator('main')
    .textContent()
    .then((t) => t ?? '');

describe("an editor's day", () => {
  it('list: sorts, searches article bodies, shows unseen counts, and moves with j/k/o', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const scripts = watchForScripts(page);
    await signIn(page, base, 'erin', PASSWORD);
    // Never opened: every article is unseen; "needs me" puts the biggest backlog first.
    await page.selectOption('select[name="sort"]', 'needs');
    await Promise.all([page.waitForURL(/sort=needs/), page.click('form.filters button')]);
    expect(await page.locator('tr[data-story]').first().getAttribute('data-story')).toBe('talks');
    expect(await page.textContent('tr[data-story="talks"] .unseen')).toBe('4 new');
    const sorts = await page.locator('select[name="sort"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(sorts).toEqual(['recent', 'newest', 'outlets', 'size', 'needs']);
    await page.goto(`${base}/?sort=outlets`);
    expect(await page.locator('tr[data-story]').first().getAttribute('data-story')).toBe('talks');
    await shot(page, 'desk-list.png');

    // Point 8: words only in article bodies find the story.
    await page.fill('input[name="q"]', 'Senkaku');
    await Promise.all([page.waitForURL(/q=Senkaku/), page.click('form.filters button')]);
    expect(await page.locator('tr[data-story]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-story')))).toEqual(['talks']);

    // Keys on the list: j highlights the first row, j the next, k back, o opens it.
    await page.goto(`${base}/?sort=outlets`);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await page.locator('tr.current').getAttribute('data-story')).toBe('talks');
    await Promise.all([page.waitForURL(`${base}/stories/talks`), page.keyboard.press('o')]);
    expect(await scripts.ran()).toBe(0);
    await context.close();
  });

  it('candidate page: compact, what is new, who is missing, preview, keys, and Publish refused while slots are unwritten', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const scripts = watchForScripts(page);
    await signIn(page, base, 'erin', PASSWORD);
    await page.goto(`${base}/stories/talks`);
    const text = await visibleText(page);
    // Point 6: compact (bodies collapsed), one Move control, no internal version shown.
    expect(text).not.toMatch(/\bversion\b/i);
    expect(await page.locator('ul.articles > li').count()).toBe(4);
    expect(await page.locator('ul.articles details[open]').count()).toBe(0);
    expect(await page.locator('.article-body').first().isVisible()).toBe(false);
    await page.click('ul.articles summary >> nth=1');
    expect(await page.locator('.article-body').nth(1).isVisible()).toBe(true);
    expect(await page.locator('input[name="to"]').count()).toBe(1);
    expect(await page.locator('select[name="to"]').count()).toBe(0);
    // Point 2: who is missing, and the stray single-outlet candidate.
    expect(await page.textContent('#missing')).toContain('Evil <script>');
    expect(await page.locator('#missing li', { hasText: 'Countries' }).textContent()).toContain('ZZ');
    expect(await page.locator('#strays li').evaluateAll((li) => li.map((l) => l.getAttribute('data-stray')))).toEqual(['stray']);
    expect(await page.locator('svg.coverage rect').count()).toBeGreaterThan(2);
    // Opened once already (from the list): nothing new since.
    expect(await page.textContent('#since')).toContain('Nothing new since your last visit');
    expect(await activeContent(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 1000 });
    await shot(page, 'desk-candidate-top.png');
    await shot(page, 'desk-missing.png', { selector: '.columns' });

    // Point 5: Publish is refused with a clear message while slots read "[to be written]".
    await Promise.all([page.waitForURL(`${base}/stories/talks/publish`), page.click('#status-actions button[value="publish"]')]);
    expect(await page.textContent('.error')).toMatch(/Not published: \d narrative slot\(s\) still read "\[to be written\]"/);
    expect(await page.textContent('#status')).toBe('candidate');
    const feed = await page.request.get(`${base}/published.atom`);
    expect(await feed.text()).not.toContain('security talks');

    // Point 1 and keys: p previews the story as it will publish, unwritten slots marked.
    await page.goto(`${base}/stories/talks`);
    await Promise.all([page.waitForURL(`${base}/stories/talks/preview`), page.keyboard.press('p')]);
    expect(await page.locator('#preview h1').textContent()).toBe('Japan and China hold first security talks in four years');
    expect(await page.textContent('#preview')).toContain('Sources:');
    const slots = (await runtime.store.stories.get('talks'))!.narratives.length;
    expect(slots).toBeGreaterThan(1);
    expect(await page.locator('#preview .unwritten').count()).toBe(slots);
    expect(await page.locator('#preview .narrative').count()).toBe(slots);
    expect(await page.textContent('#unwritten')).toContain(`${slots} narrative slot(s) still to be written`);
    await shot(page, 'desk-preview.png', { fullPage: true });
    await Promise.all([page.waitForURL(`${base}/stories/talks`), page.click('#back-to-candidate')]);

    // e jumps to the story form; Esc leaves the field so keys work again; j/k walk the list.
    await page.keyboard.press('e');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('title');
    await page.keyboard.press('Escape');
    await Promise.all([page.waitForURL(`${base}/stories/boj`), page.keyboard.press('j')]);
    expect(await page.textContent('#since')).toContain('First time you open this candidate');
    await Promise.all([page.waitForURL(`${base}/stories/talks`), page.keyboard.press('k')]);
    expect(await page.textContent('#since')).toContain('Nothing new since your last visit');

    // Write every slot, preview says ready, publish goes through, and the feed has it.
    for (const slot of await page.locator('textarea[name^="slot."][name$=".text"]').all())
      await slot.fill('What this outlet says that the others do not.');
    await Promise.all([page.waitForURL(/done=saved/), page.click('.story-form button[value="save"] >> nth=0')]);
    await page.goto(`${base}/stories/talks/preview`);
    expect(await page.locator('#ready').count()).toBe(1);
    await page.goto(`${base}/stories/talks`);
    await Promise.all([page.waitForURL(/done=publish/), page.click('#status-actions button[value="publish"]')]);
    expect(await page.textContent('#status')).toBe('published');
    expect(await (await page.request.get(`${base}/published.atom`)).text()).toContain('security talks');
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await shot(page, 'desk-candidate-bottom.png');
    expect(await scripts.ran()).toBe(0);
    await context.close();
  });

  it('move and merge: nothing by default, a search, a confirmation, published stories never merged', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, 'erin', PASSWORD);
    await page.goto(`${base}/stories/boj`);
    // Point 4: the merge search offers open candidates only.
    const offered = await page.locator('#merge-sources option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toContain('boj-late');
    expect(offered).not.toContain('old-news');
    expect(offered).not.toContain('talks'); // published above
    // Typing a published story's id anyway is refused with a message.
    await page.fill('#merge input[name="from"]', 'old-news');
    await Promise.all([page.waitForURL(/\/merge$/), page.click('#merge button[type="submit"]')]);
    expect(await page.textContent('.error')).toContain('is published');
    // Move with nothing chosen does not submit (required), so nothing moves anywhere.
    await page.goto(`${base}/stories/boj`);
    await page.check(`input[name="articleIds"][value="${BOJ[1]!.id}"]`);
    await page.click('#ticked-actions button[type="submit"]:not([formaction])');
    expect(page.url()).toBe(`${base}/stories/boj`);
    expect((await runtime.store.stories.get('boj'))!.articleIds).toContain(BOJ[1]!.id);
    // A search by title: one match → the confirmation names it; Cancel changes nothing.
    await page.fill('input[name="to"]', 'treasury');
    await Promise.all([page.waitForURL(/\/move$/), page.click('#ticked-actions button[type="submit"]:not([formaction])')]);
    expect(await page.textContent('#confirm-question')).toContain('Japan rate rise ripples through Treasury market');
    await Promise.all([page.waitForURL(`${base}/stories/boj`), page.click('#cancel')]);
    expect((await runtime.store.stories.get('boj'))!.articleIds).toContain(BOJ[1]!.id);
    // Confirmed: the ticked article moves.
    await page.check(`input[name="articleIds"][value="${BOJ[1]!.id}"]`);
    await page.fill('input[name="to"]', 'boj-late');
    await page.click('#ticked-actions button[type="submit"]:not([formaction])');
    await Promise.all([page.waitForURL(/done=move/), page.click('#confirm')]);
    expect((await runtime.store.stories.get('boj-late'))!.articleIds).toContain(BOJ[1]!.id);
    // Merge with a confirmation.
    await page.fill('#merge input[name="from"]', 'boj-late');
    await page.click('#merge button[type="submit"]');
    expect(await page.textContent('#confirm-question')).toContain('Merge');
    await Promise.all([page.waitForURL(/done=merge/), page.click('#confirm')]);
    expect(await runtime.store.stories.get('boj-late')).toBeNull();
    await context.close();
  });

  it('adds an article by URL through the pipeline, shows it as new since the last visit, and rejects with a reason', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, 'erin', PASSWORD);
    await page.goto(`${base}/stories/stray`);
    // Point 3: the outlet is guessed from the address (China Military's page on loopback).
    await page.fill('#add-article input[name="url"]', `${siteUrl}/news/late-talks`);
    await Promise.all([page.waitForURL(/done=add/), page.click('#add-article button')]);
    expect(await page.textContent('.flash')).toContain('Article queued');
    // The article is new on the first view that lists it: the page the form returns to when the
    // pipeline was quicker than that page (a loaded machine), else the next one.
    const headlines = async () => (await page.locator('ul.articles .headline').allTextContents()).join('\n');
    const firstView = {
      listsIt: (await headlines()).includes('build trust through the new defence hotline'),
      since: await page.textContent('#since'),
      marked: await page.locator('ul.articles .new').count(),
    };
    await waitUntilIdle(runtime.store, runtime.queues, { quietMs: 500, timeoutMs: 30_000 });
    await page.reload();
    expect(await headlines()).toContain('build trust through the new defence hotline');
    expect(await page.textContent('ul.articles')).toContain('China Military');
    const shownNew = firstView.listsIt
      ? firstView
      : { since: await page.textContent('#since'), marked: await page.locator('ul.articles .new').count() };
    expect(shownNew.since).toContain('1 new article(s)');
    expect(shownNew.marked).toBe(1);
    expect(await page.textContent('#history')).toContain('added an article by URL');
    expect(await runtime.store.stories.storyOf((await runtime.store.stories.get('stray'))!.articleIds.at(-1)!)).toBe('stray');

    // Reject needs a reason (the browser will not send the form without one).
    await page.click('#reject-form button');
    expect((await runtime.store.stories.get('stray'))!.status).not.toBe('rejected');
    await page.fill('#reject-form input[name="reason"]', 'Belongs with the security talks story');
    await Promise.all([page.waitForURL(/done=reject/), page.click('#reject-form button')]);
    expect(await page.textContent('#history')).toContain('rejected: “Belongs with the security talks story”');
    await context.close();
  });

  it('help page lists the shortcuts; ? opens it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, 'erin', PASSWORD);
    await Promise.all([page.waitForURL(`${base}/help`), page.keyboard.press('?')]);
    const keys = await page.locator('#shortcuts kbd').allTextContents();
    expect(keys).toEqual(expect.arrayContaining(['j', 'k', 'e', 'p', '?']));
    await context.close();
  });
});

describe("an operator's day", () => {
  it('reads without editing controls, reaches the dashboard from the nav, and the dashboard loads nothing from elsewhere', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, 'otto', PASSWORD);
    await page.goto(`${base}/stories/boj`);
    // Point 7: no editing buttons for operators.
    expect(await page.locator('#readonly').count()).toBe(1);
    for (const selector of [
      'button[value="publish"]',
      '#story',
      '#merge',
      '#ticked-actions',
      '#add-article',
      'input[name="articleIds"]',
      '#reject-form',
    ]) {
      expect(await page.locator(selector).count(), selector).toBe(0);
    }
    // Favicon from storydesk.
    const icon = await page.request.get(`${base}/favicon.ico`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
    // Unknown routes: an HTML page, not Fastify's JSON.
    const missing = await page.goto(`${base}/no/such/page`);
    expect(missing!.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Not found');
    // Point 9: every request the dashboard makes goes to storydesk itself.
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${base}/`);
    await Promise.all([page.waitForURL(`${base}/admin/queues`), page.click('#nav-queues')]);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('body').textContent()).toMatch(/extract/i);
    const elsewhere = requested.filter((url) => !url.startsWith(base) && !url.startsWith('data:'));
    expect(elsewhere).toEqual([]);
    expect(requested.some((url) => url.includes('/admin/queues/static/'))).toBe(true);
    await context.close();
  });

  it('an editor at the dashboard gets a page that says why and where to go', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, base, 'erin', PASSWORD);
    expect(await page.locator('#nav-queues').count()).toBe(0);
    const refused = await page.goto(`${base}/admin/queues`);
    expect(refused!.status()).toBe(403);
    expect(await page.textContent('h1')).toBe('Not for your role');
    expect(await page.locator('main a[href="/"]').count()).toBeGreaterThan(0);
    await context.close();
  });
});
