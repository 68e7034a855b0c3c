// Environment → typed, validated Config. A bad value stops the start with one clear line.
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
  /** Timeouts that keep a slow or absent database or client from holding requests (see Timeouts). */
  readonly timeouts: Timeouts;
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
    timeouts: timeoutsVar(env),
  };
}
