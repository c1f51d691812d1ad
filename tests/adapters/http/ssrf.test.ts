import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorydeskError } from '../../../src/core/model/index.js';
import { guardedFetch, type FetchOptions } from '../../../src/adapters/http/fetch.js';
import type { ResolvedAddress, Resolver } from '../../../src/adapters/http/guarded-lookup.js';
import { startRedirectServer, type LoopbackServer } from './loopback-server.js';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startRedirectServer();
});
afterAll(() => server.close());

/** A resolver that answers from a table, like a hostile DNS server would. */
function resolverFor(table: Record<string, ResolvedAddress[]>): Resolver {
  return async (hostname) => {
    const found = table[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found;
  };
}

const family = (address: string) => (address.includes(':') ? 6 : 4);

function options(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return {
    timeouts: { connectMs: 2000, firstByteMs: 2000, totalMs: 5000 },
    maxBytes: 100_000,
    maxRedirects: 5,
    userAgent: 'storydesk-test',
    ...overrides,
  };
}

async function failure(url: string, overrides: Partial<FetchOptions> = {}): Promise<StorydeskError> {
  const error = await guardedFetch(url, options(overrides)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorydeskError);
  return error as StorydeskError;
}

describe('guardedFetch: private network refused', () => {
  it.each([
    '10.0.0.1',
    '127.0.0.1',
    '::ffff:127.0.0.1',
    'fc00::1',
    '169.254.169.254',
    'fd00:ec2::254',
    '100.64.0.1',
    '::1',
    '0.0.0.0',
    '224.0.0.1',
  ])('refuses a public-looking name resolving to %s without connecting', async (address) => {
    const before = server.requests.length;
    const lookup = resolverFor({ 'news.example': [{ address, family: family(address) }] });
    const error = await failure(`http://news.example:${server.port}/`, { lookup });
    expect(error.code).toBe('private_network');
    expect(error.permanent).toBe(true);
    expect(error.message).toContain(address);
    expect(server.requests.length).toBe(before);
  });

  it('refuses a name when any of its addresses is private', async () => {
    const lookup = resolverFor({
      'mixed.example': [
        { address: '93.184.216.34', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
    });
    expect((await failure(`http://mixed.example:${server.port}/`, { lookup })).code).toBe('private_network');
  });

  it.each([
    'http://127.0.0.1:PORT/',
    'http://[::1]:PORT/',
    'http://169.254.169.254/latest/meta-data/',
    'http://0x7f.0.0.1:PORT/',
    'http://[::ffff:7f00:1]:PORT/',
    'http://2130706433:PORT/',
  ])('refuses the IP literal %s', async (url) => {
    const before = server.requests.length;
    expect((await failure(url.replace('PORT', String(server.port)))).code).toBe('private_network');
    expect(server.requests.length).toBe(before);
  });

  it.each([
    ['a name resolving to the metadata address', 'http://metadata.example:PORT/'],
    ['a name resolving to 10.0.0.1', 'http://intranet.example:PORT/'],
    ['an IPv6 loopback literal', 'http://[::1]:PORT/'],
  ])('refuses a redirect to %s', async (_label, target) => {
    const lookup = resolverFor({
      'metadata.example': [{ address: '169.254.169.254', family: 4 }],
      'intranet.example': [{ address: '10.0.0.1', family: 4 }],
    });
    const before = server.requests.length;
    // Only the first hop's address is allowed, as an operator would allow one demo server.
    const error = await failure(`${server.origin}/?to=${encodeURIComponent(target)}`, { lookup, allowedAddresses: ['127.0.0.1'] });
    expect(error.code).toBe('private_network');
    expect(server.requests.length).toBe(before + 1);
  });

  it('allows loopback with allowPrivateNetwork, by name and by literal', async () => {
    const lookup = resolverFor({ 'news.example': [{ address: '127.0.0.1', family: 4 }] });
    const byName = await guardedFetch(`http://news.example:${server.port}/`, options({ lookup, allowPrivateNetwork: true }));
    expect(byName.body.toString()).toBe('inside');
    const byLiteral = await guardedFetch(`${server.origin}/`, options({ allowPrivateNetwork: true }));
    expect(byLiteral.body.toString()).toBe('inside');
  });
});

describe('guardedFetch: network failures', () => {
  it('maps a name that does not resolve to dns', async () => {
    const error = await failure('http://nowhere.example/', { lookup: resolverFor({}) });
    expect(error.code).toBe('dns');
    const empty = await failure('http://empty.example/', { lookup: resolverFor({ 'empty.example': [] }) });
    expect(empty.code).toBe('dns');
  });

  it('maps a closed port to connection_refused', async () => {
    const port = await closedPort();
    expect((await failure(`http://127.0.0.1:${port}/`, { allowPrivateNetwork: true })).code).toBe('connection_refused');
  });

  it('maps a TLS handshake with a plain HTTP server to tls', async () => {
    expect((await failure(`https://127.0.0.1:${server.port}/`, { allowPrivateNetwork: true })).code).toBe('tls');
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
