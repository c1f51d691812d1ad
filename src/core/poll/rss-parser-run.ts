import Parser from 'rss-parser';
import { StorydeskError } from '../model/index.js';
import type { FeedFormat } from './feed-root.js';

/** An xml2js value as rss-parser hands it over: text, `{ _: text, $: attributes }`, or nested elements. */
export type RawNode = string | { _?: string; $?: Record<string, string>; [child: string]: unknown };

/** Raw item fields we ask rss-parser for (arrays of xml2js nodes), beside its own fields. */
export interface RawItem {
  [field: string]: unknown;
  title?: unknown;
  link?: unknown;
  guid?: unknown;
  id?: unknown;
  isoDate?: string;
  creator?: unknown;
  language?: unknown;
  categories?: unknown;
  enclosure?: { url?: string; type?: string };
}

/** rss-parser's feed with our raw fields. */
export interface RawFeed {
  title?: unknown;
  link?: unknown;
  language?: unknown;
  ttl?: unknown;
  items: RawItem[];
  [field: string]: unknown;
}

const keep = (from: string, to: string): [string, string, { keepArray: boolean }] => [from, to, { keepArray: true }];

const ITEM_FIELDS = [
  keep('title', 'rawTitle'), keep('link', 'rawLinks'), keep('description', 'rawDescription'), keep('summary', 'rawSummary'),
  keep('content', 'rawContent'), keep('content:encoded', 'rawEncoded'), keep('author', 'rawAuthor'), keep('dc:creator', 'rawCreator'),
  keep('category', 'rawCategory'), keep('dc:subject', 'rawSubject'), keep('media:content', 'rawMediaContent'),
  keep('media:thumbnail', 'rawMediaThumbnail'), keep('media:group', 'rawMediaGroup'), keep('enclosure', 'rawEnclosure'),
  keep('itunes:image', 'rawItunesImage'), keep('pubDate', 'rawPubDate'), keep('dc:date', 'rawDcDate'),
  keep('published', 'rawPublished'), keep('updated', 'rawUpdated'), keep('issued', 'rawIssued'), keep('modified', 'rawModified'),
  keep('created', 'rawCreated'), keep('storydesk-published', 'rawPublishedText'), keep('storydesk-updated', 'rawUpdatedText'),
  keep('guid', 'rawGuid'), keep('id', 'rawId'), keep('dc:language', 'rawLanguage'), keep('dc:identifier', 'rawIdentifier'),
];
const FEED_FIELDS = [keep('title', 'rawTitle'), keep('link', 'rawLinks'), keep('dc:language', 'rawDcLanguage'), keep('dc:title', 'rawDcTitle')];

interface RssParserInternals {
  xmlParser: { parseString(xml: string, callback: (error: unknown, result: unknown) => void): unknown };
  buildAtomFeed(xml: unknown): RawFeed;
  buildRSS0_9(xml: unknown): RawFeed;
  buildRSS1(xml: unknown): RawFeed;
  buildRSS2(xml: unknown): RawFeed;
}

/**
 * rss-parser on a well-formed string, synchronously. A FRESH parser per call: a reused
 * instance keeps its xml2js/sax state after an error and changes later results.
 * Why the internals: `parseString` only wraps xml2js's synchronous callback and these
 * builders in a Promise, and the poll stage is a pure synchronous function; we already
 * know the format, so we call the builder rss-parser would pick.
 */
export function runRssParser(xml: string, format: FeedFormat, rssVersion: string | null): RawFeed {
  const parser = new Parser({ customFields: { item: ITEM_FIELDS, feed: FEED_FIELDS } as never }) as unknown as RssParserInternals;
  let tree: unknown = null;
  let failure: unknown = null;
  try {
    parser.xmlParser.parseString(xml, (error, result) => {
      if (error) failure = failure ?? error;
      else tree = result;
    });
  } catch (error) {
    failure = failure ?? error;
  }
  if (failure || !tree) {
    const message = failure instanceof Error ? failure.message.split('\n')[0] : 'no document';
    throw new StorydeskError('malformed_xml', `XML could not be read even after repair: ${message}`, { permanent: true, cause: failure });
  }
  if (format === 'atom') return parser.buildAtomFeed(tree);
  if (format === 'rdf') return parser.buildRSS1(tree);
  return rssVersion && /^0\.9/.test(rssVersion) ? parser.buildRSS0_9(tree) : parser.buildRSS2(tree);
}
