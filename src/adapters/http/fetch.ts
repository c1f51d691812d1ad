import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { StorydeskError } from '../../core/model/index.js';
import { isBlockedAddress } from './addresses.js';
import { readDecodedBody } from './decompress.js';
import { networkError, statusError } from './errors.js';
import { guardedLookup, privateNetworkError, systemResolver, type Resolver } from './guarded-lookup.js';
import { flattenHeaders, parseMaxAge, parseRetryAfter } from './headers.js';

/** Time limits of one fetch; `totalMs` bounds the whole fetch, redirects included. */
export interface FetchTimeouts {
  /** DNS + TCP (+ TLS) per hop. */
  connectMs: number;
  /** From connected to response headers, per hop. */
  firstByteMs: number;
  totalMs: number;
}

/** Everything one guarded fetch needs; the limits come from config. */
export interface FetchOptions {
  timeouts: FetchTimeouts;
  /** Cap on the body, on the wire and after decompression. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** Allow private/loopback/link-local targets (demo outlets only). */
  allowPrivateNetwork?: boolean;
  /** Exact IP addresses exempt from the refusal, a narrower allowance (e.g. one loopback demo server). */
  allowedAddresses?: string[];
  /** Conditional GET validators from the last fetch. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  /** Injectable resolver (tests); defaults to the system's getaddrinfo. */
  lookup?: Resolver;
  signal?: AbortSignal;
}

/** A successful fetch (2xx, or 304 with `notModified`). Errors are thrown as StorydeskError. */
export interface FetchResult {
  status: number;
  notModified: boolean;
  /** Lower-cased names of the final response's headers. */
  headers: Record<string, string>;
  /** Decoded (gunzipped etc.) body; empty for 304. */
  body: Buffer;
  contentType: string | null;
  finalUrl: string;
  /** The final URL when every hop was 301/308: the caller may update its stored URL. */
  permanentRedirect: string | null;
  /** Each URL redirected to, in order. */
  redirects: string[];
  etag: string | null;
  lastModified: string | null;
  retryAfterMs: number | null;
  cacheMaxAgeSeconds: number | null;
}

interface Hop {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

type Phase = 'connect' | 'first_byte' | 'body';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const TIMEOUT_TEXT: Record<string, string> = {
  timeout_connect: 'Not connected',
  timeout_first_byte: 'No response headers',
  timeout_body: 'Body not complete',
};

/**
 * GET `input` with every guard storydesk relies on: http(s) only, private addresses refused on
 * each hop at connect time, timeouts per phase, a byte cap while streaming, bounded redirects
 * with loop detection, decompression, and conditional GET. Throws StorydeskError (see errors.ts).
 */
export async function guardedFetch(input: string, options: FetchOptions): Promise<FetchResult> {
  let url = parseTarget(input, undefined);
  const deadline = Date.now() + options.timeouts.totalMs;
  const visited = new Set([url.href]);
  const redirects: string[] = [];
  let everyHopPermanent = true;
  for (;;) {
    const hop = await fetchHop(url, options, deadline);
    const location = REDIRECTS.has(hop.status) ? hop.headers.location : undefined;
    if (location === undefined) return finish(hop, url.href, redirects, everyHopPermanent, options);
    const next = parseTarget(location, url);
    if (visited.has(next.href)) {
      throw new StorydeskError('redirect_loop', `Redirect loop: ${[input, ...redirects, next.href].join(' -> ')}`, { permanent: true });
    }
    if (redirects.length >= options.maxRedirects) {
      throw new StorydeskError('too_many_redirects', `More than ${options.maxRedirects} redirects from ${input}`, { permanent: true });
    }
    visited.add(next.href);
    redirects.push(next.href);
    everyHopPermanent &&= hop.status === 301 || hop.status === 308;
    url = next;
  }
}

function finish(hop: Hop, finalUrl: string, redirects: string[], everyHopPermanent: boolean, options: FetchOptions): FetchResult {
  const now = Date.now();
  const error = statusError(hop.status, hop.headers, finalUrl, now);
  if (error) throw error;
  const notModified = hop.status === 304;
  return {
    status: hop.status,
    notModified,
    headers: hop.headers,
    body: hop.body,
    contentType: hop.headers['content-type'] ?? null,
    finalUrl,
    permanentRedirect: redirects.length > 0 && everyHopPermanent ? finalUrl : null,
    redirects,
    // A 304 may omit the validators; the ones we sent are still current then.
    etag: hop.headers.etag ?? (notModified ? (options.etag ?? null) : null),
    lastModified: hop.headers['last-modified'] ?? (notModified ? (options.lastModified ?? null) : null),
    retryAfterMs: parseRetryAfter(hop.headers['retry-after'], now),
    cacheMaxAgeSeconds: parseMaxAge(hop.headers['cache-control']),
  };
}

/** Parse a URL (relative to `base` for redirects) and accept only http and https. */
function parseTarget(text: string, base: URL | undefined): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new StorydeskError('bad_url', `Not a valid URL: ${JSON.stringify(text.slice(0, 200))}`, { permanent: true });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StorydeskError('unsupported_scheme', `Only http and https are fetched, not ${url.protocol} (${url.href.slice(0, 200)})`, {
      permanent: true,
    });
  }
  url.hash = '';
  return url;
}

function requestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: options.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

/** Which addresses this fetch must not connect to. */
function refusalPolicy(options: FetchOptions): (address: string) => boolean {
  if (options.allowPrivateNetwork) return () => false;
  const allowed = new Set((options.allowedAddresses ?? []).map((a) => a.toLowerCase()));
  return (address) => isBlockedAddress(address) && !allowed.has(address.toLowerCase());
}

/** One request/response; redirects and errors are interpreted by the caller. */
function fetchHop(url: URL, options: FetchOptions, deadline: number): Promise<Hop> {
  const refused = refusalPolicy(options);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  // Node skips `lookup` for IP literals, so those are checked here.
  if (isIP(hostname) && refused(hostname)) return Promise.reject(privateNetworkError(hostname, url.href));
  if (options.signal?.aborted) return Promise.reject(new StorydeskError('aborted', `Fetch aborted: ${url.href}`));

  return new Promise<Hop>((resolve, reject) => {
    let phase: Phase = 'connect';
    let failure: StorydeskError | undefined;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const transport = url.protocol === 'https:' ? https : http;
    // agent:false: a pooled socket could skip the connect-time address check.
    const req = transport.request(url, {
      method: 'GET',
      headers: requestHeaders(options),
      agent: false,
      lookup: guardedLookup(options.lookup ?? systemResolver, refused, url.href),
    });

    const fail = (error: StorydeskError) => {
      failure ??= error;
      const reason = failure;
      settle(() => reject(reason));
      req.destroy(reason);
    };
    const settle = (finalize: () => void) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      finalize();
    };
    const after = (ms: number, error: () => StorydeskError) => {
      const timer = setTimeout(() => fail(error()), Math.max(0, ms));
      timers.push(timer);
      return timer;
    };
    const timeout = (code: string, ms: number) =>
      new StorydeskError(code, `${TIMEOUT_TEXT[code] ?? 'Timed out'} within ${ms} ms: ${url.href}`);
    const onAbort = () => fail(new StorydeskError('aborted', `Fetch aborted: ${url.href}`));
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const totalLeft = deadline - Date.now();
    after(totalLeft, () => timeout(`timeout_${phase}`, options.timeouts.totalMs));
    const connectTimer = after(options.timeouts.connectMs, () => timeout('timeout_connect', options.timeouts.connectMs));
    let firstByteTimer: NodeJS.Timeout | undefined;

    req.on('socket', (socket) => {
      // Belt and braces: whatever resolved the name, refuse what we actually connected to.
      socket.once('connect', () => {
        const remote = socket.remoteAddress;
        if (!remote || refused(remote)) fail(privateNetworkError(remote ?? 'unknown', url.href));
      });
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
        clearTimeout(connectTimer);
        if (phase !== 'connect') return;
        phase = 'first_byte';
        firstByteTimer = after(options.timeouts.firstByteMs, () => timeout('timeout_first_byte', options.timeouts.firstByteMs));
      });
    });

    req.on('response', (res) => {
      clearTimeout(connectTimer);
      clearTimeout(firstByteTimer);
      phase = 'body';
      const status = res.statusCode ?? 0;
      const headers = flattenHeaders(res.headers);
      if (status < 200 || status >= 300) {
        // Redirects, 304 and errors: the body is not needed, so do not download it.
        settle(() => resolve({ status, headers, body: Buffer.alloc(0) }));
        req.destroy();
        return;
      }
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        fail(
          new StorydeskError('too_large', `Body of ${url.href} declares ${declared} bytes, cap is ${options.maxBytes}`, {
            permanent: true,
          }),
        );
        return;
      }
      readDecodedBody(res, headers['content-encoding'], options.maxBytes, url.href).then(
        (body) => settle(() => resolve({ status, headers, body })),
        (error: unknown) => fail(failure ?? networkError(error, url.href)),
      );
    });

    req.on('error', (error) => settle(() => reject(failure ?? networkError(error, url.href))));
    req.end();
  });
}
