import { createHash } from 'node:crypto';
import type { FeedState } from '../model/index.js';

/** Everything the next-poll policy looks at; all durations in seconds. */
export interface NextPollInput {
  /** Feed id: the seed of the jitter, so feeds spread out but each stays predictable. */
  feedId: string;
  /** The configured interval; used until the feed's own rhythm is known. */
  baseSeconds: number;
  minSeconds: number;
  maxSeconds: number;
  /** Publication times (ISO) of the items in the last response. */
  itemDates: readonly string[];
  /** RSS `<ttl>`: the publisher asks not to be polled more often. */
  ttlMinutes: number | null;
  /** Cache-Control max-age of the last response. */
  cacheMaxAgeSeconds: number | null;
  /** Retry-After of the last response (429/503). */
  retryAfterSeconds: number | null;
  /** Failures in a row, this poll included (0 after a success). */
  consecutiveFailures: number;
  /** Back-off ceiling; a failing feed is retried at least this often, never disabled. */
  backoffCapSeconds: number;
  /** Fraction of the delay added or removed by the jitter (0.1 = ±10%). */
  jitterRatio: number;
  now: Date;
}

/** Why the delay is what it is (for logs and `feeds status`). */
export type NextPollReason = 'base' | 'publishing_rate' | 'ttl' | 'cache_max_age' | 'retry_after' | 'backoff';

export interface NextPollDecision {
  delaySeconds: number;
  at: Date;
  reason: NextPollReason;
}

/**
 * When to poll a feed next. After a success: the feed's publishing rate (half the median gap
 * between its recent items, so a new item waits on average a quarter gap) or the base
 * interval, raised to the publisher's `<ttl>`, Cache-Control max-age and Retry-After, then
 * clamped to [min, max]. After failures: the base interval doubled per failure up to the
 * back-off cap, raised to Retry-After (also capped) — a feed is never disabled. A
 * deterministic jitter from the feed id spreads feeds that share an interval.
 */
export function decideNextPoll(input: NextPollInput): NextPollDecision {
  const { minSeconds, maxSeconds } = input;
  let delay: number;
  let reason: NextPollReason;
  if (input.consecutiveFailures > 0) {
    const cap = Math.max(input.backoffCapSeconds, minSeconds);
    const exponent = Math.min(input.consecutiveFailures - 1, 30);
    delay = Math.min(cap, Math.max(input.baseSeconds, minSeconds) * 2 ** exponent);
    reason = 'backoff';
    if (input.retryAfterSeconds !== null && input.retryAfterSeconds > delay) {
      delay = Math.min(cap, input.retryAfterSeconds);
      reason = 'retry_after';
    }
    delay = Math.max(minSeconds, delay);
  } else {
    const rate = publishingGapSeconds(input.itemDates, input.now);
    delay = rate === null ? input.baseSeconds : rate / 2;
    reason = rate === null ? 'base' : 'publishing_rate';
    const floors: Array<[number | null, NextPollReason]> = [
      [input.ttlMinutes === null ? null : input.ttlMinutes * 60, 'ttl'],
      [input.cacheMaxAgeSeconds, 'cache_max_age'],
      [input.retryAfterSeconds, 'retry_after'],
    ];
    for (const [floor, why] of floors) {
      if (floor !== null && floor > delay) {
        delay = floor;
        reason = why;
      }
    }
    delay = clamp(delay, minSeconds, maxSeconds);
  }
  const jittered = delay * (1 + input.jitterRatio * jitterUnit(input.feedId));
  const upper = input.consecutiveFailures > 0 ? Math.max(input.backoffCapSeconds, minSeconds) : maxSeconds;
  const delaySeconds = Math.round(clamp(jittered, minSeconds, upper));
  return { delaySeconds, at: new Date(input.now.getTime() + delaySeconds * 1000), reason };
}

/**
 * The typical time between a feed's items: the median gap between consecutive publication
 * times among the most recent (at most 20, none in the future), or null with fewer than 3.
 */
