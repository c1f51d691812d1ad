import type { Redis } from 'ioredis';
import { StorydeskError } from '../../core/model/index.js';
import type { Keys } from '../keys.js';
import type { Logger } from '../log/logger.js';

/** The layout version this code reads and writes. Bump it with a migration below. */
export const DATA_VERSION = 1;

/** One step: rewrite the data of version `from` into version `from + 1`. Must be safe to re-run. */
export type Migration = (redis: Redis, keys: Keys, log: Logger) => Promise<void>;

/**
 * Migrations by the version they start from. Version 1 is the first versioned layout;
 * a future change adds `1: async (redis, keys) => { … }` and sets DATA_VERSION = 2.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

const LOCK_MS = 10 * 60_000;

/**
 * Checked at start-up by every process: a fresh instance is stamped with DATA_VERSION; older
 * data is migrated step by step (one process migrates, the others wait for it); data written
 * by a newer storydesk is refused, so an old binary never corrupts it after a rollback.
 */
export async function ensureDataVersion(
  redis: Redis,
  keys: Keys,
  log: Logger,
  options: { target?: number; migrations?: Readonly<Record<number, Migration>>; waitMs?: number } = {},
): Promise<{ from: number | null; to: number }> {
  const target = options.target ?? DATA_VERSION;
  const migrations = options.migrations ?? MIGRATIONS;
  const deadline = Date.now() + (options.waitMs ?? LOCK_MS);
  for (;;) {
    const stored = await storedVersion(redis, keys);
    if (stored === null) {
      // Data from before the version key existed is version 1.
      const initial = (await hasData(redis, keys)) ? 1 : target;
      await redis.set(keys.version, String(initial), 'NX');
      if (initial === target) return { from: null, to: target };
      continue;
    }
    if (stored === target) return { from: stored, to: target };
    if (stored > target) {
      throw new StorydeskError(
        'data_version_newer',
        `the data under this prefix has version ${stored}, newer than this storydesk understands (${target}); run the newer release or restore a backup`,
        { permanent: true },
      );
    }
    if (!(await redis.set(keys.versionLock, String(process.pid), 'PX', LOCK_MS, 'NX'))) {
      if (Date.now() > deadline)
        throw new StorydeskError(
          'data_migration_stuck',
          `another process has been migrating the data for too long (lock ${keys.versionLock})`,
          { permanent: true },
        );
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      for (let version = stored; version < target; version++) {
        const step = migrations[version];
        if (!step)
          throw new StorydeskError('data_version_unsupported', `no migration from data version ${version} to ${version + 1}`, {
            permanent: true,
          });
        log.warn({ from: version, to: version + 1 }, 'migrating stored data');
        await step(redis, keys, log);
        await redis.set(keys.version, String(version + 1));
      }
    } finally {
      await redis.del(keys.versionLock);
    }
    return { from: stored, to: target };
  }
}

/** The stored version, or null when none is stamped. */
export async function storedVersion(redis: Redis, keys: Keys): Promise<number | null> {
  const raw = await redis.get(keys.version);
  return raw === null ? null : Number(raw);
}

async function hasData(redis: Redis, keys: Keys): Promise<boolean> {
  const [feeds, articles, stories] = await Promise.all([
    redis.exists(keys.feeds),
    redis.exists(keys.articlesByTime),
    redis.exists(keys.storiesByTime),
  ]);
  return feeds + articles + stories > 0;
}
