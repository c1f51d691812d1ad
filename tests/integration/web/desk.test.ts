import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseStory } from '../../../src/core/story/index.js';
import { BOJ, BOJ_LATE, HOSTILE, HOSTILE_NAME, SECURITY_TALKS } from '../../fixtures/web/world.js';
import { PASSWORD, seedStory, startDesk, type TestDesk } from '../../web/helpers/desk-app.js';
import { InjectClient, versionOf } from '../../web/helpers/inject.js';

let desk: TestDesk;
let editor: InjectClient;
let csrf: string;

beforeAll(async () => {
  desk = await startDesk();
  editor = new InjectClient(desk.app);
  await editor.signIn('erin', PASSWORD);
  csrf = await editor.csrf();
});
afterAll(async () => desk.close());

beforeEach(async () => {
  for (const id of await desk.store.stories.listIds(0, 100)) await desk.redis.del(desk.keys.story(id), desk.keys.storyHistory(id));
  await desk.redis.del(desk.keys.storiesByTime, desk.keys.articleStory, desk.keys.storyForward);
  await desk.queues.cluster.obliterate({ force: true });
  await seedStory(desk, 'talks', SECURITY_TALKS, new Date('2025-03-20T12:00:00Z'));
  await seedStory(desk, 'boj', BOJ, new Date('2025-03-20T13:00:00Z'));
  await seedStory(desk, 'boj-late', BOJ_LATE, new Date('2025-03-20T14:00:00Z'));
});

const version = async (id: string) => versionOf((await editor.get(`/stories/${id}`)).body);
const decisions = async () => (await desk.queues.cluster.getJobs(['waiting', 'delayed', 'paused'])).map((j) => j.data.decision);

describe('list', () => {
  it('shows each candidate with title, outlets, article count, update and status, and filters', async () => {
    const all = await editor.get('/');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('data-story="talks"');
    expect(all.body).toContain('China Military');
    expect(all.body.indexOf('data-story="boj-late"')).toBeLessThan(all.body.indexOf('data-story="talks"'));
    const bySize = await editor.get('/?sort=size');
    expect(bySize.body.indexOf('data-story="talks"')).toBeLessThan(bySize.body.indexOf('data-story="boj"'));
    const wide = await editor.get('/?minOutlets=3');
    expect(wide.body).toContain('data-story="talks"');
    expect(wide.body).not.toContain('data-story="boj"');
    const byOutlet = await editor.get('/?outlet=hill');
    expect(byOutlet.body).toContain('data-story="boj-late"');
    expect(byOutlet.body).not.toContain('data-story="boj"');
    const text = await editor.get('/?q=treasury');
    expect(text.body).toContain('data-story="boj-late"');
    expect(text.body).not.toContain('data-story="talks"');
    const published = await editor.get('/?status=published');
    expect(published.body).not.toContain('data-story=');
  });
});

