import type { IncomingHttpHeaders } from 'node:http';

/** Response headers as one lower-cased string per name (repeated headers joined by ", "). */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/**
 * Retry-After as milliseconds from `nowMs`: delay-seconds or an HTTP date (RFC 9110 10.2.3).
 * A date in the past means "now" (0); anything unreadable is null.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only accept things that look like dates: Date.parse is lenient with bare numbers and words.
  if (!/[a-z]/i.test(text) || !/\d{1,2}:\d{2}/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** Cache-Control max-age in seconds, or null when absent or unreadable. */
export function parseMaxAge(cacheControl: string | undefined): number | null {
  const match = cacheControl?.match(/(?:^|[,\s])max-age\s*=\s*"?(\d+)"?/i);
  return match?.[1] ? Number(match[1]) : null;
}
