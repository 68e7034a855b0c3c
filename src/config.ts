// Environment → typed, validated Config. A bad value stops the start with one clear line.
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isEditionCode, type EditionCode } from './editions/editions.ts';

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** `sqlite:<file>` (embedded default) or a `postgres://` URL. */
  readonly databaseUrl: string;
  readonly dialect: 'sqlite' | 'postgres';
  /** The agency's time zone for every date a reader sees. */
  readonly timeZone: string;
  /** Public origin used in canonical URLs, feeds and sitemaps, without a trailing slash. */
  readonly baseUrl: string;
  readonly defaultEdition: EditionCode;
  /** In-memory page cache on or off (off is for benchmarks and debugging). */
  readonly pageCache: boolean;
  readonly logLevel: string;
  /** How often counted views are written to the database, in ms. */
  readonly viewFlushMs: number;
  /** How often "most popular" is recomputed, in ms (at most once a minute by default). */
  readonly popularRefreshMs: number;
  /**
   * Editions served on their own host (EDITION_HOSTS): edition → origin without a trailing slash.
   * Empty when every edition lives under BASE_URL.
   */
  readonly editionHosts: ReadonlyMap<EditionCode, string>;
  /** Public API: requests per client IP and window without a key (API_RATE_ANONYMOUS, default 60). */
  readonly apiRateAnonymous: number;
  /** Public API: requests per partner key and window (API_RATE_KEY, default 1200). */
  readonly apiRateKey: number;
  /** Public API: the rate-limit window in ms (API_RATE_WINDOW_MS, default one minute). */
  readonly apiRateWindowMs: number;
  /** Feeds carry each article's full text or only its summary (FEED_CONTENT=full|summary, default full). */
  readonly feedContent: 'full' | 'summary';
  /**
   * Which proxies' X-Forwarded-For/-Host/-Proto headers are believed (TRUST_PROXY): `false` (the
   * default: the socket's peer is the client, forwarded headers change nothing), a hop count (the
   * last N addresses of the chain are proxies), or the proxies' addresses and CIDR ranges.
   */
  readonly trustProxy: TrustProxy;
  /** Timeouts that keep a slow or absent database or client from holding requests (see Timeouts). */
  readonly timeouts: Timeouts;
  /** Server processes sharing the port (WORKERS, default 1; `auto`: one per CPU core). */
  readonly workers: number;
  /**
   * How long the job lease lasts unless renewed (JOB_LEASE_MS, default 10000): the longest the
   * webhooks, ingest and scheduled publishing pause when the process running them dies.
   */
  readonly jobLeaseMs: number;
  /** Edge cache, readiness and metrics (see OpsConfig). */
  readonly ops: OpsConfig;
}

/** Running in production: the edge cache in front, the readiness probe, the metrics endpoint. */
export interface OpsConfig {
  /**
   * Where edge-cache purges go (EDGE_PURGE_URL, e.g. http://127.0.0.1:6081/ for Varnish with
   * deploy/varnish/habarshy.vcl): a `PURGE` with the `Surrogate-Key` header. Null: no edge purges.
   */
  readonly edgePurgeUrl: string | null;
  /** /readyz fails when the media directory's file system has less free space (READY_MIN_FREE_MB, 512). */
  readonly readyMinFreeMb: number;
  /** /metrics needs `Authorization: Bearer <token>` (METRICS_TOKEN); null: no /metrics on the main port. */
  readonly metricsToken: string | null;
  /** /metrics on its own port without a token (METRICS_PORT, on HOST); null: none. */
  readonly metricsPort: number | null;
}

