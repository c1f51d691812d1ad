import { shortHash } from '../model/ids.js';
import type { ArticleRecord } from './records.js';
import type { TermVector } from './features.js';
import { vectorCosine } from './similarity.js';

/** Hash of the text with case, punctuation and spacing folded, or null when too short to tell copies. */
export function textFingerprint(title: string, text: string, words: number, minWords: number): string | null {
  if (words < minWords) return null;
  const folded = `${title}\n${text}`
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return shortHash(folded, 20);
}

/** How an incoming text relates to a member it is nearly identical to. */
export type CopyKind = 'update' | 'syndicated';

/** Same outlet (or unknown) means the outlet revised its article; another outlet means wire copy. */
export function copyKind(existing: ArticleRecord, outlet: string | null): CopyKind {
  return existing.outlet === null || outlet === null || existing.outlet === outlet ? 'update' : 'syndicated';
}

/** The most recent of a story's members whose text is nearly identical to `vector`, if any. */
export function findNearCopy(
  members: readonly string[],
  articles: ReadonlyMap<string, ArticleRecord>,
  vector: TermVector,
  words: number,
  options: { similarity: number; minWords: number; scan: number },
): ArticleRecord | null {
  if (words < options.minWords) return null;
  const stop = Math.max(0, members.length - options.scan);
  for (let i = members.length - 1; i >= stop; i--) {
    const member = articles.get(members[i]!);
    if (!member || member.words < options.minWords) continue;
    if (vectorCosine(member.vector, vector) >= options.similarity) return member;
  }
  return null;
}
