import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch, type FetchOptions } from '../../src/adapters/http/fetch.js';
import type { ResolvedAddress, Resolver } from '../../src/adapters/http/guarded-lookup.js';
import { StorydeskError } from '../../src/core/model/index.js';
import { startRedirectServer, type LoopbackServer } from '../adapters/http/loopback-server.js';

// Extends tests/adapters/http/ssrf.test.ts with the paths it does not cover: IPv6 unique-local,
// IPv4-mapped IPv6 and cloud metadata addresses each reached (a) as an IP literal, (b) through a
// DNS name, (c) through a redirect to the literal and (d) through a redirect to a name, plus a
// name that rebinds between hops. The resolver is injected, as a hostile DNS server would answer.

const TARGETS: Array<[label: string, address: string]> = [
  ['IPv6 unique-local fc00::/7', 'fd12:3456:789a::1'],
  ['IPv6 unique-local fc00::/7 (fc half)', 'fc00::2'],
  ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
  ['IPv4-mapped private 10/8', '::ffff:10.1.2.3'],
  ['IPv4-mapped metadata, hex form', '::ffff:a9fe:a9fe'],
  ['IPv4 metadata (AWS, GCP, Azure)', '169.254.169.254'],
  ['IPv6 metadata (AWS)', 'fd00:ec2::254'],
  ['metadata in CGNAT space (Alibaba)', '100.100.100.200'],
];

const family = (address: string) => (address.includes(':') ? 6 : 4);
const literalHost = (address: string) => (address.includes(':') ? `[${address}]` : address);

/** Every name resolves from this table; unknown names fail as NXDOMAIN. */
function resolverFor(table: Record<string, string[]>): Resolver {
  return async (hostname) => {
    const found = table[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found.map((address): ResolvedAddress => ({ address, family: family(address) }));
  };
}

let server: LoopbackServer;
beforeAll(async () => {
  server = await startRedirectServer();
});
afterAll(() => server.close());

function options(lookup: Resolver): FetchOptions {
  return {
    timeouts: { connectMs: 2000, firstByteMs: 2000, totalMs: 5000 },
    maxBytes: 100_000,
    maxRedirects: 5,
    userAgent: 'storydesk-test',
    lookup,
    // Only the loopback test server itself is allowed, as an operator allows one demo host.
    allowedAddresses: ['127.0.0.1'],
  };
}

async function refusal(url: string, lookup: Resolver): Promise<StorydeskError> {
  const error = await guardedFetch(url, options(lookup)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorydeskError);
  return error as StorydeskError;
}

describe.each(TARGETS)('SSRF: %s (%s) is refused', (_label, address) => {
  const lookup = resolverFor({ 'evil.example': [address], 'front.example': ['127.0.0.1'] });

  it('as an IP literal, without a request', async () => {
    const before = server.requests.length;
    const error = await refusal(`http://${literalHost(address)}:${server.port}/`, lookup);
    expect(error.code).toBe('private_network');
    expect(error.permanent).toBe(true);
    expect(server.requests.length).toBe(before);
  });

  it('through a DNS name that resolves to it, without a request', async () => {
    const before = server.requests.length;
    const error = await refusal(`http://evil.example:${server.port}/`, lookup);
    expect(error.code).toBe('private_network');
    expect(server.requests.length).toBe(before);
  });

  it('through a redirect to the literal, after exactly one request', async () => {
    const before = server.requests.length;
    const to = encodeURIComponent(`http://${literalHost(address)}:PORT/latest/meta-data/`);
    expect((await refusal(`http://front.example:${server.port}/?to=${to}`, lookup)).code).toBe('private_network');
    expect(server.requests.length).toBe(before + 1);
  });

  it('through a redirect to a DNS name that resolves to it, after exactly one request', async () => {
    const before = server.requests.length;
    const to = encodeURIComponent('http://evil.example:PORT/');
    expect((await refusal(`http://front.example:${server.port}/?to=${to}`, lookup)).code).toBe('private_network');
    expect(server.requests.length).toBe(before + 1);
  });
});

describe('SSRF: DNS answers that change or mix', () => {
  it('refuses a name that rebinds to a private address on the next hop', async () => {
    let calls = 0;
    // First answer: the allowed test server. Every later answer: the metadata address.
    const rebinding: Resolver = async () => [
      calls++ === 0 ? { address: '127.0.0.1', family: 4 } : { address: '169.254.169.254', family: 4 },
    ];
    const before = server.requests.length;
    const to = encodeURIComponent('http://rebind.example:PORT/second');
    const error = await refusal(`http://rebind.example:${server.port}/?to=${to}`, rebinding);
    expect(error.code).toBe('private_network');
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(server.requests.length).toBe(before + 1);
  });

  it('refuses a name whose answers mix a public address with an IPv6 unique-local one', async () => {
    const lookup = resolverFor({ 'mixed6.example': ['2606:4700::1111', 'fd00::5'] });
    expect((await refusal(`http://mixed6.example:${server.port}/`, lookup)).code).toBe('private_network');
  });

  it('still fetches through the allowed front host when the redirect stays public-safe', async () => {
    // Control: the same front door, redirected to itself, is served, so the refusals above are about the target.
    const lookup = resolverFor({ 'front.example': ['127.0.0.1'] });
    const to = encodeURIComponent('http://front.example:PORT/final');
    const result = await guardedFetch(`http://front.example:${server.port}/?to=${to}`, options(lookup));
    expect(result.body.toString()).toBe('inside');
  });
});
