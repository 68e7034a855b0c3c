// TRUST_PROXY: which proxies' forwarded headers are believed, and how Fastify and the site's cache
// fast path are told.
import net from 'node:net';
import { ConfigError, type Env } from './vars.ts';

export type TrustProxy = false | { readonly hops: number } | { readonly addresses: readonly string[] };

/** Names @fastify/proxy-addr knows for address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(value: string): boolean {
  if (PROXY_RANGE_NAMES.has(value)) return true;
  const slash = value.indexOf('/');
  const address = slash < 0 ? value : value.slice(0, slash);
  const family = net.isIP(address);
  if (family === 0) return false;
  if (slash < 0) return true;
  const bits = value.slice(slash + 1);
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: off (default, also empty, 0, false, no); a hop count 1..10 (the proxies in front,
 * e.g. 1 for one nginx); or a comma-separated list of proxy addresses and CIDR ranges
 * (`10.0.0.0/8,192.168.1.10`, or loopback, linklocal, uniquelocal). "on"/"true" is refused:
 * trusting every sender lets any client choose its own address.
 */
export function trustProxyVar(env: Env): TrustProxy {
  const name = 'TRUST_PROXY';
  const raw = (env[name] ?? '').trim();
  if (raw === '' || /^(0|false|off|no)$/i.test(raw)) return false;
  if (/^(true|on|yes)$/i.test(raw)) {
    throw new ConfigError(
      name,
      'give the number of proxies in front (for example 1) or their addresses (for example 10.0.0.1,10.1.0.0/16), not "on"',
    );
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) throw new ConfigError(name, `a hop count must be between 1 and 10, got ${hops}`);
    return { hops };
  }
  const addresses = raw.split(',').map((x) => x.trim());
  const bad = addresses.find((a) => !isAddressOrCidr(a));
  if (bad !== undefined) throw new ConfigError(name, `"${bad}" is not a hop count, an IP address or a CIDR range (for example 10.0.0.0/8)`);
  return { addresses };
}

/**
 * Fastify's `trustProxy` option for TRUST_PROXY. A hop count becomes a function: Fastify 5 treats
 * a bare number as "trust nothing" (it cannot check the peer), so `i < hops` trusts the socket's
 * peer and the next hops-1 addresses of X-Forwarded-For, counted from the right.
 */
export function trustProxyOption(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if ('hops' in trust) {
    const { hops } = trust;
    return (_address, hop) => hop < hops;
  }
  return [...trust.addresses];
}

const NAMED_RANGES: Readonly<Record<string, readonly string[]>> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * Whether the direct peer of a connection is a trusted proxy, for code that reads forwarded headers
 * before Fastify does (the site's cache fast path reads X-Forwarded-Host). Same answer as Fastify's.
 */
export function trustsPeer(trust: TrustProxy): (address: string | undefined) => boolean {
  if (trust === false) return () => false;
  if ('hops' in trust) return () => true;
  const list = new net.BlockList();
  for (const entry of trust.addresses.flatMap((a) => NAMED_RANGES[a] ?? [a])) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const family = net.isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return (address) => {
    if (!address) return false;
    const plain = address.startsWith('::ffff:') && net.isIP(address.slice(7)) === 4 ? address.slice(7) : address;
    return list.check(plain, net.isIP(plain) === 6 ? 'ipv6' : 'ipv4');
  };
}
