/** core/poll: feed bytes → FeedItem[], the next-poll policy, and OPML. */
export { parseFeed, type ParsedFeed, type ParseFeedOptions } from './parse.js';
export { canonicalUrl, isTrackingParam } from './canonical-url.js';
export { parseFeedDate } from './dates.js';
export {
  decideNextPoll,
  nextPollAt,
  isStale,
  publishingGapSeconds,
  type NextPollInput,
  type NextPollDecision,
  type PollOutcome,
  type NextPollOptions,
  type StaleInput,
} from './next-poll.js';
export { parseOpml, renderOpml, type OpmlFeed } from './opml.js';
