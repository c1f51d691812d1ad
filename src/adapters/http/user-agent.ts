import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The robots.txt product token storydesk answers to ("User-agent: storydesk"). */
export const USER_AGENT_TOKEN = 'storydesk';

/** storydesk's version from the nearest package.json named storydesk (works from src/ and dist/). */
export const STORYDESK_VERSION: string = findVersion();

/** The User-Agent every request sends: `storydesk/<version> (+<contact URL>)`. */
export function userAgent(contactUrl: string): string {
  return `${USER_AGENT_TOKEN}/${STORYDESK_VERSION} (+${contactUrl})`;
}

function findVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'storydesk' && pkg.version) return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return '0.0.0';
    dir = parent;
  }
}
