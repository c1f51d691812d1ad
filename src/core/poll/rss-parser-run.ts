import Parser from 'rss-parser';
import { StorydeskError } from '../model/index.js';

/** An xml2js value as rss-parser hands it over: text, `{ _: text, $: attributes }`, or nested elements. */
export type RawNode = string | { _?: string; $?: Record<string, string>; [child: string]: unknown };

/** Raw item fields we ask rss-parser for (arrays of xml2js nodes), beside its own fields. */
export interface RawItem {
  [field: string]: unknown;
}

/** rss-parser's feed with our raw fields. */
export interface RawFeed {
  items: RawItem[];
  [field: string]: unknown;
}

/** A custom field copied as rss-parser's xml2js nodes (`keepArray`), under our own name. */
const keep = (from: string, to: string): [string, string, { keepArray: boolean }] => [from, to, { keepArray: true }];

/** Every element normalisation reads, kept raw so that we, not rss-parser, decide what each means. */
const ITEM_FIELDS = [
  keep('title', 'rawTitle'),
  keep('link', 'rawLinks'),
  keep('description', 'rawDescription'),
  keep('summary', 'rawSummary'),
  keep('content', 'rawContent'),
  keep('content:encoded', 'rawEncoded'),
  keep('author', 'rawAuthor'),
  keep('dc:creator', 'rawCreator'),
  keep('category', 'rawCategory'),
  keep('dc:subject', 'rawSubject'),
  keep('media:content', 'rawMediaContent'),
  keep('media:thumbnail', 'rawMediaThumbnail'),
  keep('media:group', 'rawMediaGroup'),
  keep('enclosure', 'rawEnclosure'),
  keep('itunes:image', 'rawItunesImage'),
  keep('pubDate', 'rawPubDate'),
  keep('dc:date', 'rawDcDate'),
  keep('published', 'rawPublished'),
  keep('updated', 'rawUpdated'),
  keep('issued', 'rawIssued'),
  keep('modified', 'rawModified'),
  keep('created', 'rawCreated'),
  keep('guid', 'rawGuid'),
  keep('id', 'rawId'),
  keep('dc:language', 'rawLanguage'),
  keep('dc:identifier', 'rawIdentifier'),
];
const FEED_FIELDS = [
  keep('title', 'rawTitle'),
  keep('link', 'rawLinks'),
  keep('language', 'rawLanguage'),
  keep('ttl', 'rawTtl'),
  keep('dc:language', 'rawDcLanguage'),
  keep('dc:title', 'rawDcTitle'),
];

/**
 * rss-parser's public `parseString` on a well-formed feed document (the repaired one), with
 * our raw custom fields. A FRESH parser per call: a reused instance keeps its xml2js/sax
 * state after an error and changes later results. rss-parser picks the builder from the root
 * (`feed`, `rdf:RDF`, `rss` with its version); an RSS version it does not know is read as 2.0.
 * An XML error becomes `malformed_xml`; anything else rss-parser throws (a TypeError from a
 * builder) is our repair's fault and propagates, so parseFeed reports it as `internal`.
 */
export async function runRssParser(xml: string): Promise<RawFeed> {
  const parser = new Parser<RawFeed, RawItem>({ defaultRSS: 2, customFields: { item: ITEM_FIELDS, feed: FEED_FIELDS } as never });
  try {
    return await parser.parseString(xml);
  } catch (error) {
    // xml2js and sax reject with plain Errors; a builder's own bug is a TypeError or RangeError.
    if (!(error instanceof Error) || error.constructor !== Error) throw error;
    const message = error.message.split('\n')[0] ?? 'no document';
    throw new StorydeskError('malformed_xml', `XML could not be read even after repair: ${message}`, { permanent: true, cause: error });
  }
}
