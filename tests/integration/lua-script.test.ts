import { createHash, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { luaScript } from '../../src/adapters/redis/script.js';
import { testRedisUrl } from '../helpers/redis.js';

const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
afterAll(() => redis.quit());

describe('luaScript', () => {
  it('sends the text once (when the server lacks it), then runs the script by its SHA1', async () => {
    // A script no server has seen: the first run must fall back to EVAL.
    const source = `-- ${randomUUID()}\nreturn {KEYS[1], ARGV[1], ARGV[2]}`;
    const sha = createHash('sha1').update(source).digest('hex');
    expect(await redis.script('EXISTS', sha)).toEqual([0]);
    const script = luaScript(source);
    expect(await script.run(redis, ['k'], ['a', 2])).toEqual(['k', 'a', '2']);
    expect(await redis.script('EXISTS', sha)).toEqual([1]);
    expect(await script.run(redis, ['k2'], ['b', 3])).toEqual(['k2', 'b', '3']);
  });

  it('passes errors other than NOSCRIPT on', async () => {
    const script = luaScript(`-- ${randomUUID()}\nreturn redis.error_reply('boom')`);
    await expect(script.run(redis, [], [])).rejects.toThrow('boom');
    await expect(script.run(redis, [], [])).rejects.toThrow('boom');
  });
});