describe('editing', () => {
  it('saves accepted facts, slot texts and a prediction, records who did it, and refuses a stale save', async () => {
    const page = await editor.get('/stories/talks');
    const v = versionOf(page.body);
    const before = (await desk.store.stories.get('talks'))!;
    expect(before.facts.length).toBeGreaterThan(0);
    expect(before.narratives.length).toBeGreaterThan(1);
    const form: Record<string, string> = {
      _csrf: csrf,
      version: v,
      title: 'Japan and China talk security again',
      'fact.new': 'Editors added this fact.',
      'pred.new': 'A hotline will open by December.',
    };
    before.facts.forEach((f, i) =>
      Object.assign(form, {
        [`fact.${i}.text`]: f.text,
        [`fact.${i}.pos`]: String(i + 1),
        ...(i === 0 ? { [`fact.${i}.accepted`]: 'on' } : {}),
      }),
    );
    before.narratives.forEach((s, i) =>
      Object.assign(form, { [`slot.${i}.label`]: s.label, [`slot.${i}.text`]: i < 2 ? `Narrative ${i} written by erin.` : '' }),
    );
    before.predictions.forEach((p, i) => Object.assign(form, { [`pred.${i}.text`]: p.text }));
    const saved = await editor.post('/stories/talks/save', form);
    expect(saved.statusCode).toBe(303);
    const after = (await desk.store.stories.get('talks'))!;
    expect(after.title).toBe('Japan and China talk security again');
    expect(after.facts[0]).toMatchObject({ text: before.facts[0]!.text, accepted: true });
    expect(after.facts.at(-1)).toMatchObject({ text: 'Editors added this fact.', accepted: true });
    expect(after.narratives[0]!.text).toBe('Narrative 0 written by erin.');
    expect(after.narratives[1]!.text).toBe('Narrative 1 written by erin.');
    expect(after.predictions.at(-1)).toMatchObject({ text: 'A hotline will open by December.', outletId: null, accepted: true });
    expect(after.status).toBe('in_review');
    expect(after.version).toBe(Number(v) + 1);
    const [edit] = await desk.store.stories.history('talks');
    expect(edit).toMatchObject({ kind: 'edit', storyId: 'talks', by: 'erin' });
    expect((await editor.get('/stories/talks')).body).toContain('edited title, facts, narratives, predictions, status');

    // A second editor working from the old version is refused, and sees what they typed.
    const stale = await editor.post('/stories/talks/save', { ...form, title: 'Something else entirely' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('changed by someone else');
    expect(stale.body).toContain('Something else entirely');
    expect((await desk.store.stories.get('talks'))!.title).toBe('Japan and China talk security again');
  });

  it('reorders, deletes and relabels, and a deleted suggestion stays deleted after a refresh', async () => {
    const before = (await desk.store.stories.get('talks'))!;
    const form: Record<string, string> = { _csrf: csrf, version: await version('talks'), title: '', op: 'fact-up-1' };
    before.facts.forEach((f, i) => Object.assign(form, { [`fact.${i}.text`]: f.text, [`fact.${i}.pos`]: String(i + 1) }));
    form[`fact.${before.facts.length - 1}.delete`] = 'on';
    before.narratives.forEach((s, i) =>
      Object.assign(form, { [`slot.${i}.label`]: i === 0 ? 'Beijing' : s.label, [`slot.${i}.text`]: '' }),
    );
    await editor.post('/stories/talks/save', form);
    const after = (await desk.store.stories.get('talks'))!;
    expect(after.facts[0]!.text).toBe(before.facts[1]!.text);
    expect(after.facts[1]!.text).toBe(before.facts[0]!.text);
    expect(after.facts.map((f) => f.text)).not.toContain(before.facts.at(-1)!.text);
    expect(after.narratives[0]!.label).toBe('Beijing');
    expect(after.title).toBeNull();
    await seedStory(desk, 'talks', SECURITY_TALKS, new Date('2025-03-21T00:00:00Z'));
    const refreshed = (await desk.store.stories.get('talks'))!;
    expect(refreshed.facts.map((f) => f.text)).not.toContain(before.facts.at(-1)!.text);
    expect(refreshed.narratives[0]!.label).toBe('Beijing');
  });
});

/** Save the story form with every narrative slot written. */
async function writeSlots(id: string): Promise<void> {
  const story = (await desk.store.stories.get(id))!;
  const form: Record<string, string> = { _csrf: csrf, version: await version(id), title: '' };
  story.narratives.forEach((s, i) => Object.assign(form, { [`slot.${i}.label`]: s.label, [`slot.${i}.text`]: `What outlet ${i} says.` }));
  expect((await editor.post(`/stories/${id}/save`, form)).statusCode).toBe(303);
}

describe('actions', () => {
  it('refuses to publish while a slot reads "[to be written]", and keeps such a story out of the feed', async () => {
    const refused = await editor.post('/stories/talks/publish', { _csrf: csrf, version: await version('talks') });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Not published');
    expect(refused.body).toContain('[to be written]');
    expect((await desk.store.stories.get('talks'))!.status).toBe('candidate');
    expect(await decisions()).toEqual([]);
    // A story published before the guard (written straight to the store) stays out of the feed.
    const legacy = (await desk.store.stories.get('boj'))!;
    await desk.store.stories.save({ ...legacy, status: 'published' }, legacy.version);
    expect((await editor.get('/published.atom')).body).not.toContain('<entry>');
  });

  it('publishes, puts the story in the Atom feed and tells the clusterer', async () => {
    await writeSlots('talks');
    const response = await editor.post('/stories/talks/publish', { _csrf: csrf, version: await version('talks') });
    expect(response.headers.location).toBe('/stories/talks?done=publish');
    expect((await desk.store.stories.get('talks'))!.status).toBe('published');
    expect(await decisions()).toEqual([expect.objectContaining({ kind: 'publish', storyId: 'talks', by: 'erin' })]);
    const feed = await editor.get('/published.atom');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('<entry>');
    expect(feed.body).toContain('Sources: ');
    await editor.post('/stories/talks/reopen', { _csrf: csrf, version: await version('talks') });
    expect((await desk.store.stories.get('talks'))!.status).toBe('in_review');
    expect((await editor.get('/published.atom')).body).not.toContain('<entry>');
  });

  it('merges another candidate into this one after a confirmation; the merged one redirects here', async () => {
    const asked = await editor.post('/stories/boj/merge', { _csrf: csrf, version: await version('boj'), from: 'boj-late' });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('id="confirm"');
    expect(await desk.store.stories.get('boj-late')).not.toBeNull();
    expect((await editor.post('/stories/boj/merge', { _csrf: csrf, version: await version('boj'), from: '' })).statusCode).toBe(400);
    const response = await editor.post('/stories/boj/merge', {
      _csrf: csrf,
      version: await version('boj'),
      from: 'boj-late',
      confirm: 'yes',
    });
    expect(response.statusCode).toBe(303);
    const merged = (await desk.store.stories.get('boj'))!;
    expect(merged.articleIds).toEqual([...BOJ, ...BOJ_LATE].map((a) => a.id));
    expect(await desk.store.stories.get('boj-late')).toBeNull();
    expect(await desk.store.stories.storyOf(BOJ_LATE[0]!.id)).toBe('boj');
    expect((await editor.get('/stories/boj-late')).headers.location).toBe('/stories/boj?done=merge');
    expect(await desk.store.stories.history('boj-late')).toEqual([
      expect.objectContaining({ kind: 'merge', from: 'boj-late', into: 'boj' }),
    ]);
    expect(await decisions()).toEqual([expect.objectContaining({ kind: 'merge', from: 'boj-late', into: 'boj' })]);
  });

  it('moves an article to another candidate', async () => {
    const moved = SECURITY_TALKS[3]!.id;
    const noTarget = await editor.post('/stories/talks/move', {
      _csrf: csrf,
      version: await version('talks'),
      articleIds: moved,
      to: '',
      confirm: 'yes',
    });
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.body).toContain('choose a candidate first');
    expect((await desk.store.stories.get('talks'))!.articleIds).toContain(moved);
    await editor.post('/stories/talks/move', {
      _csrf: csrf,
      version: await version('talks'),
      articleIds: moved,
      to: 'boj',
      confirm: 'yes',
    });
    expect((await desk.store.stories.get('talks'))!.articleIds).not.toContain(moved);
    expect((await desk.store.stories.get('boj'))!.articleIds).toContain(moved);
    expect(await desk.store.stories.storyOf(moved)).toBe('boj');
    expect(await decisions()).toEqual([expect.objectContaining({ kind: 'move', articleId: moved, from: 'talks', to: 'boj' })]);
  });

  it('splits ticked articles into a new candidate and refuses to split everything', async () => {
    const ids = SECURITY_TALKS.slice(2).map((a) => a.id);
    const response = await editor.post('/stories/talks/split', { _csrf: csrf, version: await version('talks'), articleIds: ids });
    const newId = /\/stories\/(s[0-9a-f]{16})\?done=split/.exec(String(response.headers.location))![1]!;
    expect((await desk.store.stories.get(newId))!.articleIds).toEqual(ids);
    expect((await desk.store.stories.get('talks'))!.articleIds).toEqual(SECURITY_TALKS.slice(0, 2).map((a) => a.id));
    expect(await decisions()).toEqual([expect.objectContaining({ kind: 'split', from: 'talks', to: newId, articleIds: ids })]);
    const all = await editor.post('/stories/talks/split', {
      _csrf: csrf,
      version: await version('talks'),
      articleIds: SECURITY_TALKS.slice(0, 2).map((a) => a.id),
    });
    expect(all.statusCode).toBe(400);
    expect(all.body).toContain('at least one article behind');
  });

  it('rejects with a version check', async () => {
    const v = await version('talks');
    const noReason = await editor.post('/stories/talks/reject', { _csrf: csrf, version: v });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('say why you reject it');
    await editor.post('/stories/talks/reject', { _csrf: csrf, version: v, reason: 'Old news, covered last week' });
    expect((await desk.store.stories.get('talks'))!.status).toBe('rejected');
    expect(await desk.store.stories.history('talks')).toEqual([
      expect.objectContaining({ kind: 'reject', reason: 'Old news, covered last week' }),
    ]);
    expect((await editor.get('/stories/talks')).body).toContain('rejected: “Old news, covered last week”');
    const again = await editor.post('/stories/talks/publish', { _csrf: csrf, version: v });
    expect(again.statusCode).toBe(409);
    expect((await desk.store.stories.get('talks'))!.status).toBe('rejected');
  });
});

describe('downloads', () => {
  it('exports the story format (valid for format check), Markdown and JSON', async () => {
    const txt = await editor.get('/stories/talks/export.txt');
    expect(txt.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+-talks\.txt"$/);
    expect(parseStory(txt.body).errors).toEqual([]);
    expect(txt.body).toContain('[to be written]');
    const md = await editor.get('/stories/talks/export.md');
    expect(md.body).toMatch(/^# /);
    const json = JSON.parse((await editor.get('/stories/talks/export.json')).body) as { title: string; facts: string[] };
    expect(json.facts.length).toBeGreaterThan(0);
    expect((await editor.get('/stories/talks/export.exe')).statusCode).toBe(404);
  });
});

describe('hostile strings', () => {
  it('escapes titles, bodies and outlet names and links only http(s) URLs', async () => {
    await seedStory(desk, 'trade', HOSTILE);
    for (const url of ['/', '/stories/trade', '/stories/talks', '/stories/trade/preview', '/help']) {
      // Our own script (by nonce) aside, nothing runs.
      const body = (await editor.get(url)).body.replace(/<script src="\/assets\/desk-keys\.js" nonce="[^"]+" defer><\/script>/, '');
      expect(body, url).not.toMatch(/<script/i);
      expect(body, url).not.toMatch(/<(img|svg|iframe|b)\b[^>]*\son\w+=/i);
      expect(body, url).not.toMatch(/href="\s*javascript:/i);
      expect(body, url).not.toMatch(/<\/textarea><script/i);
    }
    const page = (await editor.get('/stories/trade')).body;
    expect(page).toContain('Evil &#60;script&#62;');
    expect(page).not.toContain(HOSTILE_NAME);
  });
});
