import { isIPv4, isIPv6 } from 'node:net';

/**
 * Why an address must not be fetched (SSRF), or null when it is a public unicast address.
 * The reason goes into the `private_network` error message so operators can see what was hit.
 */
export type BlockedReason =
  | 'metadata'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'unique-local'
  | 'ipv4-mapped'
  | 'multicast'
  | 'unspecified'
  | 'reserved'
  | 'invalid';

interface V4Range {
  base: number;
  bits: number;
  reason: BlockedReason;
}

// Order matters: the first match names the reason (metadata before link-local).
const V4_BLOCKED: V4Range[] = [
  { base: v4('169.254.169.254'), bits: 32, reason: 'metadata' },
  { base: v4('0.0.0.0'), bits: 8, reason: 'unspecified' },
  { base: v4('10.0.0.0'), bits: 8, reason: 'private' },
  { base: v4('100.64.0.0'), bits: 10, reason: 'cgnat' },
  { base: v4('127.0.0.0'), bits: 8, reason: 'loopback' },
  { base: v4('169.254.0.0'), bits: 16, reason: 'link-local' },
  { base: v4('172.16.0.0'), bits: 12, reason: 'private' },
  { base: v4('192.0.0.0'), bits: 24, reason: 'reserved' },
  { base: v4('192.0.2.0'), bits: 24, reason: 'reserved' },
  { base: v4('192.168.0.0'), bits: 16, reason: 'private' },
  { base: v4('198.18.0.0'), bits: 15, reason: 'reserved' },
  { base: v4('198.51.100.0'), bits: 24, reason: 'reserved' },
  { base: v4('203.0.113.0'), bits: 24, reason: 'reserved' },
  { base: v4('224.0.0.0'), bits: 4, reason: 'multicast' },
  { base: v4('240.0.0.0'), bits: 4, reason: 'reserved' },
];

/** Classify an IP address (v4 or v6, brackets and zone id tolerated); null means public. */
export function blockedReason(address: string): BlockedReason | null {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(ip)) return blockedV4(v4(ip));
  if (isIPv6(ip)) {
    const groups = parseIPv6(ip);
    return groups ? blockedV6(groups) : 'invalid';
  }
  return 'invalid';
}

/** True when the address is one we refuse to connect to without allowPrivateNetwork. */
export function isBlockedAddress(address: string): boolean {
  return blockedReason(address) !== null;
}

function blockedV4(ip: number): BlockedReason | null {
  for (const range of V4_BLOCKED) {
    const mask = range.bits === 0 ? 0 : (~0 << (32 - range.bits)) >>> 0;
    if ((ip & mask) >>> 0 === (range.base & mask) >>> 0) return range.reason;
  }
  return null;
}

function blockedV6(g: number[]): BlockedReason | null {
  const [a = 0, b = 0, , , , f = 0] = g;
  const embeddedV4 = (((g[6] ?? 0) << 16) | (g[7] ?? 0)) >>> 0;
  const firstFiveZero = g.slice(0, 5).every((x) => x === 0);
  if (g.every((x) => x === 0)) return 'unspecified';
  if (firstFiveZero && f === 0 && g[6] === 0 && g[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d reaches IPv4 hosts through the v6 stack; refuse all of them outright.
  if (firstFiveZero && f === 0xffff) return 'ipv4-mapped';
  // Deprecated IPv4-compatible ::a.b.c.d.
  if (firstFiveZero && f === 0) return 'reserved';
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254) return 'metadata';
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that may be private.
  if (a === 0x64 && b === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return blockedV4(embeddedV4);
  if (a === 0x2002) return blockedV4((((g[1] ?? 0) << 16) | (g[2] ?? 0)) >>> 0);
  if ((a & 0xfe00) === 0xfc00) return 'unique-local';
  if ((a & 0xffc0) === 0xfe80) return 'link-local';
  if ((a & 0xffc0) === 0xfec0) return 'reserved';
  if ((a & 0xff00) === 0xff00) return 'multicast';
  if (a === 0x2001 && b === 0x0db8) return 'reserved';
  if (a === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return 'reserved';
  return null;
}

function v4(text: string): number {
  return text.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0);
}

/** Eight 16-bit groups of a valid IPv6 text (node:net has validated it). */
function parseIPv6(text: string): number[] | null {
  let body = text.toLowerCase();
  const tail: number[] = [];
  const dotted = body.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted?.[1]) {
    const n = v4(dotted[1]);
    tail.push(n >>> 16, n & 0xffff);
    body = body.slice(0, -dotted[1].length);
    if (body.endsWith(':') && !body.endsWith('::')) body = body.slice(0, -1);
  }
  const [head = '', rest] = body.split('::');
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((h) => parseInt(h, 16)));
  const left = parse(head);
  const right = [...parse(rest ?? ''), ...tail];
  if (rest === undefined) {
    const all = [...left, ...tail];
    return all.length === 8 ? all : null;
  }
  const zeros = 8 - left.length - right.length;
  return zeros < 0 ? null : [...left, ...new Array<number>(zeros).fill(0), ...right];
}
