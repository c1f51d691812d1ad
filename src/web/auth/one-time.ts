import type { Redis } from 'ioredis';
import type { Keys } from '../../adapters/keys.js';
import { randomSecret } from './passwords.js';
import { UserStore } from './users.js';

/** A sign-in that works once, for `storydesk demo` to print beside the desk URL. */
export interface OneTimeLogin {
  name: string;
  password: string;
  expiresAt: string;
}

/**
 * Create a random editor that can sign in once, within `ttlSeconds` (default 12 hours); the
 * session it opens ends when the user expires. Nothing else about the instance changes.
 */
export async function createOneTimeEditor(
  redis: Redis,
  keys: Keys,
  options: { ttlSeconds?: number; now?: Date } = {},
): Promise<OneTimeLogin> {
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + (options.ttlSeconds ?? 12 * 3600) * 1000).toISOString();
  const name = `editor-${randomSecret(4)
    .replace(/[^A-Za-z0-9]/g, 'x')
    .toLowerCase()}`;
  const password = randomSecret(18);
  await new UserStore(redis, keys, () => now).add(name, 'editor', password, { expiresAt, singleUse: true });
  return { name, password, expiresAt };
}
