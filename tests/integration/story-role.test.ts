import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRuntime } from '../../app/runtime.js';
import { progress } from '../../src/cli/idle.js';
import type { Runtime } from '../../src/cli/runtime-port.js';
import { startDemoPipeline, type DemoPipeline } from '../helpers/pipeline.js';
import { testRedisUrl } from '../helpers/redis.js';

// The `story` role is separate from `cluster`: a process with the clustering writer but no
// story role creates and grows candidates and leaves their suggestions to a story process,
// which may start later (or elsewhere) against the same Redis.
let demo: DemoPipeline;
let story: Runtime | undefined;

beforeAll(async () => {
  demo = await startDemoPipeline({ roles: ['scheduler', 'poll', 'extract', 'cluster'] });
  const { store, queues } = demo.runtime;
  // Wait until every queue but the story queue has drained.
  for (const deadline = Date.now() + 60_000; ; ) {
    const state = await progress(store, queues);
    const busy = ['poll', 'extract', 'cluster'].some((q) => {
      const p = state.pending[q]!;
      return p.waiting + p.active + p.delayed > 0;
    });
    if (state.feedsPolled === state.feeds && !busy && (await store.articles.count()) > 0) break;
    if (Date.now() > deadline) throw new Error(`pipeline did not drain: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}, 90_000);

afterAll(async () => {
  await story?.stop();
  await demo?.stop();
});

describe('the story role', () => {
  it('is not run by a cluster-role process: candidates grow, their refreshes wait', async () => {
    const { store, queues } = demo.runtime;
    const ids = await store.stories.listIds(0, 1_000);
    expect(ids.length).toBeGreaterThan(0);
    const stories = await Promise.all(ids.map((id) => store.stories.get(id)));
    expect(stories.every((s) => s && s.articleIds.length > 0 && s.facts.length === 0 && s.narratives.length === 0)).toBe(true);
    expect(await queues.story.getWaitingCount()).toBeGreaterThan(0);
  });

  it('refreshes every candidate once a story process starts', async () => {
    story = await startRuntime(demo.config, testRedisUrl(), pino({ level: 'silent' }), { roles: ['story'] });
    await demo.untilIdle(60_000);
    const { store } = demo.runtime;
    const stories = await Promise.all((await store.stories.listIds(0, 1_000)).map((id) => store.stories.get(id)));
    expect(stories.some((s) => (s?.facts.length ?? 0) > 0)).toBe(true);
    expect(stories.every((s) => (s?.narratives.length ?? 0) > 0)).toBe(true);
  });
});
