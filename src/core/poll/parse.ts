import { gunzipSync, constants as zlib } from 'node:zlib';
import { decodeBytes } from '../charset/decode.js';
import { StorydeskError, type FeedItem } from '../model/index.js';
import { locateFeed } from './feed-root.js';
import { normalizeFeedMeta, normalizeItem } from './normalize.js';
import { isHttpUrl } from './resolve-url.js';
import { runRssParser } from './rss-parser-run.js';
import { serializeElement } from './xml-serialize.js';
import { readXml } from './xml-tree.js';

/** A feed after decoding, recovery, rss-parser and normalisation. */
export interface ParsedFeed {
  feed: { title: string; link: string | null; language: string | null; ttlMinutes: number | null };
  items: FeedItem[];
  /** The charset the bytes were decoded with (iconv-lite name). */
  charset: string;
  /** What was repaired or dropped, each `code: explanation` (see docs/errors.md). */
  warnings: string[];
}

/** Inputs of one parse; the limits come from config. */
export interface ParseFeedOptions {
  /** The feed's URL (final URL after redirects): base for relative links. */
  url: string;
  /** The HTTP Content-Type, whose charset outranks the document's declaration. */
  contentType?: string | null;
  now: Date;
  /** Items kept per parse (the first ones, feeds put the newest first). Default 1000. */
  maxItems?: number;
  /** Cap on gunzipped size for gzip bytes served without Content-Encoding. Default 32 MiB. */
  maxBytes?: number;
}

const DEFAULT_MAX_ITEMS = 1000;
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;

/**
 * Feed bytes → feed and normalised items. Gunzips gzip bytes, decodes (BOM, HTTP charset,
 * declaration, detection), reads the XML forgivingly (bare `&`, HTML entities, control
 * characters, mismatched and unclosed tags, truncation), finds the RSS 0.9x/1.0/2.0 or Atom
 * 0.3/1.0 feed (also inside an XHTML page), reads the repaired document with rss-parser's
 * `parseString` and normalises each item. Throws only StorydeskError: `empty`, `not_a_feed` (an HTML page's
 * message lists the feeds it advertises), `malformed_xml`, `decompress_failed`, `internal`.
 */
export async function parseFeed(bytes: Uint8Array, options: ParseFeedOptions): Promise<ParsedFeed> {
  try {
    return await parseFeedUnguarded(bytes, options);
  } catch (error) {
    if (error instanceof StorydeskError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new StorydeskError('internal', `unexpected failure while parsing the feed: ${message}`, { cause: error });
  }
}

async function parseFeedUnguarded(bytes: Uint8Array, options: ParseFeedOptions): Promise<ParsedFeed> {
  const warnings: string[] = [];
  const raw = gunzipIfGzip(bytes, options.maxBytes ?? DEFAULT_MAX_BYTES, warnings);
  if (raw.byteLength === 0) throw new StorydeskError('empty', 'the response body is empty', { permanent: true });
  const decoded = decodeBytes(raw, { contentType: options.contentType ?? null, kind: 'xml' });
  if (decoded.text.trim() === '') throw new StorydeskError('empty', 'the document is blank', { permanent: true });
  if (/^\s*[[{]/.test(decoded.text))
    throw new StorydeskError('not_a_feed', 'a JSON document, not an RSS or Atom feed', { permanent: true });

  const doc = readXml(decoded.text);
  warnings.push(...doc.warnings);
  const located = locateFeed(doc, { url: options.url, maxItems: options.maxItems ?? DEFAULT_MAX_ITEMS });
  warnings.push(...located.warnings);

  const rawFeed = await runRssParser(serializeElement(located.root));
  const feed = normalizeFeedMeta(rawFeed, located.format, options.url, located.xmlLang);
  // The feed's own link is the site its relative links belong to (also when a proxy such as
  // FeedBurner serves the feed); the feed URL is the fallback.
  const base = isHttpUrl(feed.link) ? feed.link : isHttpUrl(options.url) ? options.url : null;
  const context = { format: located.format, base, language: feed.language };
  const items = rawFeed.items.map((item) => normalizeItem(item, context));

  const future = items.filter((i) => i.published && Date.parse(i.published) > options.now.getTime() + FUTURE_TOLERANCE_MS).length;
  if (future > 0) warnings.push(`future_dates: ${future} item(s) dated more than a day ahead`);
  return { feed, items, charset: decoded.charset, warnings };
}

/** Gzip bytes served without Content-Encoding are common; a cut-off stream yields what it has. */
function gunzipIfGzip(bytes: Uint8Array, maxBytes: number, warnings: string[]): Uint8Array {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    const output = gunzipSync(bytes, { finishFlush: zlib.Z_SYNC_FLUSH, maxOutputLength: maxBytes });
    warnings.push('gzip: the body was gzip-compressed without Content-Encoding');
    return output;
  } catch (error) {
    const tooLarge = error instanceof RangeError || /maxOutputLength|buffer/i.test(String(error));
    throw new StorydeskError(
      tooLarge ? 'too_large' : 'decompress_failed',
      tooLarge ? `the gzip body expands beyond ${maxBytes} bytes` : 'the body looks gzip-compressed but does not decompress',
      { permanent: true, cause: error },
    );
  }
}
