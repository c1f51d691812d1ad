import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { loadSettings } from '../../adapters/config/load.js';
import { forEachInput, IS_URL, readInput } from '../inputs.js';
import { parseFeed, type ParsedFeed } from '../../core/poll/parse.js';
import { registerFeedOps } from './feeds-ops.js';

/** One input of `feeds inspect --json` on success. */
export interface InspectFeedJson {
  input: string;
  feed: { title: string; link: string | null; language: string | null };
  items: Array<{
    guid: string;
    link: string;
    canonicalUrl: string;
    title: string;
    summary: string;
    published: string | null;
    author: string | null;
    categories: string[];
    image: string | null;
  }>;
}

/** ParsedFeed → the exact `--json` line shape. */
export function inspectJsonOf(input: string, parsed: ParsedFeed): InspectFeedJson {
  return {
    input,
    feed: { title: parsed.feed.title, link: parsed.feed.link, language: parsed.feed.language },
    items: parsed.items.map((i) => ({
      guid: i.guid,
      link: i.link,
      canonicalUrl: i.canonicalUrl,
      title: i.title,
      summary: i.summary,
      published: i.published,
      author: i.author,
      categories: i.categories,
      image: i.image,
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

/**
 * `storydesk feeds inspect <file-or-url>... [--content-type VALUE] [--url URL] [--json]`:
 * the pipeline's parseFeed on saved feeds or URLs. Exit 0 when every input parsed, 1 when any
 * failed (its code and message are printed), 2 on bad usage.
 */
function registerInspect(feeds: Command): void {
  feeds
    .command('inspect')
    .description('decode, parse and normalise feeds exactly as the poller does; print each feed and its items, or its error')
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
      await forEachInput(inputs, options.json, async (input) => {
        const source = await readFeed(input, options.url);
        const parsed = await parseFeed(source.bytes, {
          url: source.url,
          contentType: options.contentType ?? source.contentType,
          now: new Date(),
          maxItems: source.maxItems,
        });
        return { json: inspectJsonOf(input, parsed), text: humanReadable(input, parsed) };
      });
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
  const read = await readInput(
    input,
    settings,
    'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  );
  // A saved feed has no address: relative links resolve against its own <link>, else --url.
  return {
    bytes: read.bytes,
    url: url ?? read.finalUrl ?? pathToFileURL(input).href,
    contentType: read.contentType,
    maxItems: settings.POLL_MAX_ITEMS,
  };
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
