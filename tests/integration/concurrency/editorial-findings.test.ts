import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StoryUpdater } from '../../../src/adapters/store/story-updater.js';
import { BOJ, BOJ_LATE, SECURITY_TALKS } from '../../fixtures/web/world.js';
import { PASSWORD, seedStory, startDesk, type TestDesk } from '../../web/helpers/desk-app.js';
import { InjectClient } from '../../web/helpers/inject.js';
import { editorText, orphanProblems, random, syntheticArticle } from './world.js';

/**
 * Each finding of issue 19 (two editors at once, the pipeline beside them) as a test: these
 * failed on the code before the atomic commit (see docs/reliability.md) and pass after.
 */
let desk: TestDesk;
let erin: InjectClient;
let eve: InjectClient;
const csrf = new Map<InjectClient, string>();
const ALL = [...SECURITY_TALKS, ...BOJ, ...BOJ_LATE].map((a) => a.id);

beforeAll(async () => {
  desk = await startDesk();
  await desk.users.add('eve', 'editor', PASSWORD);
  erin = new InjectClient(desk.app);
  eve = new InjectClient(desk.app, {}, '127.0.0.2');
  for (const [client, name] of [
    [erin, 'erin'],
    [eve, 'eve'],
  ] as const) {
    await client.signIn(name, PASSWORD);
    csrf.set(client, await client.csrf());
  }
});
afterAll(async () => desk.close());

beforeEach(async () => {
  for (const id of await desk.store.stories.listIds(0, 1000))
    await desk.redis.del(desk.keys.story(id), desk.keys.storyHistory(id), desk.keys.retiredStory(id));
  await desk.redis.del(desk.keys.storiesByTime, desk.keys.articleStory, desk.keys.storyForward);
  await desk.queues.cluster.obliterate({ force: true });
  await seedStory(desk, 'talks', SECURITY_TALKS, new Date('2025-03-20T12:00:00Z'));
  await seedStory(desk, 'boj', BOJ, new Date('2025-03-20T13:00:00Z'));
  await seedStory(desk, 'boj-late', BOJ_LATE, new Date('2025-03-20T14:00:00Z'));
});

const story = async (id: string) => (await desk.store.stories.get(id))!;
const post = (client: InjectClient, id: string, action: string, form: Record<string, string | string[]>) =>
  client.post(`/stories/${id}/${action}`, { _csrf: csrf.get(client)!, confirm: 'yes', reason: 'a test', ...form });
/** Did the desk answer "Saved."? (A refused save is a 4xx page, never the saved redirect.) */
const savedOk = (r: { statusCode: number; headers: Record<string, unknown> }) =>
  r.statusCode === 303 && /\?done=saved$/.test(String(r.headers.location));
/** A save that keeps everything and adds `token` to the title-less parts: a new prediction and the first slot's text. */
const saveToken = async (client: InjectClient, id: string, token: string, slot = 0) => {
  const current = await desk.store.stories.get(id);
  if (!current) return { statusCode: 404, headers: {} };
  const form: Record<string, string> = {
    version: String(current.version),
    title: current.title ?? current.suggestedTitle,
    'pred.new': `Prediction ${token}.`,
  };
  const s = current.narratives[slot];
  if (s) Object.assign(form, { [`slot.${slot}.label`]: s.label, [`slot.${slot}.text`]: `${s.text} ${token}`.trim() });
  return post(client, id, 'save', form);
};

