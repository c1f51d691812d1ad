import { promises as dns } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { StorydeskError } from '../../core/model/index.js';
import { blockedReason } from './addresses.js';

/** One address a hostname resolves to. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Turns a hostname into addresses; injectable so tests can make any name resolve anywhere. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver (getaddrinfo), every address, in the order the system prefers. */
export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/** The `private_network` refusal for one address. */
export function privateNetworkError(address: string, url: string): StorydeskError {
  return new StorydeskError('private_network', `Refused ${blockedReason(address) ?? 'private'} address ${address} for ${url}`, {
    permanent: true,
  });
}

/**
 * A `lookup` for http.request that resolves through `resolve` and refuses the connection when
 * any address is `refused` (private, unless allowed), so the check is on the address actually dialled, not
 * on an earlier lookup an attacker's DNS could answer differently (rebinding).
 */
export function guardedLookup(resolve: Resolver, refused: (address: string) => boolean, url: string): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        const family = typeof options === 'object' && options ? options.family : undefined;
        const addresses = found.filter((a) => !family || a.family === family || family === 0);
        const first = addresses[0];
        if (!first) {
          return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        }
        const blocked = addresses.find((a) => refused(a.address));
        if (blocked) return callback(privateNetworkError(blocked.address, url) as NodeJS.ErrnoException, '', 0);
        if (typeof options === 'object' && options?.all) return callback(null, addresses);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
