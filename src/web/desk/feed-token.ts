import type { Redis } from 'ioredis';
import type { Keys } from '../../adapters/keys.js';
import { randomSecret } from '../auth/passwords.js';

/**
 * The secret that opens /published.atom to feed readers that cannot sign in. Made on first use
 * (SET NX, so concurrent first uses agree); `rotate` replaces it, and old links stop working.
 */
export async function feedToken(redis: Redis, keys: Keys, options: { rotate?: boolean } = {}): Promise<string> {
  if (options.rotate) {
    const token = randomSecret();
    await redis.set(keys.feedToken, token);
    return token;
  }
  await redis.set(keys.feedToken, randomSecret(), 'NX');
  return (await redis.get(keys.feedToken))!;
}
