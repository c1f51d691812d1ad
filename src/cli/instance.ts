import type { Redis } from 'ioredis';
import { existsSync } from 'node:fs';
import { loadOutlets, loadSettings, type Config } from '../adapters/config/load.js';
import type { Settings } from '../adapters/config/settings.js';
import { keysFor, type Keys } from '../adapters/keys.js';
import { createLogger } from '../adapters/log/logger.js';
import { createQueues, type Queues } from '../adapters/queue/queues.js';
import { connectRedis, resolveRedis, type RedisHandle } from '../adapters/redis/connect.js';
import { createStore, type Store } from '../adapters/store/store.js';
import { StorydeskError } from '../core/model/index.js';
import { failClearly } from './process.js';

/** One storydesk instance as a CLI command sees it: its config, Redis, store and queues. */
export interface Instance {
  settings: Settings;
  /** The outlets file, when the command asked for it. */
  outlets: Config['outlets'];
  redis: Redis;
  keys: Keys;
  store: Store;
  queues: Queues;
}

/**
 * Run a command's work against the configured instance, then close everything. Config
 * problems and our own domain errors end the command with one clear line (exit 2 and 1).
 */
export async function withInstance(
  work: (instance: Instance) => Promise<void>,
  options: { outlets?: boolean; optionalOutlets?: boolean } = {},
): Promise<void> {
  let settings: Settings;
  let outlets: Config['outlets'] = [];
  try {
    settings = loadSettings();
    if (options.outlets && (!options.optionalOutlets || existsSync(settings.STORYDESK_OUTLETS)))
      outlets = loadOutlets(settings.STORYDESK_OUTLETS);
  } catch (error) {
    failClearly(error);
  }
  let handle: RedisHandle;
  try {
    handle = await resolveRedis(settings.REDIS_URL, settings.STORYDESK_DATA_DIR, createLogger('warn', { destination: process.stderr }));
  } catch (error) {
    failClearly(error);
  }
  const redis = connectRedis(handle.url, 'storydesk:cli');
  const keys = keysFor(settings.STORYDESK_PREFIX);
  const queues = createQueues(redis, keys);
  try {
    await work({ settings, outlets, redis, keys, store: createStore(redis, keys), queues });
  } catch (error) {
    if (!(error instanceof StorydeskError)) throw error;
    process.stderr.write(`storydesk: ${error.message}\n`);
    process.exitCode = 1;
  } finally {
    await queues.close();
    await redis.quit().catch(() => redis.disconnect());
    await handle.stop();
  }
}