function opsVar(env: Env, port: number): OpsConfig {
  const rawUrl = (env['EDGE_PURGE_URL'] ?? '').trim();
  let edgePurgeUrl: string | null = null;
  if (rawUrl !== '') {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new ConfigError('EDGE_PURGE_URL', `"${rawUrl}" is not a URL such as http://127.0.0.1:6081/`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('EDGE_PURGE_URL', `"${rawUrl}" must be an http(s) URL`);
    edgePurgeUrl = url.toString();
  }
  const token = (env['METRICS_TOKEN'] ?? '').trim();
  if (token !== '' && token.length < 16) throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters long');
  const metricsPort = env['METRICS_PORT'] ? intVar(env, 'METRICS_PORT', 0, 1, 65535) : null;
  if (metricsPort !== null && metricsPort === port) throw new ConfigError('METRICS_PORT', `must differ from PORT (${port})`);
  return {
    edgePurgeUrl,
    readyMinFreeMb: intVar(env, 'READY_MIN_FREE_MB', 512, 0, 10_000_000),
    metricsToken: token === '' ? null : token,
    metricsPort,
  };
}

/** Fault handling: how long anything may wait before the request is answered or the stop goes on. */
export interface Timeouts {
  /** PostgreSQL: a statement running longer is cancelled and the request gets 503 (DB_STATEMENT_TIMEOUT_MS, 5000). */
  readonly dbStatementMs: number;
  /** PostgreSQL: waiting for a connection, new or from the pool, longer gives 503 (DB_CONNECT_TIMEOUT_MS, 3000). */
  readonly dbConnectMs: number;
  /** SQLite: how long a write waits for another process's write lock (DB_BUSY_TIMEOUT_MS, 5000). */
  readonly dbBusyMs: number;
  /** A client must send its request headers within this (HTTP_HEADERS_TIMEOUT_MS, 10000). */
  readonly httpHeadersMs: number;
  /** A client must send its whole request, body included, within this (HTTP_REQUEST_TIMEOUT_MS, 120000). */
  readonly httpRequestMs: number;
  /** An idle keep-alive connection is closed after this (HTTP_KEEPALIVE_TIMEOUT_MS, 72000: above common load balancers' 60 s). */
  readonly httpKeepAliveMs: number;
  /** A graceful stop waits this long for requests in flight, then closes their connections (SHUTDOWN_TIMEOUT_MS, 10000). */
  readonly shutdownMs: number;
}

function timeoutsVar(env: Env): Timeouts {
  const headers = intVar(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 1000, 600_000);
  const request = intVar(env, 'HTTP_REQUEST_TIMEOUT_MS', 120_000, 1000, 3_600_000);
  if (request < headers) throw new ConfigError('HTTP_REQUEST_TIMEOUT_MS', `must be at least HTTP_HEADERS_TIMEOUT_MS (${headers}), got ${request}`);
  return {
    dbStatementMs: intVar(env, 'DB_STATEMENT_TIMEOUT_MS', 5000, 0, 3_600_000),
    dbConnectMs: intVar(env, 'DB_CONNECT_TIMEOUT_MS', 3000, 0, 600_000),
    dbBusyMs: intVar(env, 'DB_BUSY_TIMEOUT_MS', 5000, 0, 600_000),
    httpHeadersMs: headers,
    httpRequestMs: request,
    httpKeepAliveMs: intVar(env, 'HTTP_KEEPALIVE_TIMEOUT_MS', 72_000, 1000, 600_000),
    shutdownMs: intVar(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
  };
}

export type TrustProxy = false | { readonly hops: number } | { readonly addresses: readonly string[] };

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|on|yes)$/i.test(raw)) return true;
  if (/^(0|false|off|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be on or off, got "${raw}"`);
}

function workersVar(env: Env): number {
  const raw = (env['WORKERS'] ?? '').trim();
  if (raw.toLowerCase() === 'auto') return Math.max(1, os.availableParallelism());
  return intVar({ WORKERS: raw }, 'WORKERS', 1, 1, 256);
}

function feedContentVar(env: Env): Config['feedContent'] {
  const raw = env['FEED_CONTENT'] || 'full';
  if (raw !== 'full' && raw !== 'summary') throw new ConfigError('FEED_CONTENT', `must be full or summary, got "${raw}"`);
  return raw;
}

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
function trustProxyVar(env: Env): TrustProxy {
  const name = 'TRUST_PROXY';
  const raw = (env[name] ?? '').trim();
  if (raw === '' || /^(0|false|off|no)$/i.test(raw)) return false;
  if (/^(true|on|yes)$/i.test(raw)) {
    throw new ConfigError(name, 'give the number of proxies in front (for example 1) or their addresses (for example 10.0.0.1,10.1.0.0/16), not "on"');
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

function timeZoneVar(env: Env): string {
  const raw = env['TZ_DISPLAY'] || 'Asia/Almaty';
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
  } catch {
    throw new ConfigError('TZ_DISPLAY', `"${raw}" is not an IANA time zone (for example Asia/Almaty)`);
  }
  return raw;
}

function databaseVar(env: Env, dataDir: string): { url: string; dialect: Config['dialect'] } {
  const raw = env['DATABASE_URL'];
  if (!raw) return { url: `sqlite:${path.join(dataDir, 'habarshy.db')}`, dialect: 'sqlite' };
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid postgres:// URL');
    }
    return { url: raw, dialect: 'postgres' };
  }
  if (raw.startsWith('sqlite:')) {
    if (raw.length <= 'sqlite:'.length) throw new ConfigError('DATABASE_URL', 'sqlite: needs a file path (sqlite:./data/habarshy.db) or sqlite::memory:');
    return { url: raw, dialect: 'sqlite' };
  }
  throw new ConfigError('DATABASE_URL', 'must start with postgres:// or sqlite:');
}

/**
 * EDITION_HOSTS: `en=https://en.example.kz,cn=https://cn.example.kz`. Each entry names an edition
 * once and an http(s) origin (no path, query or credentials) that is not BASE_URL's own host.
 */
function editionHostsVar(env: Env, baseUrl: string): ReadonlyMap<EditionCode, string> {
  const name = 'EDITION_HOSTS';
  const raw = (env[name] ?? '').trim();
  const out = new Map<EditionCode, string>();
  if (raw === '') return out;
  const baseHost = new URL(baseUrl).host;
  for (const entry of raw.split(',').map((x) => x.trim())) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new ConfigError(name, `"${entry}" must look like edition=https://host (for example en=https://en.example.kz)`);
    const code = entry.slice(0, eq).trim();
    const value = entry.slice(eq + 1).trim();
    if (!isEditionCode(code)) throw new ConfigError(name, `"${code}" is not an edition code`);
    if (out.has(code)) throw new ConfigError(name, `edition ${code} is given twice`);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(name, `"${value}" (edition ${code}) is not a URL such as https://en.example.kz`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, `"${value}" (edition ${code}) must be an http(s) URL`);
    if (url.username || url.password || url.search || url.hash || url.pathname !== '/' || /[?#]$/.test(value)) {
      throw new ConfigError(name, `"${value}" (edition ${code}) must be an origin only, without path, query or credentials`);
    }
    if (url.host === baseHost) throw new ConfigError(name, `"${value}" (edition ${code}) is BASE_URL's host; list only editions with a host of their own`);
    out.set(code, url.origin);
  }
  return out;
}

export function loadConfig(env: Env = process.env): Config {
  const host = env['HOST'] || '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host)) throw new ConfigError('HOST', `"${host}" is not a host name or address`);
  const port = intVar(env, 'PORT', 3000, 0, 65535);
  const dataDir = path.resolve(env['DATA_DIR'] || './data');
  const { url, dialect } = databaseVar(env, dataDir);
  let baseUrl = env['BASE_URL'] || `http://localhost:${port}`;
  try {
    const parsed = new URL(baseUrl);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
    if (parsed.search || parsed.hash) throw new Error('query');
  } catch {
    throw new ConfigError('BASE_URL', `"${baseUrl}" must be an http(s) URL such as https://news.example.kz`);
  }
  baseUrl = baseUrl.replace(/\/+$/, '');
  const defaultEdition = env['DEFAULT_EDITION'] || 'kz';
  if (!isEditionCode(defaultEdition)) throw new ConfigError('DEFAULT_EDITION', `"${defaultEdition}" is not an edition code`);
  const logLevel = env['LOG_LEVEL'] || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  return {
    host, port, dataDir, databaseUrl: url, dialect,
    timeZone: timeZoneVar(env),
    baseUrl,
    defaultEdition,
    pageCache: boolVar(env, 'PAGE_CACHE', true),
    logLevel,
    viewFlushMs: intVar(env, 'VIEW_FLUSH_MS', 10_000, 100, 3_600_000),
    popularRefreshMs: intVar(env, 'POPULAR_REFRESH_MS', 60_000, 100, 3_600_000),
    editionHosts: editionHostsVar(env, baseUrl),
    apiRateAnonymous: intVar(env, 'API_RATE_ANONYMOUS', 60, 1, 1_000_000),
    apiRateKey: intVar(env, 'API_RATE_KEY', 1200, 1, 10_000_000),
    apiRateWindowMs: intVar(env, 'API_RATE_WINDOW_MS', 60_000, 1000, 86_400_000),
    feedContent: feedContentVar(env),
    trustProxy: trustProxyVar(env),
    timeouts: timeoutsVar(env),
    workers: workersVar(env),
    jobLeaseMs: intVar(env, 'JOB_LEASE_MS', 10_000, 1000, 600_000),
    ops: opsVar(env, port),
  };
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
