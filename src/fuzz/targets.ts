import { extractArticle } from '../core/extract/index.js';
import { StorydeskError } from '../core/model/index.js';
import { parseFeed } from '../core/poll/parse.js';
import type { FuzzCase } from './cases.js';
import { threadCpuMs } from './thread-cpu.js';

/** The stages under test. Every case goes through both: cross-feeding is what happens in the wild. */
export type TargetName = 'parseFeed' | 'extractArticle';
export const TARGETS: readonly TargetName[] = ['parseFeed', 'extractArticle'];

/**
 * How one stage took one case: `ok`; `typed`, a failure with a documented code (a thrown
 * StorydeskError, or an extraction outcome other than `article`); or `crash`, anything
 * else — a foreign exception, the catch-all codes `internal` and `extraction_failed` that
 * mean an exception the stage did not foresee, or output that breaks the stage's contract.
 */
export type Verdict = { status: 'ok' } | { status: 'typed'; code: string } | { status: 'crash'; error: string };

/** One stage's verdict on one case, with its time in milliseconds. */
export interface TargetRun {
  target: TargetName;
  verdict: Verdict;
  ms: number;
  /** CPU time of the run (this thread), where the OS tells; independent of other load. */
  cpuMs: number | null;
}

/** Fixed clock and address: the stages are pure, so a case reproduces exactly. */
const NOW = new Date('2025-06-01T00:00:00Z');
const FEED_URL = 'https://fuzz.example/feed.xml';
const PAGE_URL = 'https://fuzz.example/news/article.html';
/** parseFeed's cap on items in these runs (the pipeline passes POLL_MAX_ITEMS). */
const FUZZ_MAX_ITEMS = 300;

/** Run one stage on one case and classify what happened. */
export async function runTarget(target: TargetName, testCase: FuzzCase): Promise<TargetRun> {
  const start = performance.now();
  const cpuStart = threadCpuMs();
  const verdict = target === 'parseFeed' ? await feedVerdict(testCase) : pageVerdict(testCase);
  const cpuEnd = threadCpuMs();
  return { target, verdict, ms: performance.now() - start, cpuMs: cpuStart === null || cpuEnd === null ? null : cpuEnd - cpuStart };
}

async function feedVerdict(testCase: FuzzCase): Promise<Verdict> {
  try {
    const parsed = await parseFeed(testCase.bytes, {
      url: FEED_URL,
      contentType: testCase.contentType,
      now: NOW,
      maxItems: FUZZ_MAX_ITEMS,
    });
    const broken = feedContractBreach(parsed.items);
    return broken ? { status: 'crash', error: `contract: ${broken}` } : { status: 'ok' };
  } catch (error) {
    if (error instanceof StorydeskError && error.code !== 'internal') return { status: 'typed', code: error.code };
    return { status: 'crash', error: describe(error) };
  }
}

function pageVerdict(testCase: FuzzCase): Verdict {
  try {
    const page = extractArticle(testCase.bytes, { url: PAGE_URL, contentType: testCase.contentType });
    if (page.outcome === 'extraction_failed')
      return { status: 'crash', error: 'extractArticle swallowed an exception (outcome extraction_failed)' };
    if (!Array.isArray(page.paragraphs) || page.paragraphs.some((p) => typeof p !== 'string'))
      return { status: 'crash', error: 'contract: paragraphs are not strings' };
    return page.outcome === 'article' ? { status: 'ok' } : { status: 'typed', code: page.outcome };
  } catch (error) {
    return { status: 'crash', error: `extractArticle threw: ${describe(error)}` };
  }
}

/** What a parsed feed must satisfy whatever the input: capped, and every item with string fields. */
function feedContractBreach(items: unknown): string | null {
  if (!Array.isArray(items)) return 'items is not an array';
  if (items.length > FUZZ_MAX_ITEMS) return `${items.length} items despite maxItems ${FUZZ_MAX_ITEMS}`;
  for (const item of items as Array<Record<string, unknown>>) {
    for (const field of ['guid', 'link', 'canonicalUrl', 'title', 'summary'] as const) {
      if (typeof item[field] !== 'string') return `item.${field} is ${typeof item[field]}`;
    }
  }
  return null;
}

/** A one-line description of a thrown value: its name, code and message, and the top frame. */
export function describe(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error thrown: ${String(error).slice(0, 200)}`;
  const code = error instanceof StorydeskError ? ` [${error.code}]` : '';
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.name}: ${error.cause.message.split('\n')[0]})` : '';
  const frame =
    (error.cause instanceof Error ? error.cause : error).stack
      ?.split('\n')
      .find((line) => line.trim().startsWith('at '))
      ?.trim() ?? '';
  // Frames name files relative to the repository, so results carry no path of this machine.
  const relativeFrame = frame.replace(/file:\/\/\S*?\/(dist|src|node_modules)\//, '$1/');
  return `${error.name}${code}: ${error.message.split('\n')[0]?.slice(0, 300)}${cause} ${relativeFrame}`.trim();
}
