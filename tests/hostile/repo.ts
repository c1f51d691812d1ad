import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests/hostile → ../..). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every code with a row in docs/errors.md (`| \`code\` | …`): a typed failure must use one of them. */
export function documentedCodes(): Set<string> {
  const doc = readFileSync(path.join(repoRoot, 'docs', 'errors.md'), 'utf8');
  return new Set([...doc.matchAll(/^\|\s*`([a-z0-9_]+)`\s*\|/gm)].map((m) => m[1]!));
}

/** Outcomes extractArticle reports for a page that is not an article (model ExtractionOutcome). */
export const EXTRACTION_OUTCOMES = new Set(['article', 'not_article_index', 'not_article_video', 'paywall', 'too_short']);
