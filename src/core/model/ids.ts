import { createHash } from 'node:crypto';

/** Short stable hash, hex. */
export function shortHash(input: string, length = 16): string {
  return createHash('sha256').update(input).digest('hex').slice(0, length);
}

/** The article id is a hash of its canonical URL: enqueueing the same page twice adds one job. */
export function articleIdFor(canonicalUrl: string): string {
  return 'a' + shortHash(canonicalUrl);
}
