import type { Cluster, Redis } from 'ioredis';
import { errorCodeOf } from '../../core/model/index.js';
import { isAllowedBy, MAX_ROBOTS_CHARS, parseRobots, policyFor } from '../../core/robots.js';
import type { Keys } from '../keys.js';

/** The robots.txt verdict for one page, with why, for the extract worker and its log. */
export interface RobotsDecision {
  allowed: boolean;
  /** `rules`: the site's robots.txt decided; `missing`: none (4xx), allow all; `unreachable`: 5xx or network failure, allowed. */
  source: 'rules' | 'missing' | 'unreachable';
  /** Crawl-delay for our user agent, when the site sets one. */
  crawlDelayMs: number | null;
  /** Error code of the failed robots.txt fetch (missing or unreachable), else null. */
  errorCode: string | null;
}

/** What createRobots needs; `fetch` is the guarded (and polite) fetch, throwing StorydeskError. */
export interface RobotsDeps<C> {
  redis: Redis | Cluster;
  keys: Keys;
  fetch: (url: string, context: C) => Promise<{ body: Buffer }>;
  /** Our User-Agent; its product token ("storydesk") selects the robots.txt group. */
  userAgent: string;
  log?: { warn(obj: object, msg: string): void };
  /** How long a fetched or missing robots.txt is trusted (default one day). */
  ttlSeconds?: number;
  /** How long an unreachable robots.txt is remembered before trying again (default ten minutes). */
  unreachableTtlSeconds?: number;
}

/** robots.txt checks for article pages, one fetch per origin per TTL, shared through Redis. */
export interface RobotsChecker<C> {
  decide(url: string, context: C): Promise<RobotsDecision>;
  allowed(url: string, context: C): Promise<boolean>;
}

type Cached = { kind: 'rules'; body: string } | { kind: 'missing' | 'unreachable'; code: string };

/** Codes meaning "there is no robots.txt" (RFC 9309 2.3.1.3: 4xx, allow all). */
function meansMissing(code: string): boolean {
  return /^http_4\d\d$/.test(code) || ['gone', 'too_many_redirects', 'redirect_loop', 'unsupported_scheme'].includes(code);
}

/**
 * Build a checker: robots.txt is fetched through `deps.fetch`, cached per origin in Redis with a
 * TTL, and parsed by core/robots. Missing robots.txt allows all; an unreachable one also allows
 * (logged), since refusing every page of an outlet over a flaky robots.txt loses articles.
 */
export function createRobots<C>(deps: RobotsDeps<C>): RobotsChecker<C> {
  const ttlSeconds = deps.ttlSeconds ?? 86_400;
  const unreachableTtlSeconds = deps.unreachableTtlSeconds ?? 600;
  // One fetch per origin at a time in this process; other processes share the Redis entry.
  const inFlight = new Map<string, Promise<Cached>>();

  async function load(origin: string, context: C): Promise<Cached> {
    const key = deps.keys.robots(origin);
    const hit = await deps.redis.get(key);
    if (hit) return JSON.parse(hit) as Cached;
    let entry: Cached;
    try {
      const result = await deps.fetch(`${origin}/robots.txt`, context);
      entry = { kind: 'rules', body: result.body.toString('utf8').slice(0, MAX_ROBOTS_CHARS) };
    } catch (error) {
      const code = errorCodeOf(error);
      entry = { kind: meansMissing(code) ? 'missing' : 'unreachable', code };
      if (entry.kind === 'unreachable') deps.log?.warn({ origin, code }, 'robots.txt unreachable; allowing article pages');
    }
    await deps.redis.set(key, JSON.stringify(entry), 'EX', entry.kind === 'unreachable' ? unreachableTtlSeconds : ttlSeconds);
    return entry;
  }

  async function decide(url: string, context: C): Promise<RobotsDecision> {
    const target = new URL(url);
    const origin = target.origin;
    let pending = inFlight.get(origin);
    if (!pending) {
      pending = load(origin, context).finally(() => inFlight.delete(origin));
      inFlight.set(origin, pending);
    }
    const entry = await pending;
    if (entry.kind !== 'rules') return { allowed: true, source: entry.kind, crawlDelayMs: null, errorCode: entry.code };
    const policy = policyFor(parseRobots(entry.body), deps.userAgent);
    return {
      allowed: isAllowedBy(policy, target.pathname + target.search),
      source: 'rules',
      crawlDelayMs: policy.crawlDelaySeconds === null ? null : Math.round(policy.crawlDelaySeconds * 1000),
      errorCode: null,
    };
  }

  return { decide, allowed: async (url, context) => (await decide(url, context)).allowed };
}
