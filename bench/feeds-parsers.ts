import { parseFeed as rowanmanningParse } from '@rowanmanning/feed-parser';
import RssParser from 'rss-parser';
import { StorydeskError } from '../src/core/model/index.js';
import { parseFeed } from '../src/core/poll/parse.js';

/** The fields every parser's result is compared on. */
export interface FeedSummary {
  title: string | null;
  itemCount: number;
  titles: string[];
  firstLink: string | null;
  firstDate: string | null;
}

/** What one parser did with one file: a feed, a clean (typed) rejection, or a crash. */
export type Outcome = { kind: 'parsed'; summary: FeedSummary } | { kind: 'rejected'; reason: string } | { kind: 'crashed'; reason: string };

/** One corpus file as the parsers receive it. */
export interface BenchInput {
  bytes: Buffer;
  /** Content-Type the source's test simulates (feedparser HTTP tests), if any. */
  contentType: string | null;
  url: string;
}

/** A parser under test. */
export interface BenchParser {
  name: string;
  run(input: BenchInput): Promise<Outcome>;
}

const asText = (value: unknown): string | null => (typeof value === 'string' ? value : value == null ? null : JSON.stringify(value));

/** A peer's throw is clean when it is a plain Error (its own parse error), not a TypeError and the like. */
function peerFailure(error: unknown): Outcome {
  const clean = error instanceof Error && (error.constructor === Error || (error as { code?: unknown }).code === 'INVALID_FEED');
  const reason = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  return clean ? { kind: 'rejected', reason } : { kind: 'crashed', reason };
}

/** storydesk: exactly the pipeline's parseFeed, with the simulated Content-Type. */
export const storydesk: BenchParser = {
  name: 'storydesk',
  async run({ bytes, contentType, url }) {
    try {
      const parsed = await parseFeed(bytes, { url, contentType, now: new Date() });
      return {
        kind: 'parsed',
        summary: {
          title: parsed.feed.title,
          itemCount: parsed.items.length,
          titles: parsed.items.map((i) => i.title),
          firstLink: parsed.items[0]?.link || null,
          firstDate: parsed.items[0]?.published ?? null,
        },
      };
    } catch (error) {
      if (error instanceof StorydeskError && error.code !== 'internal')
        return { kind: 'rejected', reason: `${error.code}: ${error.message}` };
      return { kind: 'crashed', reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  },
};

/** Plain rss-parser as commonly used: the bytes read as UTF-8, a new parser per file. */
export const rssParser: BenchParser = {
  name: 'rss-parser',
  async run({ bytes }) {
    try {
      const feed = await new RssParser().parseString(bytes.toString('utf8'));
      const items = feed.items ?? [];
      return {
        kind: 'parsed',
        summary: {
          title: asText(feed.title),
          itemCount: items.length,
          titles: items.map((i) => asText(i.title) ?? ''),
          firstLink: asText(items[0]?.link),
          firstDate: items[0]?.isoDate ?? null,
        },
      };
    } catch (error) {
      return peerFailure(error);
    }
  },
};

/** @rowanmanning/feed-parser on the bytes read as UTF-8; toJSON() reads every field. */
export const rowanmanning: BenchParser = {
  name: '@rowanmanning/feed-parser',
  async run({ bytes }) {
    try {
      const feed = rowanmanningParse(bytes.toString('utf8')).toJSON();
      const items = feed.items ?? [];
      const first = items[0];
      return {
        kind: 'parsed',
        summary: {
          title: feed.title ?? null,
          itemCount: items.length,
          titles: items.map((i) => i.title ?? ''),
          firstLink: first?.url ?? null,
          firstDate: first?.published ? new Date(first.published).toISOString() : null,
        },
      };
    } catch (error) {
      return peerFailure(error);
    }
  },
};
