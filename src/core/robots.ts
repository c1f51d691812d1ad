/**
 * robots.txt (RFC 9309) as pure functions: parse once, then ask whether a path is allowed for
 * a user agent. Matching follows the RFC: the group naming our product token (else `*`), the
 * longest matching rule wins, and `allow` wins a tie; `*` and a final `$` are the only specials.
 */

/** One Allow/Disallow line. */
export interface RobotsRule {
  allow: boolean;
  /** Normalised pattern (percent-escapes upper-cased, non-ASCII encoded). */
  pattern: string;
}

/** Consecutive User-agent lines and the rules that follow them. */
export interface RobotsGroup {
  /** Lower-cased product tokens, or "*". */
  agents: string[];
  rules: RobotsRule[];
  crawlDelaySeconds: number | null;
}

/** A parsed robots.txt. */
export interface RobotsTxt {
  groups: RobotsGroup[];
  sitemaps: string[];
}

/** What one user agent may do on a site. */
export interface RobotsPolicy {
  rules: RobotsRule[];
  crawlDelaySeconds: number | null;
}

/** Crawlers must parse at least 500 KiB (RFC 9309 2.5); we stop there too. */
export const MAX_ROBOTS_CHARS = 500 * 1024;

const AGENT_KEYS = new Set(['user-agent', 'useragent', 'user agent']);
const DISALLOW_KEYS = new Set(['disallow', 'dissallow', 'dissalow', 'disalow', 'diasllow', 'disallaw']);

/** Parse robots.txt text; lines it does not understand are skipped, as the RFC asks. */
export function parseRobots(text: string): RobotsTxt {
  const groups: RobotsGroup[] = [];
  const sitemaps: string[] = [];
  let current: RobotsGroup | null = null;
  let collectingAgents = false;
  for (const rawLine of text
    .slice(0, MAX_ROBOTS_CHARS)
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (AGENT_KEYS.has(key)) {
      if (!current || !collectingAgents) {
        current = { agents: [], rules: [], crawlDelaySeconds: null };
        groups.push(current);
      }
      current.agents.push(productToken(value));
      collectingAgents = true;
      continue;
    }
    if (key === 'sitemap') {
      if (value) sitemaps.push(value);
      continue;
    }
    // Rules before any User-agent belong to no group; unknown lines (Host:, Clean-param:) are ignored.
    if (!current) continue;
    if (key === 'allow' || DISALLOW_KEYS.has(key)) {
      collectingAgents = false;
      if (value) current.rules.push({ allow: key === 'allow', pattern: normalisePath(value) });
    } else if (key === 'crawl-delay') {
      collectingAgents = false;
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelaySeconds = seconds;
    }
  }
  return { groups, sitemaps };
}

/** The rules that apply to `userAgent`: its own groups merged, else the `*` groups, else none. */
export function policyFor(robots: RobotsTxt, userAgent: string): RobotsPolicy {
  const token = productToken(userAgent);
  let groups = robots.groups.filter((g) => g.agents.includes(token));
  if (groups.length === 0) groups = robots.groups.filter((g) => g.agents.includes('*'));
  const delays = groups.map((g) => g.crawlDelaySeconds).filter((d): d is number => d !== null);
  return { rules: groups.flatMap((g) => g.rules), crawlDelaySeconds: delays.length ? Math.max(...delays) : null };
}

/** May `userAgent` fetch `path` (path plus query, e.g. "/news/a?id=1")? */
export function isAllowed(robots: string | RobotsTxt, userAgent: string, path: string): boolean {
  const parsed = typeof robots === 'string' ? parseRobots(robots) : robots;
  return isAllowedBy(policyFor(parsed, userAgent), path);
}

/** Apply one policy to a path: longest match wins, allow wins ties, no match allows. */
export function isAllowedBy(policy: RobotsPolicy, path: string): boolean {
  const target = normalisePath(path.startsWith('/') ? path : `/${path}`);
  if (target === '/robots.txt') return true;
  let best: RobotsRule | null = null;
  for (const rule of policy.rules) {
    if (!matches(rule.pattern, target)) continue;
    if (!best || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) best = rule;
  }
  return best ? best.allow : true;
}

/** "Storydesk/0.1 (+https://…)" → "storydesk": the name robots.txt groups use. */
export function productToken(userAgent: string): string {
  const token = userAgent.trim().split(/[\s/]/)[0] ?? '';
  return token.toLowerCase();
}

function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  if (!body.includes('*')) return anchored ? path === body : path.startsWith(body);
  const source = body.split('*').map(escapeRegExp).join('.*');
  return new RegExp(`^${source}${anchored ? '$' : ''}`, 's').test(path);
}

function encodeChar(ch: string): string {
  try {
    return encodeURIComponent(ch);
  } catch {
    return '%EF%BF%BD'; // a lone surrogate: encode as U+FFFD rather than throw
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compare paths as octets: encode what is not ASCII, decode escaped unreserved characters and
 * upper-case the remaining escapes, so "/caf%c3%a9", "/café" and "/%7Euser" vs "/~user" agree.
 */
function normalisePath(path: string): string {
  const encoded = path.replace(/[^\x21-\x7e]/gu, encodeChar);
  return encoded.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}
