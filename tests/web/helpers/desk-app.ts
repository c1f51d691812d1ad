import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { settingsSchema } from '../../../src/adapters/config/settings.js';
import { keysFor, type Keys } from '../../../src/adapters/keys.js';
import { createQueues, type Queues } from '../../../src/adapters/queue/queues.js';
import { createStore, type Store } from '../../../src/adapters/store/store.js';
import { StoryUpdater } from '../../../src/adapters/store/story-updater.js';
import type { Article, Outlet, StoryCandidate } from '../../../src/core/model/index.js';
import { UserStore, type ThrottleLimits } from '../../../src/web/auth/index.js';
import { createWebServer } from '../../../src/web/server.js';
import { testPrefix, testRedis, wipePrefix } from '../../helpers/redis.js';
import { OUTLETS } from '../../fixtures/web/world.js';

/** A desk over the test Redis with its own prefix, and the handles a test needs. */
export interface TestDesk {
  app: FastifyInstance;
  redis: Redis;
  keys: Keys;
  store: Store;
  queues: Queues;
  outlets: Map<string, Outlet>;
  users: UserStore;
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse battery';

/** Start a desk (not listening) with an editor "erin" and an operator "otto", both with PASSWORD. */
export async function startDesk(options: { throttle?: ThrottleLimits; trustProxy?: boolean } = {}): Promise<TestDesk> {
  const redis = testRedis();
  const prefix = testPrefix('desk');
  const keys = keysFor(prefix);
  const store = createStore(redis, keys);
  const queues = createQueues(redis, keys);
  const outlets = new Map(OUTLETS.map((o) => [o.id, o]));
  const settings = settingsSchema.parse({ STORYDESK_PREFIX: prefix, TRUST_PROXY: options.trustProxy ? 'true' : 'false' });
  const app = await createWebServer({ settings, outlets, store, queues, log: pino({ level: 'silent' }), signinThrottle: options.throttle });
  const users = new UserStore(redis, keys);
  await users.add('erin', 'editor', PASSWORD);
  await users.add('otto', 'operator', PASSWORD);
  return {
    app,
    redis,
    keys,
    store,
    queues,
    outlets,
    users,
    async close() {
      await app.close();
      await queues.close();
      await wipePrefix(redis, prefix);
      await redis.quit();
    },
  };
}

/** Store articles and make them one candidate, as the pipeline would (suggestions included). */
export async function seedStory(
  desk: Pick<TestDesk, 'store' | 'outlets'>,
  id: string,
  articles: Article[],
  now = new Date('2025-03-20T12:00:00Z'),
): Promise<StoryCandidate> {
  for (const article of articles) await desk.store.articles.save(article);
  return new StoryUpdater(desk.store, desk.outlets, () => now).update(
    id,
    articles.map((a) => a.id),
  );
}
