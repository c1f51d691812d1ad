import type { Command } from 'commander';
import { loadConfig, loadOutlets, type Config } from '../../adapters/config/load.js';
import { createLogger } from '../../adapters/log/logger.js';
import { resolveRedis, type RedisHandle } from '../../adapters/redis/connect.js';
import { failClearly, stopOnSignals } from '../process.js';
import { parseRoles, ROLES, type CliDeps, type Role } from '../runtime-port.js';

/** `storydesk start`: the daemon, all roles in one process by default. */
export function register(program: Command, { startRuntime }: CliDeps): void {
  program
    .command('start')
    .description('run the pipeline: scheduler, poll, extract, cluster workers and the web desk')
    .option('--role <roles>', `comma list of roles to run in this process (${ROLES.join(', ')})`, ROLES.join(','))
    .option('--concurrency <n>', 'jobs at once for the poll and extract roles', (v) => parseInt(v, 10))
    .action(async (options: { role: string; concurrency?: number }) => {
      let config: Config;
      let roles: Role[];
      try {
        config = loadConfig();
        roles = parseRoles(options.role);
      } catch (error) {
        failClearly(error);
      }
      const log = createLogger(config.settings.LOG_LEVEL);
      let redis: RedisHandle;
      try {
        redis = await resolveRedis(config.settings.REDIS_URL, config.settings.STORYDESK_DATA_DIR, log);
      } catch (error) {
        failClearly(error);
      }
      const runtime = await startRuntime(config, redis.url, log, { roles, concurrency: options.concurrency });
      log.info({ roles, prefix: config.settings.STORYDESK_PREFIX, desk: runtime.webUrl }, 'storydesk started');
      process.on('SIGHUP', () => {
        try {
          void runtime.reconcile(loadOutlets(config.settings.STORYDESK_OUTLETS));
          log.info('config reloaded (SIGHUP)');
        } catch (error) {
          log.error({ err: (error as Error).message }, 'config reload failed; keeping the running config');
        }
      });
      await stopOnSignals(log, async () => {
        await runtime.stop();
        await redis.stop();
      });
    });
}
