import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

/**
 * The installed storydesk's version, from its package.json: the nearest one above this file
 * (src/cli/commands when run from source, dist/src/cli/commands when built).
 */
export function storydeskVersion(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'storydesk' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

/** `storydesk --version` (and `-V`): print the version and exit 0. */
export function register(program: Command): void {
  program.version(storydeskVersion(), '-V, --version', 'print the storydesk version');
}
