// Environment → typed, validated Config. A bad value stops the start with one clear line.
import os from 'node:os';
import path from 'node:path';
import { isEditionCode, type EditionCode } from './editions/editions.ts';
import { ConfigError, boolVar, intVar, type Env } from './config/vars.ts';
import { opsVar, timeoutsVar, type OpsConfig, type Timeouts } from './config/ops.ts';
import { trustProxyVar, type TrustProxy } from './config/trustProxy.ts';
import { mailVar, type MailConfig } from './config/mail.ts';

// The blocks and helpers live in src/config/; their public names are exported from here as before.
export { ConfigError, type MailConfig, type OpsConfig, type Timeouts, type TrustProxy };
export { trustProxyOption, trustsPeer } from './config/trustProxy.ts';

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
  /** Newsroom notifications also by e-mail (SMTP_URL, MAIL_FROM); null: in the newsroom only. */
  readonly mail: MailConfig | null;
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
    if (raw.length <= 'sqlite:'.length)
      throw new ConfigError('DATABASE_URL', 'sqlite: needs a file path (sqlite:./data/habarshy.db) or sqlite::memory:');
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
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new ConfigError(name, `"${value}" (edition ${code}) must be an http(s) URL`);
    if (url.username || url.password || url.search || url.hash || url.pathname !== '/' || /[?#]$/.test(value)) {
      throw new ConfigError(name, `"${value}" (edition ${code}) must be an origin only, without path, query or credentials`);
    }
    if (url.host === baseHost)
      throw new ConfigError(name, `"${value}" (edition ${code}) is BASE_URL's host; list only editions with a host of their own`);
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
    host,
    port,
    dataDir,
    databaseUrl: url,
    dialect,
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
    mail: mailVar(env),
  };
}
