import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Command } from 'commander';
import { loadOutlets, loadSettings } from '../../adapters/config/load.js';
import { guardedFetch } from '../../adapters/http/fetch.js';
import { userAgent } from '../../adapters/http/user-agent.js';
import { extractArticle } from '../../core/extract/index.js';
import { errorCodeOf, StorydeskError, type ExtractedPage, type ExtractionHints } from '../../core/model/index.js';

/** The article as `storydesk extract --json` prints it: one object per input. */
export interface ArticleJson {
  title: string | null;
  byline: string | null;
  published: string | null;
  modified: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  description: string | null;
  image: string | null;
  section: string | null;
  /** Paragraphs separated by blank lines. */
  text: string;
  outcome: string;
}

/** ExtractedPage → the CLI's JSON shape (the benchmark scores this `text`). */
export function articleJsonOf(page: ExtractedPage): ArticleJson {
  const { paragraphs, ...rest } = page;
  return { ...rest, text: paragraphs.join('\n\n') };
}

/** A gzipped page is inflated (bounded); anything else is returned as is. */
export function inflateIfGzip(bytes: Buffer, maxBytes: number): Buffer {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger|maxOutputLength/i.test(String(error));
    throw new StorydeskError(tooLarge ? 'too_large' : 'decompress_failed', tooLarge ? `inflated page exceeds ${maxBytes} bytes` : 'not a valid gzip file', { permanent: true });
  }
}

interface Page {
  bytes: Buffer;
  url: string;
  contentType: string | null;
}

const IS_URL = /^https?:\/\//i;

/**
 * `storydesk extract <file-or-url>... [--url URL] [--json] [--outlet ID]`: run the pipeline's
 * extraction on pages and print each article. Files may be gzipped; URLs go through the guarded
 * HTTP client with the configured limits. Exit 0 when every input was extracted (whatever its
 * outcome), 1 when any input failed, 2 on bad usage.
 */
export function register(program: Command): void {
  program
    .command('extract')
    .description("run the pipeline's article extraction on saved pages or URLs and print each article")
    .argument('<inputs...>', 'HTML files (optionally .gz) or http(s) URLs')
    .option('--url <url>', "the page's address for resolving links (only with a single input)")
    .option('--json', 'one JSON line per input: {"input","article":{…}} or {"input","error":{"code","message"}}')
    .option('--outlet <id>', "apply this configured outlet's extraction hints (config/outlets.yaml)")
    .action(async (inputs: string[], options: { url?: string; json?: boolean; outlet?: string }) => {
      if (options.url !== undefined && inputs.length !== 1) {
        process.stderr.write('storydesk extract: --url applies to a single input\n');
        process.exitCode = 2;
        return;
      }
      if (options.url !== undefined && !IS_URL.test(options.url)) {
        process.stderr.write(`storydesk extract: --url must be an http(s) URL: ${options.url}\n`);
        process.exitCode = 2;
        return;
      }
      let failed = false;
      let hints: ExtractionHints | undefined;
      try {
        hints = options.outlet ? hintsOf(options.outlet) : undefined;
      } catch (error) {
        process.stderr.write(`storydesk extract: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
        return;
      }
      for (const input of inputs) {
        try {
          const page = await readPage(input, options.url);
          const article = articleJsonOf(extractArticle(page.bytes, { url: page.url, contentType: page.contentType, hints }));
          process.stdout.write(options.json ? JSON.stringify({ input, article }) + '\n' : humanReadable(input, article));
        } catch (error) {
          failed = true;
          const code = errorCodeOf(error);
          const message = error instanceof Error ? error.message : String(error);
          if (options.json) process.stdout.write(JSON.stringify({ input, error: { code, message } }) + '\n');
          else process.stderr.write(`${input}: ${code}: ${message}\n`);
        }
      }
      process.exitCode = failed ? 1 : 0;
    });
}

async function readPage(input: string, url: string | undefined): Promise<Page> {
  const settings = loadSettings();
  if (IS_URL.test(input)) {
    const result = await guardedFetch(input, {
      timeouts: { connectMs: settings.FETCH_CONNECT_TIMEOUT_MS, firstByteMs: settings.FETCH_FIRST_BYTE_TIMEOUT_MS, totalMs: settings.FETCH_TOTAL_TIMEOUT_MS },
      maxBytes: settings.FETCH_MAX_BYTES,
      maxRedirects: settings.FETCH_MAX_REDIRECTS,
      userAgent: userAgent(settings.STORYDESK_CONTACT_URL),
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
    });
    return { bytes: result.body, url: url ?? result.finalUrl, contentType: result.contentType };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new StorydeskError('input_unreadable', code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? 'error'})`, { permanent: true });
  }
  if (bytes.length > settings.FETCH_MAX_BYTES) throw new StorydeskError('too_large', `file exceeds ${settings.FETCH_MAX_BYTES} bytes`, { permanent: true });
  // A saved page has no address of its own: links resolve against --url, else a file: placeholder.
  return { bytes: inflateIfGzip(bytes, settings.FETCH_MAX_BYTES), url: url ?? 'https://localhost.invalid/', contentType: null };
}

function hintsOf(outletId: string): ExtractionHints | undefined {
  const outlet = loadOutlets(loadSettings().STORYDESK_OUTLETS).find((candidate) => candidate.id === outletId);
  if (!outlet) throw new Error(`no outlet "${outletId}" in the outlets config`);
  return outlet.hints;
}

function humanReadable(input: string, article: ArticleJson): string {
  const { text, ...fields } = article;
  const lines = [`== ${input}`];
  for (const [key, value] of Object.entries(fields)) if (value !== null) lines.push(`${key}: ${value}`);
  return `${lines.join('\n')}\n\n${text ? text + '\n' : ''}\n`;
}