export function publishingGapSeconds(itemDates: readonly string[], now: Date): number | null {
  const times = itemDates
    .map((d) => Date.parse(d))
    .filter((t) => Number.isFinite(t) && t <= now.getTime())
    .sort((a, b) => b - a)
    .slice(0, 20);
  if (times.length < 3) return null;
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) gaps.push(((times[i - 1] ?? 0) - (times[i] ?? 0)) / 1000);
  gaps.sort((a, b) => a - b);
  const middle = Math.floor(gaps.length / 2);
  const median = gaps.length % 2 === 1 ? (gaps[middle] ?? 0) : ((gaps[middle - 1] ?? 0) + (gaps[middle] ?? 0)) / 2;
  // Items published in one batch (same timestamp) say nothing about the rate.
  return median > 0 ? median : null;
}

/** A number in [-1, 1) derived from the feed id only. */
export function jitterUnit(feedId: string): number {
  const value = createHash('sha256').update(feedId).digest().readUInt32BE(0);
  return (value / 0x1_0000_0000) * 2 - 1;
}

/** What `isStale` compares. */
export interface StaleInput {
  now: Date;
  /** When the last new item arrived (or the feed was added, if none ever did). */
  lastNewItemAt: string | null;
  itemDates: readonly string[];
  baseSeconds: number;
  /** Silence longer than this many typical gaps is stale (default 4). */
  factor?: number;
  /** Never stale before this much silence (default one day). */
  minimumSeconds?: number;
}

/**
 * A feed is stale when no new item came for much longer than its rhythm leads us to expect:
 * `factor` × the typical gap between its items (or the base interval when unknown), and at
 * least `minimumSeconds`. A feed without any new item on record is not judged.
 */
export function isStale(input: StaleInput): boolean {
  if (!input.lastNewItemAt) return false;
  const since = Date.parse(input.lastNewItemAt);
  if (!Number.isFinite(since)) return false;
  const gap = publishingGapSeconds(input.itemDates, input.now) ?? input.baseSeconds;
  const threshold = Math.max(input.minimumSeconds ?? 86_400, (input.factor ?? 4) * gap);
  return (input.now.getTime() - since) / 1000 > threshold;
}

/** The outcome of one poll as the worker reports it to the policy. */
export interface PollOutcome {
  ok: boolean;
  newItems: number;
  itemDates: string[];
  ttlMinutes: number | null;
  cacheMaxAgeSeconds: number | null;
  retryAfterMs: number | null;
}

/** Bounds and knobs from config. */
export interface NextPollOptions {
  minSeconds: number;
  maxSeconds: number;
  now: Date;
  /** The feed's configured interval; defaults to the state's, then to 15 minutes within bounds. */
  baseSeconds?: number;
  /** Default: 24 hours (or maxSeconds if larger). */
  backoffCapSeconds?: number;
  /** Default 0.1. */
  jitterRatio?: number;
}

/** The worker's entry: the next poll time from a feed's stored state and this poll's outcome. */
export function nextPollAt(state: FeedState, outcome: PollOutcome, options: NextPollOptions): Date {
  const base = clamp(options.baseSeconds ?? state.intervalSeconds ?? 900, options.minSeconds, options.maxSeconds);
  return decideNextPoll({
    feedId: state.feedId,
    baseSeconds: base,
    minSeconds: options.minSeconds,
    maxSeconds: options.maxSeconds,
    itemDates: outcome.itemDates,
    ttlMinutes: outcome.ttlMinutes,
    cacheMaxAgeSeconds: outcome.cacheMaxAgeSeconds,
    retryAfterSeconds: outcome.retryAfterMs === null ? null : Math.ceil(outcome.retryAfterMs / 1000),
    consecutiveFailures: outcome.ok ? 0 : state.consecutiveErrors + 1,
    backoffCapSeconds: options.backoffCapSeconds ?? Math.max(86_400, options.maxSeconds),
    jitterRatio: options.jitterRatio ?? 0.1,
    now: options.now,
  }).at;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}
