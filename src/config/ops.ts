// Configuration blocks for running in production: the edge cache, readiness, metrics, timeouts.
import { ConfigError, intVar, type Env } from './vars.ts';

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

export function opsVar(env: Env, port: number): OpsConfig {
  const rawUrl = (env['EDGE_PURGE_URL'] ?? '').trim();
  let edgePurgeUrl: string | null = null;
  if (rawUrl !== '') {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new ConfigError('EDGE_PURGE_URL', `"${rawUrl}" is not a URL such as http://127.0.0.1:6081/`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new ConfigError('EDGE_PURGE_URL', `"${rawUrl}" must be an http(s) URL`);
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

export function timeoutsVar(env: Env): Timeouts {
  const headers = intVar(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 1000, 600_000);
  const request = intVar(env, 'HTTP_REQUEST_TIMEOUT_MS', 120_000, 1000, 3_600_000);
  if (request < headers)
    throw new ConfigError('HTTP_REQUEST_TIMEOUT_MS', `must be at least HTTP_HEADERS_TIMEOUT_MS (${headers}), got ${request}`);
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
