import { ConfigError } from '../adapters/config/load.js';
import type { Logger } from '../adapters/log/logger.js';

/**
 * Run `stop` once on SIGINT/SIGTERM and exit 0 (1 if stopping itself failed); a second
 * signal exits at once. Returns the promise that settles when the process should end.
 */
export function stopOnSignals(log: Logger, stop: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        log.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      stopping = true;
      log.info({ signal }, 'shutting down');
      // Exit explicitly: a job handed back after the grace may still hold a socket or a timer
      // (a page that never answers) that would keep the process alive until its timeout.
      stop().then(
        () => {
          log.info('stopped');
          resolve();
          setImmediate(() => process.exit(process.exitCode ?? 0));
        },
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          process.exitCode = 1;
          resolve();
          setImmediate(() => process.exit(1));
        },
      );
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}

/** One clear paragraph for a config problem, never a stack trace. */
export function failClearly(error: unknown): never {
  const message =
    error instanceof ConfigError ? `configuration error: ${error.message}` : error instanceof Error ? error.message : String(error);
  process.stderr.write(`storydesk: ${message}\n`);
  process.exit(2);
}
