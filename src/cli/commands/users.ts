import type { Command } from 'commander';
import type { Redis } from 'ioredis';
import { loadSettings } from '../../adapters/config/load.js';
import { keysFor, type Keys } from '../../adapters/keys.js';
import { createLogger } from '../../adapters/log/logger.js';
import { connectRedis, resolveRedis, type RedisHandle } from '../../adapters/redis/connect.js';
import type { Settings } from '../../adapters/config/settings.js';
import { StorydeskError } from '../../core/model/index.js';
import { randomSecret } from '../../web/auth/passwords.js';
import { ROLES, UserStore } from '../../web/auth/users.js';
import { feedToken } from '../../web/desk/feed-token.js';
import { failClearly } from '../process.js';

/** Run `work` against the configured Redis and instance prefix; domain errors exit 1 with one line. */
async function withRedis(work: (redis: Redis, keys: Keys) => Promise<void>): Promise<void> {
  let settings: Settings;
  let handle: RedisHandle;
  try {
    settings = loadSettings();
    handle = await resolveRedis(settings.REDIS_URL, settings.STORYDESK_DATA_DIR, createLogger('warn', { destination: process.stderr }));
  } catch (error) {
    failClearly(error);
  }
  const redis = connectRedis(handle.url, 'storydesk:users');
  try {
    await work(redis, keysFor(settings.STORYDESK_PREFIX));
  } catch (error) {
    process.stderr.write(`storydesk: ${error instanceof StorydeskError || error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await redis.quit().catch(() => redis.disconnect());
    await handle.stop();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is the line ending of `echo` or a file, not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * `storydesk users add|passwd|remove|list|feed-token`: desk users (editors and operators) with
 * scrypt-hashed passwords in Redis, and the secret of the published-stories feed.
 */
export function register(program: Command): void {
  const users = program.command('users').description('manage desk users (editors and operators)');

  users
    .command('add <name>')
    .description('add a user; prints a generated password unless --password-stdin is given')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--password-stdin', 'read the password from standard input')
    .action(async (name: string, options: { role: string; passwordStdin?: boolean }) => {
      await withRedis(async (redis, keys) => {
        const generated = !options.passwordStdin;
        const password = generated ? randomSecret(15) : await readStdin();
        const user = await new UserStore(redis, keys).add(name, options.role, password);
        process.stdout.write(generated ? `added ${user.role} ${user.name}; password: ${password}\n` : `added ${user.role} ${user.name}\n`);
      });
    });

  users
    .command('passwd <name>')
    .description("set a new password and end all of the user's sessions; prints a generated password unless --password-stdin is given")
    .option('--password-stdin', 'read the password from standard input')
    .action(async (name: string, options: { passwordStdin?: boolean }) => {
      await withRedis(async (redis, keys) => {
        const generated = !options.passwordStdin;
        const password = generated ? randomSecret(15) : await readStdin();
        await new UserStore(redis, keys).setPassword(name, password);
        process.stdout.write(
          generated
            ? `password of ${name} changed; all their sessions ended; password: ${password}\n`
            : `password of ${name} changed; all their sessions ended\n`,
        );
      });
    });

  users
    .command('remove <name>')
    .description('remove a user and end all their sessions')
    .action(async (name: string) => {
      await withRedis(async (redis, keys) => {
        if (!(await new UserStore(redis, keys).remove(name)))
          throw new StorydeskError('unknown_user', `there is no user "${name}"`, { permanent: true });
        process.stdout.write(`removed ${name}; all their sessions ended\n`);
      });
    });

  users
    .command('list')
    .description('list users: name, role, created (one-time users with their expiry)')
    .option('--json', 'one JSON array')
    .action(async (options: { json?: boolean }) => {
      await withRedis(async (redis, keys) => {
        const list = await new UserStore(redis, keys).list();
        if (options.json) return void process.stdout.write(`${JSON.stringify(list)}\n`);
        if (!list.length) return void process.stdout.write('no users; add one with `storydesk users add <name> --role editor`\n');
        for (const u of list) {
          const note = u.singleUse ? ` one-time, ${u.usedAt ? 'used' : 'unused'}, expires ${u.expiresAt}` : '';
          process.stdout.write(`${u.name}\t${u.role}\t${u.createdAt}${note}\n`);
        }
      });
    });

  users
    .command('feed-token')
    .description('print the token that opens /published.atom without signing in')
    .option('--rotate', 'replace it (links with the old token stop working)')
    .action(async (options: { rotate?: boolean }) => {
      await withRedis(async (redis, keys) => {
        process.stdout.write(`${await feedToken(redis, keys, { rotate: options.rotate })}\n`);
      });
    });
}
