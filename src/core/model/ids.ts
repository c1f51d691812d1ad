import { createHash } from 'node:crypto';

/** Short stable hash, hex. */
export function shortHash(input: string, length = 16): string {
  return createHash('sha256').update(input).digest('hex').slice(0, length);
}

/** The article id is a hash of its canonical URL: enqueueing the same page twice adds one job. */
export function articleIdFor(canonicalUrl: string): string {
  return 'a' + shortHash(canonicalUrl);
}

/**
 * Outlet and feed ids: lower-case letters, digits and "-", 1-64 characters, starting with a
 * letter or digit. One rule for the outlets file, the CLI, OPML imports and the feed store, so
 * no id with ":" (a BullMQ separator), "/" or "." (paths) or nothing at all is ever stored.
 */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const ID_RULE = 'lower-case letters, digits and "-", 1-64 characters, starting with a letter or digit';
