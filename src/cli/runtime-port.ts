import type { Redis } from 'ioredis';
import type { Config } from '../adapters/config/load.js';
import type { Logger } from '../adapters/log/logger.js';
import type { Queues } from '../adapters/queue/queues.js';
import type { Store } from '../adapters/store/store.js';

/**
 * What the CLI needs from the composition root (app/), which passes it in: the CLI parses
 * arguments and never imports workers/ or app/ itself (scripts/check-imports.mjs).
 */
/**
 * The roles a process can run. `cluster` is the one clustering writer; `story` refreshes
 * suggestions (the story queue), so it can run on another core or host than the writer.
 */
export const ROLES = ['scheduler', 'poll', 'extract', 'cluster', 'story', 'web'] as const;
export type Role = (typeof ROLES)[number];

export interface RuntimeOptions {
  roles: Role[];
  /** Overrides the configured concurrency of the extract and poll roles. */
  concurrency?: number;
  /** Web port (0 = any free port). */
  port?: number;
}

/** A running storydesk process: its roles, connections, and how to stop it cleanly. */
export interface Runtime {
  redis: Redis;
  store: Store;
  queues: Queues;
  /** The desk's URL when the web role runs. */
  webUrl: string | null;
  /** Re-read the feeds and reconcile schedulers (SIGHUP). */
  reconcile(outlets?: Config['outlets']): Promise<void>;
  stop(): Promise<void>;
}

/** Start the given roles in this process against one Redis. */
export type StartRuntime = (config: Config, redisUrl: string, log: Logger, options: RuntimeOptions) => Promise<Runtime>;

/** The composition root's services that commands use (only `start` and `demo` run the pipeline). */
export interface CliDeps {
  startRuntime: StartRuntime;
}

/** Parse `--role a,b,c`, refusing unknown roles with the list of known ones. */
export function parseRoles(value: string): Role[] {
  const roles = value
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length || !roles.length)
    throw new Error(`unknown role ${unknown.join(', ') || '(none)'}: use a comma list of ${ROLES.join(', ')}`);
  return [...new Set(roles)] as Role[];
}
