import { Writable } from 'node:stream';
import { loadSettings, parseOutlets, type Config } from '../../src/adapters/config/load.js';
import { createLogger, type Logger } from '../../src/adapters/log/logger.js';
import { waitUntilIdle } from '../../src/cli/idle.js';
import { startRuntime } from '../../app/runtime.js';
import type { Role, Runtime } from '../../src/cli/runtime-port.js';
import { buildDemoWorld, demoOutlets, startOutletsServer, type NewsWorld, type OutletsServer } from '../../src/demo/index.js';
import { testPrefix, testRedisUrl } from './redis.js';

/** A demo world served on loopback with the pipeline pointed at it, under a fresh prefix. */
export interface DemoPipeline {
  world: NewsWorld;
  server: OutletsServer;
  config: Config;
  runtime: Runtime;
  /** Every log line the pipeline wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  untilIdle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startDemoPipeline(
  options: { roles?: Role[]; env?: Record<string, string>; world?: NewsWorld } = {},
): Promise<DemoPipeline> {
  const world = options.world ?? buildDemoWorld({ baseTime: new Date('2026-11-20T12:00:00Z') });
  const server = await startOutletsServer(world, { port: 0, host: '127.0.0.1' });
  const settings = loadSettings({ STORYDESK_PREFIX: testPrefix('e2e'), HOST_MIN_DELAY_MS: '0', LOG_LEVEL: 'info', ...options.env });
  const config: Config = { settings, outlets: parseOutlets({ outlets: demoOutlets(world, server.baseUrl) }, 'demo outlets') };
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log: Logger = createLogger('info', { pretty: false, destination: sink });
  const runtime = await startRuntime(config, testRedisUrl(), log, {
    roles: options.roles ?? ['scheduler', 'poll', 'extract', 'cluster', 'story'],
  });
  return {
    world,
    server,
    config,
    runtime,
    logs,
    untilIdle: async (timeoutMs = 60_000) => void (await waitUntilIdle(runtime.store, runtime.queues, { quietMs: 1_000, timeoutMs })),
    stop: async () => {
      await runtime.stop();
      await server.close();
    },
  };
}
