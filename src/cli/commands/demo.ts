import type { Command } from 'commander';
import { loadSettings, parseOutlets, type Config } from '../../adapters/config/load.js';
import type { Settings } from '../../adapters/config/settings.js';
import { keysFor } from '../../adapters/keys.js';
import { createLogger } from '../../adapters/log/logger.js';
import { connectRedis, resolveRedis, type RedisHandle } from '../../adapters/redis/connect.js';
import { wipeInstance } from '../../adapters/store/wipe.js';
import { createOneTimeEditor } from '../../web/auth/index.js';
import { buildDemoWorld } from '../../demo/articles.js';
import { demoOutlets } from '../../demo/outlets.js';
import { startOutletsServer } from '../../demo/server.js';
import { waitUntilIdle, type Progress } from '../idle.js';
import { failClearly, stopOnSignals } from '../process.js';
import { ROLES, type CliDeps } from '../runtime-port.js';

interface DemoOptions {
  untilIdle?: boolean;
  timeout: number;
  json?: boolean;
}

/**
 * `storydesk demo`: serve the demo outlets on loopback, point the whole pipeline at them and
 * print the desk's URL. With --until-idle: from a clean state, run until idle and exit.
 */
export function register(program: Command, { startRuntime }: CliDeps): void {
  program
    .command('demo')
    .description('run the pipeline against built-in demo outlets served on loopback')
    .option('--until-idle', 'start from a clean state, exit 0 once idle (every feed polled, no jobs pending)')
    .option('--timeout <seconds>', 'with --until-idle: give up after this long', (v) => parseInt(v, 10), 120)
    .option('--json', 'with --until-idle: print the summary as one JSON object')
    .action(async (options: DemoOptions) => {
      let settings: Settings;
      try {
        // The demo keeps to its own prefix unless one is given, so it never touches real data.
        settings = loadSettings({ STORYDESK_PREFIX: 'storydesk-demo', HOST_MIN_DELAY_MS: '0', ...process.env });
      } catch (error) {
        failClearly(error);
      }
      const log = createLogger(
        options.untilIdle ? (process.env.LOG_LEVEL ?? 'warn') : settings.LOG_LEVEL,
        options.json ? { pretty: false, destination: process.stderr } : {},
      );
      let redisHandle: RedisHandle;
      try {
        redisHandle = await resolveRedis(settings.REDIS_URL, settings.STORYDESK_DATA_DIR, log);
      } catch (error) {
        failClearly(error);
      }
      const world = buildDemoWorld({ baseTime: new Date() });
      const server = await startOutletsServer(world, { port: 0, host: '127.0.0.1' });
      const config: Config = { settings, outlets: parseOutlets({ outlets: demoOutlets(world, server.baseUrl) }, 'demo outlets') };

      const wipe = connectRedis(redisHandle.url, 'storydesk:demo-wipe');
      if (options.untilIdle || !process.env.STORYDESK_PREFIX) await wipeInstance(wipe, keysFor(settings.STORYDESK_PREFIX));
      await wipe.quit();

      const roles = options.untilIdle ? ROLES.filter((r) => r !== 'web') : [...ROLES];
      const runtime = await startRuntime(config, redisHandle.url, log, { roles });
      const stopAll = async () => {
        await runtime.stop();
        await server.close();
        await redisHandle.stop();
      };

      if (!options.untilIdle) {
        const login = await createOneTimeEditor(runtime.redis, keysFor(settings.STORYDESK_PREFIX));
        process.stdout.write(
          `storydesk demo: ${config.outlets.length} outlets served at ${server.baseUrl}\nDesk: ${runtime.webUrl}\nSign in once as ${login.name} with password ${login.password} (one-time editor, until ${login.expiresAt})\nPress Ctrl-C to stop.\n`,
        );
        await stopOnSignals(log, stopAll);
        return;
      }

      let exitCode = 0;
      try {
        const idle = await waitUntilIdle(runtime.store, runtime.queues, { quietMs: 2_000, timeoutMs: options.timeout * 1000 });
        const summary = await summarise(runtime.store, config, idle);
        process.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : describe(summary));
      } catch (error) {
        const pending = (error as { progress?: Progress }).progress;
        process.stderr.write(`storydesk demo: not idle after ${options.timeout}s; still pending: ${JSON.stringify(pending ?? null)}\n`);
        exitCode = 1;
      }
      await stopAll();
      process.exit(exitCode);
    });
}

interface Summary {
  outlets: number;
  feeds: number;
  articles: number;
  candidates: number;
  multiOutletCandidates: number;
}

async function summarise(store: import('../../adapters/store/store.js').Store, config: Config, idle: Progress): Promise<Summary> {
  const stories = await store.stories.getMany(await store.stories.listIds(0, 10_000));
  const outletsOf = async (ids: string[]) => new Set((await store.articles.getMany(ids)).map((a) => a.outletId)).size;
  let multi = 0;
  for (const story of stories) if ((await outletsOf(story.articleIds)) >= 2) multi++;
  return {
    outlets: config.outlets.length,
    feeds: idle.feeds,
    articles: await store.articles.count(),
    candidates: stories.length,
    multiOutletCandidates: multi,
  };
}

function describe(s: Summary): string {
  return `storydesk demo: idle. ${s.outlets} outlets, ${s.feeds} feeds, ${s.articles} articles, ${s.candidates} candidates (${s.multiOutletCandidates} covered by two or more outlets).\n`;
}