describe('merge keeps editor work (finding 1)', () => {
  it("a written slot and title of the source survive beside the target's own slot of that outlet", async () => {
    const source = await story('boj-late');
    const slot = source.narratives.findIndex((s) => s.outletId === 'hill');
    expect(slot).toBeGreaterThanOrEqual(0);
    await post(erin, 'boj-late', 'save', {
      version: String(source.version),
      title: 'Edited title of the source',
      [`slot.${slot}.label`]: 'US-centre',
      [`slot.${slot}.text`]: 'The Hill narrative by erin.',
    });
    // The target has its own, different text for an outlet the source also wrote: both must stay.
    const target = await story('talks');
    const hill = target.narratives.findIndex((s) => s.outletId === 'hill');
    await post(eve, 'talks', 'save', {
      version: String(target.version),
      title: target.suggestedTitle,
      [`slot.${hill}.label`]: 'US-centre',
      [`slot.${hill}.text`]: 'The Hill narrative by eve.',
    });
    const merged = await post(erin, 'talks', 'merge', { version: String((await story('talks')).version), from: 'boj-late' });
    expect(merged.statusCode).toBe(303);
    const after = await story('talks');
    expect(after.title).toBe('Edited title of the source');
    const hills = after.narratives.filter((s) => s.outletId === 'hill');
    expect(hills.map((s) => s.text).sort()).toEqual(['The Hill narrative by erin.', 'The Hill narrative by eve.']);
    expect(hills.find((s) => s.text.includes('erin'))!.mergedFrom).toBe('boj-late');
    expect((await erin.get('/stories/talks')).body).toContain('from merged boj-late');
    expect(await orphanProblems(desk.store, ALL)).toEqual([]);
  });

  it("a source text fills the target's empty slot of that outlet", async () => {
    const source = await story('boj');
    const i = source.narratives.findIndex((s) => s.outletId !== 'kyodo');
    const outletId = source.narratives[i]!.outletId;
    await post(erin, 'boj', 'save', {
      version: String(source.version),
      title: source.suggestedTitle,
      [`slot.${i}.label`]: source.narratives[i]!.label,
      [`slot.${i}.text`]: 'Filled on the source.',
    });
    await post(erin, 'boj-late', 'merge', { version: String((await story('boj-late')).version), from: 'boj' });
    const slots = (await story('boj-late')).narratives.filter((s) => s.outletId === outletId);
    expect(slots.map((s) => s.text)).toContain('Filled on the source.');
  });

  it('undo brings the merged candidate back with its text and articles, and the undo is in the history', async () => {
    const source = await story('boj');
    await post(erin, 'boj', 'save', { version: String(source.version), title: 'BOJ as erin wrote it' });
    await post(erin, 'boj-late', 'merge', { version: String((await story('boj-late')).version), from: 'boj' });
    expect(await desk.store.stories.get('boj')).toBeNull();
    const history = await desk.store.stories.history('boj-late');
    const index = history.findIndex((d) => d.kind === 'merge');
    const undo = await post(eve, 'boj-late', 'undo', { version: String((await story('boj-late')).version), decision: String(index) });
    expect(undo.statusCode).toBe(303);
    expect(undo.headers.location).toBe('/stories/boj?done=undo');
    const back = await story('boj');
    expect(back.title).toBe('BOJ as erin wrote it');
    expect(back.articleIds.sort()).toEqual(BOJ.map((a) => a.id).sort());
    expect((await story('boj-late')).articleIds.sort()).toEqual(BOJ_LATE.map((a) => a.id).sort());
    expect((await desk.store.stories.history('boj')).at(-1)).toMatchObject({ kind: 'split', undoes: 'merge', by: 'eve' });
    expect(await orphanProblems(desk.store, ALL)).toEqual([]);
  });

  it('undo of a split merges the new candidate back', async () => {
    const moving = SECURITY_TALKS.slice(2).map((a) => a.id);
    const split = await post(erin, 'talks', 'split', { version: String((await story('talks')).version), articleIds: moving });
    const newId = /\/stories\/(s[0-9a-f]+)\?/.exec(String(split.headers.location))![1]!;
    const index = (await desk.store.stories.history('talks')).findIndex((d) => d.kind === 'split');
    const undo = await post(erin, 'talks', 'undo', { version: String((await story('talks')).version), decision: String(index) });
    expect(undo.statusCode).toBe(303);
    expect((await story('talks')).articleIds.sort()).toEqual(SECURITY_TALKS.map((a) => a.id).sort());
    expect(await desk.store.stories.get(newId)).toBeNull();
    expect(await orphanProblems(desk.store, ALL)).toEqual([]);
  });
});

