import { gunzipSync } from 'node:zlib';
import type { Command } from 'commander';
import { loadOutlets, loadSettings } from '../../adapters/config/load.js';
import { extractArticle } from '../../core/extract/index.js';
import { StorydeskError, type ExtractedPage, type ExtractionHints } from '../../core/model/index.js';
import { forEachInput, IS_URL, readInput } from '../inputs.js';

/** The article as `storydesk extract --json` prints it: the extracted page with its paragraphs as one text, separated by blank lines. */
export type ArticleJson = Omit<ExtractedPage, 'paragraphs'> & { text: string };

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
    const tooLarge =
      (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ||
      /Cannot create a Buffer larger|maxOutputLength/i.test(String(error));
    throw new StorydeskError(
      tooLarge ? 'too_large' : 'decompress_failed',
      tooLarge ? `inflated page exceeds ${maxBytes} bytes` : 'not a valid gzip file',
      { permanent: true },
    );
  }
}

interface Page {
  bytes: Buffer;
  url: string;
  contentType: string | null;
}

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
      let hints: ExtractionHints | undefined;
      try {
        hints = options.outlet ? hintsOf(options.outlet) : undefined;
      } catch (error) {
        process.stderr.write(`storydesk extract: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
        return;
      }
      await forEachInput(inputs, options.json, async (input) => {
        const page = await readPage(input, options.url);
        if (!looksLikeHtml(page.bytes))
          throw new StorydeskError('not_html', 'the input is not an HTML page: it holds no HTML element', { permanent: true });
        const article = articleJsonOf(extractArticle(page.bytes, { url: page.url, contentType: page.contentType, hints }));
        return { json: { input, article }, text: humanReadable(input, article) };
      });
    });
}

async function readPage(input: string, url: string | undefined): Promise<Page> {
  const settings = loadSettings();
  const read = await readInput(input, settings, 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5');
  if (read.finalUrl) return { bytes: read.bytes, url: url ?? read.finalUrl, contentType: read.contentType };
  // A saved page has no address of its own: links resolve against --url, else a placeholder.
  return { bytes: inflateIfGzip(read.bytes, settings.FETCH_MAX_BYTES), url: url ?? 'https://localhost.invalid/', contentType: null };
}

/** Any HTML element start tag in the first megabyte (UTF-16 pages are read as UTF-16): garbage has none. */
export function looksLikeHtml(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1 << 20);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  const text = utf16
    ? head[0] === 0xff
      ? head.toString('utf16le')
      : Buffer.from(head).swap16().toString('utf16le')
    : head.toString('latin1');
  return /<(?:!doctype\s+html|html|head|body|title|meta|article|main|section|div|p|h[1-6]|span|table|ul|ol|br|a)[\s>/]/i.test(text);
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
