import { afterAll, beforeAll, expect, it } from 'vitest';
import { StoryUpdater } from '../../../src/adapters/store/story-updater.js';
import type { StoryCandidate } from '../../../src/core/model/index.js';
import { PASSWORD, startDesk, type TestDesk } from '../../web/helpers/desk-app.js';
import { InjectClient } from '../../web/helpers/inject.js';
import { editorText, liveStories, orphanProblems, random, syntheticArticle } from './world.js';

/**
 * Two editors (through the desk's HTTP routes, fastify inject) and the pipeline (the cluster
 * worker's StoryUpdater calls, including late placements into retired ids) act at once on a
 * shared set of candidates: ROUNDS rounds of 2-5 random concurrent operations. After every
 * round: no save answered "Saved." is missing from the live candidates, and no article is
 * orphaned or held twice. The seed is printed on failure so a round can be replayed.
 */
const ROUNDS = 1000;
/** Candidates stay small enough that 1,000 rounds take about a minute (suggestions are recomputed on every change). */
const MAX_ARTICLES = 120;
const SEED = Number(process.env.INTERLEAVING_SEED ?? 19);

let desk: TestDesk;
let editors: InjectClient[];
const csrf = new Map<InjectClient, string>();

beforeAll(async () => {
  desk = await startDesk();
  await desk.users.add('eve', 'editor', PASSWORD);
  editors = [new InjectClient(desk.app), new InjectClient(desk.app, {}, '127.0.0.2')];
  for (const [client, name] of [
    [editors[0]!, 'erin'],
    [editors[1]!, 'eve'],
  ] as const) {
    await client.signIn(name, PASSWORD);
    csrf.set(client, await client.csrf());
  }
});
afterAll(async () => desk.close());

it(`${ROUNDS} random interleavings of save, merge, split, move, publish, undo and pipeline placements: 0 lost saves, 0 orphaned articles`, async () => {
  const next = random(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const updater = new StoryUpdater(desk.store, desk.outlets);
  const articles: string[] = [];
  const everId: string[] = [];
  const acked: string[] = [];
  const counts: Record<string, { ok: number; refused: number }> = {};
  const count = (op: string, ok: boolean) => {
    counts[op] ??= { ok: 0, refused: 0 };
    counts[op][ok ? 'ok' : 'refused']++;
  };
  let seq = 0;
  let trace: string[] = [];

  // The pipeline: a new article placed into a new candidate, an existing one, or a retired id (a late job).
  const place = async (storyId: string) => {
    // Past MAX_ARTICLES the pipeline re-places known articles (a retried job), which must change nothing.
    const fresh = articles.length < MAX_ARTICLES;
    const id = fresh ? `art-${seq++}` : pick(articles);
    if (fresh) {
      await desk.store.articles.save(syntheticArticle(id, seq, next));
      articles.push(id);
    }
    if (!everId.includes(storyId)) everId.push(storyId);
    const placed = await updater.addMembers(storyId, [id]);
    trace.push(`place ${id} into ${storyId} -> ${placed.id}`);
    count('place', true);
  };
  for (let i = 0; i < 8; i++) await place(`st-${i}`);
  for (let i = 0; i < 16; i++) await place(`st-${i % 8}`);

  const post = async (op: string, id: string, form: Record<string, string | string[]>, client = pick(editors)) => {
    // Merge and move are confirmed at once; a rejection carries its reason.
    const response = await client.post(`/stories/${id}/${op}`, {
      _csrf: csrf.get(client)!,
      confirm: 'yes',
      reason: 'interleaving',
      ...form,
    });
    trace.push(`${op} ${id} ${JSON.stringify(form).slice(0, 160)} -> ${response.statusCode} ${String(response.headers.location ?? '')}`);
    const ok = response.statusCode === 303;
    expect([303, 400, 404, 409], `${op} ${id}: ${response.statusCode} ${response.body.slice(0, 300)}`).toContain(response.statusCode);
    count(op, ok);
    return { response, ok };
  };

  const operation = async (live: StoryCandidate[], round: number, k: number): Promise<void> => {
    const s = pick(live);
    const v = String(s.version);
    const roll = next();
    if (roll < 0.3) {
      const token = `tok-${round}-${k}`;
      // The token goes into a new prediction and every slot (so candidates can pass the publish guard).
      const form: Record<string, string> = { version: v, title: s.title ?? s.suggestedTitle, 'pred.new': `Prediction ${token}.` };
      s.narratives.forEach((slot, i) =>
        Object.assign(form, { [`slot.${i}.label`]: slot.label, [`slot.${i}.text`]: `${slot.text} ${token}`.trim() }),
      );
      const { response } = await post('save', s.id, form);
      if (response.statusCode === 303 && String(response.headers.location).endsWith('?done=saved')) acked.push(token);
    } else if (roll < 0.4) {
      const other = pick(live);
      if (other.id !== s.id) await post('merge', s.id, { version: v, from: other.id });
    } else if (roll < 0.58) {
      if (s.articleIds.length > 1)
        await post('split', s.id, { version: v, articleIds: s.articleIds.filter(() => next() < 0.5).slice(0, s.articleIds.length - 1) });
    } else if (roll < 0.7) {
      const other = pick([...live.map((x) => x.id), ...everId]);
      if (other !== s.id) await post('move', s.id, { version: v, articleId: pick(s.articleIds), to: other });
    } else if (roll < 0.78) {
      await post(pick(['publish', 'reject', 'reopen']), s.id, { version: v });
    } else if (roll < 0.83) {
      const history = await desk.store.stories.history(s.id);
      const undoable = history.map((d, i) => [d, i] as const).filter(([d]) => (d.kind === 'merge' || d.kind === 'split') && !d.undoes);
      if (undoable.length) await post('undo', s.id, { version: v, decision: String(pick(undoable)[1]) });
    } else if (roll < 0.95) {
      // A placement into any id ever used: retired ids must forward, never come back.
      await place(next() < 0.15 ? `st-new-${seq}` : pick(everId));
    } else {
      await updater.refresh(pick(everId));
      count('refresh', true);
    }
  };

  for (let round = 0; round < ROUNDS; round++) {
    const live = await liveStories(desk.store);
    for (const s of live) if (!everId.includes(s.id)) everId.push(s.id);
    const n = 2 + Math.floor(next() * 4);
    trace = [];
    await Promise.all(Array.from({ length: n }, (_, k) => operation(live, round, k)));
    const now = await liveStories(desk.store);
    const text = now.map(editorText).join('\n');
    // Tokens are "tok-<round>-<k>" with k < 5: one cannot be found inside another.
    const lost = acked.filter((t) => !text.includes(t));
    expect(lost, `seed ${SEED}, round ${round}: lost saves after\n${trace.join('\n')}\n`).toEqual([]);
    expect(await orphanProblems(desk.store, articles), `seed ${SEED}, round ${round}: orphans after\n${trace.join('\n')}\n`).toEqual([]);
  }
  console.log(
    JSON.stringify({
      seed: SEED,
      rounds: ROUNDS,
      ackedSaves: acked.length,
      articles: articles.length,
      live: (await liveStories(desk.store)).length,
      counts,
    }),
  );
  // The run must have exercised every kind of action, both done and refused.
  for (const op of ['save', 'merge', 'split', 'move', 'undo', 'publish']) expect(counts[op]?.ok, op).toBeGreaterThan(0);
  expect(counts.save!.refused).toBeGreaterThan(0);
  expect(acked.length).toBeGreaterThan(50);
}, 600_000);
