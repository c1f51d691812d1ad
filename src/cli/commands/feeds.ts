import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { loadSettings } from '../../adapters/config/load.js';
import { guardedFetch } from '../../adapters/http/fetch.js';
import { userAgent } from '../../adapters/http/user-agent.js';
import { errorCodeOf, StorydeskError } from '../../core/model/index.js';
import { parseFeed, type ParsedFeed } from '../../core/poll/parse.js';
import { registerFeedOps } from './feeds-ops.js';

/** One input of `feeds inspect --json` on success. */
export interface InspectFeedJson {
  input: string;
  feed: { title: string; link: string | null; language: string | null };
  items: Array<{ guid: string; link: string; canonicalUrl: string; title: string; summary: string; published: string | null; author: string | null; categories: string[]; image: string | null }>;
}

/** ParsedFeed → the exact `--json` line shape. */
export function inspectJsonOf(input: string, parsed: ParsedFeed): InspectFeedJson {
  return {
    input,
    feed: { title: parsed.feed.title, link: parsed.feed.link, language: parsed.feed.language },
    items: parsed.items.map((i) => ({
      guid: i.guid, link: i.link, canonicalUrl: i.canonicalUrl, title: i.title, summary: i.summary,
      published: i.published, author: i.author, categories: i.categories, image: i.image,
    })),
  };
}

/**
 * `storydesk feeds …`: creates the group with `inspect`, then the operations subcommands
 * (status, add, pause, resume, remove, import-opml, export-opml) from feeds-ops.ts.
 */
export function register(program: Command): void {
  const feeds = program.command('feeds').description('inspect and manage the feeds storydesk polls');
  registerInspect(feeds);
  registerFeedOps(feeds);
}

const IS_URL = /^https?:\/\//i;

/**
 * `storydesk feeds inspect <file-or-url>... [--content-type VALUE] [--url URL] [--json]`:
 * the pipeline's parseFeed on saved feeds or URLs. Exit 0 when every input parsed, 1 when any
 * failed (its code and message are printed), 2 on bad usage.
 */
function registerInspect(feeds: Command): void {
  feeds
    .command('inspect')
    .description("decode, parse and normalise feeds exactly as the poller does; print each feed and its items, or its error")
    .argument('<inputs...>', 'feed files (raw bytes, gzip allowed) or http(s) URLs')
    .option('--content-type <value>', 'the Content-Type header a file lacks (its charset outranks the XML declaration)')
    .option('--url <url>', "the feed's address for resolving relative links (only with a single input)")
    .option('--json', 'one JSON line per input: {"input","feed","items"} or {"input","error":{"code","message"}}')
    .action(async (inputs: string[], options: { contentType?: string; url?: string; json?: boolean }) => {
      if (options.url !== undefined && (inputs.length !== 1 || !IS_URL.test(options.url))) {
        process.stderr.write('storydesk feeds inspect: --url takes one http(s) URL and applies to a single input\n');
        process.exitCode = 2;
        return;
      }
      let failed = false;
      for (const input of inputs) {
        try {
          const source = await readFeed(input, options.url);
          const parsed = parseFeed(source.bytes, {
            url: source.url, contentType: options.contentType ?? source.contentType, now: new Date(), maxItems: source.maxItems,
          });
          process.stdout.write(options.json ? JSON.stringify(inspectJsonOf(input, parsed)) + '\n' : humanReadable(input, parsed));
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

interface FeedSource {
  bytes: Buffer;
  url: string;
  contentType: string | null;
  maxItems: number;
}

/** URLs through the guarded client with the configured limits; files read whole, within the byte cap. */
async function readFeed(input: string, url: string | undefined): Promise<FeedSource> {
  const settings = loadSettings();
  if (IS_URL.test(input)) {
    const result = await guardedFetch(input, {
      timeouts: { connectMs: settings.FETCH_CONNECT_TIMEOUT_MS, firstByteMs: settings.FETCH_FIRST_BYTE_TIMEOUT_MS, totalMs: settings.FETCH_TOTAL_TIMEOUT_MS },
      maxBytes: settings.FETCH_MAX_BYTES,
      maxRedirects: settings.FETCH_MAX_REDIRECTS,
      userAgent: userAgent(settings.STORYDESK_CONTACT_URL),
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    });
    return { bytes: result.body, url: url ?? result.finalUrl, contentType: result.contentType, maxItems: settings.POLL_MAX_ITEMS };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new StorydeskError('input_unreadable', code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? 'error'})`, { permanent: true });
  }
  if (bytes.length > settings.FETCH_MAX_BYTES) throw new StorydeskError('too_large', `file exceeds ${settings.FETCH_MAX_BYTES} bytes`, { permanent: true });
  // A saved feed has no address: relative links resolve against its own <link>, else --url.
  return { bytes, url: url ?? pathToFileURL(input).href, contentType: null, maxItems: settings.POLL_MAX_ITEMS };
}

function humanReadable(input: string, parsed: ParsedFeed): string {
  const { feed } = parsed;
  const lines = [`== ${input}`, `title: ${feed.title}`];
  if (feed.link) lines.push(`link: ${feed.link}`);
  if (feed.language) lines.push(`language: ${feed.language}`);
  if (feed.ttlMinutes !== null) lines.push(`ttl: ${feed.ttlMinutes} min`);
  lines.push(`charset: ${parsed.charset}`, `items: ${parsed.items.length}`);
  for (const warning of parsed.warnings) lines.push(`warning: ${warning}`);
  for (const item of parsed.items) {
    lines.push('', `- ${item.title}`, `  ${item.published ?? '(no date)'}  ${item.link || '(no link)'}`);
    if (item.canonicalUrl && item.canonicalUrl !== item.link) lines.push(`  canonical: ${item.canonicalUrl}`);
    if (item.guid !== item.link) lines.push(`  guid: ${item.guid}`);
    if (item.author) lines.push(`  author: ${item.author}`);
    if (item.categories.length > 0) lines.push(`  categories: ${item.categories.join(', ')}`);
    if (item.image) lines.push(`  image: ${item.image}`);
    if (item.summary) lines.push(`  ${item.summary.length > 200 ? item.summary.slice(0, 200) + '…' : item.summary}`);
  }
  return lines.join('\n') + '\n\n';
}