describe('a published story is never a merge source (finding 2)', () => {
  it('refuses the merge; the story stays published and in the feed', async () => {
    // The publish guard wants every slot written first.
    const boj = await story('boj');
    const slots = Object.fromEntries(
      boj.narratives.flatMap((s, i) => [
        [`slot.${i}.label`, s.label],
        [`slot.${i}.text`, `Written ${i}.`],
      ]),
    );
    expect((await post(erin, 'boj', 'save', { version: String(boj.version), title: boj.suggestedTitle, ...slots })).statusCode).toBe(303);
    expect((await post(erin, 'boj', 'publish', { version: String((await story('boj')).version) })).statusCode).toBe(303);
    const refused = await post(eve, 'boj-late', 'merge', { version: String((await story('boj-late')).version), from: 'boj' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('is published');
    expect((await story('boj')).status).toBe('published');
    const feed = await erin.get('/published.atom');
    expect(feed.body).toContain('/stories/boj');
  });
});

describe('merge, split and move against concurrent saves (findings 3, 4)', () => {
  it('no save answered "Saved." is lost when the candidate is merged away meanwhile', async () => {
    const acked: string[] = [];
    for (let round = 0; round < 8; round++) {
      await desk.redis.del(desk.keys.storyForward);
      await seedStory(
        desk,
        `src-${round}`,
        [BOJ[round % BOJ.length]!].map((a) => ({ ...a, id: `${a.id}-r${round}` })),
      );
      // The second editor saves the source in a loop while the first merges it away.
      const saves = (async () => {
        for (let k = 0; k < 6; k++) {
          const r = await saveToken(eve, `src-${round}`, `tok-${round}-${k}`);
          if (savedOk(r)) acked.push(`tok-${round}-${k}`);
          else if (r.statusCode !== 404) expect(r.statusCode).toBe(409);
        }
      })();
      const merge = post(erin, 'talks', 'merge', { version: String((await story('talks')).version), from: `src-${round}` });
      await Promise.all([saves, merge]);
      expect((await merge).statusCode).toBe(303);
    }
    const text = editorText(await story('talks'));
    expect(acked.length).toBeGreaterThan(0);
    expect(acked.filter((t) => !text.includes(t))).toEqual([]);
  });

  it('a split or move refused for a concurrent save leaves no trace; one that succeeds is whole', async () => {
    const moving = SECURITY_TALKS.slice(2).map((a) => a.id);
    for (let round = 0; round < 10; round++) {
      const v = String((await story('talks')).version);
      const [split, save] = await Promise.all([
        post(erin, 'talks', 'split', { version: v, articleIds: moving }),
        saveToken(eve, 'talks', `s${round}`),
      ]);
      expect([split.statusCode, save.statusCode].sort()).toContain(303);
      const history = await desk.store.stories.history('talks');
      expect(history.filter((d) => d.kind === 'split')).toHaveLength(split.statusCode === 303 ? 1 : 0);
      expect(await orphanProblems(desk.store, ALL)).toEqual([]);
      if (split.statusCode === 303) {
        const newId = /\/stories\/(s[0-9a-f]+)\?/.exec(String(split.headers.location))![1]!;
        const index = history.findIndex((d) => d.kind === 'split');
        expect(
          (await post(erin, 'talks', 'undo', { version: String((await story('talks')).version), decision: String(index) })).statusCode,
        ).toBe(303);
        await desk.redis.del(desk.keys.storyHistory('talks'), desk.keys.storyHistory(newId));
      }
      const vb = String((await story('boj')).version);
      const [move] = await Promise.all([
        post(erin, 'boj', 'move', { version: vb, articleId: BOJ[0]!.id, to: 'talks' }),
        saveToken(eve, 'boj', `m${round}`),
      ]);
      expect(await orphanProblems(desk.store, ALL)).toEqual([]);
      const moves = (await desk.store.stories.history('talks')).filter((d) => d.kind === 'move');
      expect(moves).toHaveLength(move.statusCode === 303 ? 1 : 0);
      if (move.statusCode === 303) {
        await post(erin, 'talks', 'move', { version: String((await story('talks')).version), articleId: BOJ[0]!.id, to: 'boj' });
        await desk.redis.del(desk.keys.storyHistory('talks'), desk.keys.storyHistory('boj'));
      }
    }
  });
});

describe('a merged candidate does not come back (finding 5)', () => {
  it('late placements into the retired id land in the merge target', async () => {
    const updater = new StoryUpdater(desk.store, desk.outlets);
    await post(erin, 'boj-late', 'merge', { version: String((await story('boj-late')).version), from: 'boj' });
    const next = random(5);
    const late = [syntheticArticle('late-1', 3, next), syntheticArticle('late-2', 3, next)];
    for (const a of late) await desk.store.articles.save(a);
    // What queued cluster jobs do after the merge: place into the id the clusterer had (boj).
    for (const a of late) await updater.addMembers('boj', [a.id]);
    expect(await updater.refresh('boj')).toBe('refreshed');
    expect(await desk.store.stories.get('boj')).toBeNull();
    expect((await story('boj-late')).articleIds).toEqual(expect.arrayContaining(['late-1', 'late-2', ...BOJ.map((a) => a.id)]));
    expect(await orphanProblems(desk.store, [...ALL, 'late-1', 'late-2'])).toEqual([]);
  });

  it('a placement never takes an article an editor moved elsewhere', async () => {
    const updater = new StoryUpdater(desk.store, desk.outlets);
    await post(erin, 'boj', 'move', { version: String((await story('boj')).version), articleId: BOJ[0]!.id, to: 'talks' });
    await updater.addMembers('boj', [BOJ[0]!.id]);
    expect((await story('boj')).articleIds).not.toContain(BOJ[0]!.id);
    expect(await orphanProblems(desk.store, ALL)).toEqual([]);
  });
});

describe('editor text is never cut (finding 6)', () => {
  it('stores a 7,199-character narrative whole and refuses one over the limit with a clear error', async () => {
    const long = 'word '.repeat(1440).trim().slice(0, 7199);
    const current = await story('talks');
    const ok = await post(erin, 'talks', 'save', {
      version: String(current.version),
      title: current.suggestedTitle,
      'slot.0.label': current.narratives[0]!.label,
      'slot.0.text': long,
    });
    expect(ok.statusCode).toBe(303);
    expect((await story('talks')).narratives[0]!.text).toHaveLength(7199);
    const tooLong = 'x'.repeat(20_001);
    const refused = await post(erin, 'talks', 'save', {
      version: String(current.version + 1),
      title: current.suggestedTitle,
      'slot.0.label': 'x',
      'slot.0.text': tooLong,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Narrative 1 is 20,001 characters long; the limit is 20,000');
    expect((await story('talks')).narratives[0]!.text).toHaveLength(7199);
    const title = await post(erin, 'talks', 'save', { version: String(current.version + 1), title: 't'.repeat(401) });
    expect(title.statusCode).toBe(400);
    expect(title.body).toContain('The title is 401 characters long');
    expect((await erin.get('/stories/talks')).body).toContain('maxlength="20000"');
  });
});
