// One connection per dialect. Only db/ and store/ know SQL.
//
// Faults (docs/adr/0001-database-faults.md): a dropped PostgreSQL connection is logged and replaced,
// never an unhandled 'error' event; statements and connection attempts have timeouts; SQLite
// transactions begin IMMEDIATE with a busy timeout, so a second writer (the CLI beside the server)
// waits for the lock instead of failing with SQLITE_BUSY.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  type LogEvent,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type PostgresPool,
  type PostgresPoolClient,
  type SqliteDialectConfig,
} from 'kysely';
import type { Database } from './tables.ts';
import type { Config } from '../config.ts';
import { databaseFailure } from './failures.ts';

export type Db = Kysely<Database>;

export type DbLog = (msg: string, err?: unknown) => void;

export interface DbHandle {
  readonly db: Db;
  readonly dialect: 'sqlite' | 'postgres';
  /** Where connection losses are reported (the app's logger once it exists; stderr before). */
  setLog(log: DbLog): void;
  /** Told every query's duration in ms and whether it failed (the metrics). */
  observeQueries(observer: QueryObserver): void;
  /** PostgreSQL: a client of the pool for what Kysely cannot say (COPY), released after. */
  withClient?<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  /** PostgreSQL: the pool's connections (SQLite has one, and no pool). */
  poolStats?(): { total: number; idle: number; waiting: number; max: number };
  close(): Promise<void>;
}

export type QueryObserver = (ms: number, failed: boolean) => void;

/** Kysely's query log feeding an observer that can be set after the connection is made. */
function queryLog(): { log: (e: LogEvent) => void; observe: (o: QueryObserver) => void } {
  let observer: QueryObserver | null = null;
  return {
    log: (e) => observer?.(e.queryDurationMillis, e.level === 'error'),
    observe: (o) => {
      observer = o;
    },
  };
}

export interface ConnectOptions {
  poolSize?: number;
  /** PostgreSQL: a statement running longer is cancelled (server side) and abandoned (client side). 0: none. */
  statementTimeoutMs?: number;
  /** PostgreSQL: how long to wait for a connection (new, or a free one from the pool). 0: forever. */
  connectTimeoutMs?: number;
  /** SQLite: how long a writer waits for another process's write lock. */
  busyTimeoutMs?: number;
  /**
   * PostgreSQL: false: no statement runs in parallel workers (max_parallel_workers_per_gather = 0).
   * The server's statements are small and bounded by indexes; starting workers costs 3–5 ms each
   * time, which is more than such a statement takes, and takes a core from the requests beside it.
   * A million articles made the planner pick workers for a prefix search over a few id blocks
   * (0.1 ms of work, 4.6 ms with its workers). Maintenance (CREATE INDEX) has its own workers.
   */
  parallelQuery?: boolean;
}

const stderrLog: DbLog = (msg, err) => process.stderr.write(`habarshy: ${msg}${err instanceof Error ? `: ${err.message}` : ''}\n`);

/** Transactions take the write lock when they begin: a deferred one that reads first and writes
 * later fails with SQLITE_BUSY_SNAPSHOT when another process wrote in between (no busy wait helps). */
class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: SqliteDatabase.Database,
  ) {
    super(config);
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /** SQLite rolls a transaction back itself on SQLITE_FULL and some I/O errors; a second rollback
   * would fail with "no transaction is active" and hide the real error. */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly sqlite: SqliteDatabase.Database,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config, this.sqlite);
  }
}

function connectSqlite(file: string, opts: ConnectOptions): DbHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file, { timeout: opts.busyTimeoutMs ?? 5000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.trunc(opts.busyTimeoutMs ?? 5000)}`);
  sqlite.pragma('cache_size = -16384');
  // Kysely prepares every query anew; keeping the prepared statements saves the parse and plan.
  const statements = new Map<string, SqliteDatabase.Statement>();
  const database = {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= 1000) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
  const queries = queryLog();
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }, sqlite), log: queries.log });
  return { db, dialect: 'sqlite', setLog: () => undefined, observeQueries: queries.observe, close: () => db.destroy() };
}

/**
 * The pool Kysely sees: every client has an 'error' listener for life (pg emits 'error' on a
 * checked-out client that loses its connection between queries, and an unheard 'error' ends the
 * process), and a client whose connection failed or timed out is destroyed on release instead of
 * going back to the pool (a timed-out query may still occupy it).
 */
function resilientPool(pool: pg.Pool, log: () => DbLog): PostgresPool {
  const heard = new WeakSet<pg.PoolClient>();
  const broken = new WeakSet<pg.PoolClient>();
  const inUse = new WeakSet<pg.PoolClient>();
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      if (!heard.has(client)) {
        heard.add(client);
        client.on('error', (err) => {
          broken.add(client);
          // An idle client's loss is reported by the pool's own 'error' event.
          if (inUse.has(client)) log()('database connection lost', err);
        });
      }
      inUse.add(client);
      const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
      return {
        query: (async (...args: unknown[]) => {
          try {
            return await query(...args);
          } catch (err) {
            if (databaseFailure(err) === 'unavailable') broken.add(client);
            throw err;
          }
        }) as PostgresPoolClient['query'],
        release: () => {
          inUse.delete(client);
          client.release(broken.has(client) ? true : undefined);
        },
      };
    },
    end: () => pool.end(),
  };
}

/** The server's connection options from its configuration (the CLI connects without timeouts). */
export function connectOptions(config: Config, extra: ConnectOptions = {}): ConnectOptions {
  const t = config.timeouts;
  return {
    statementTimeoutMs: t.dbStatementMs,
    connectTimeoutMs: t.dbConnectMs,
    busyTimeoutMs: t.dbBusyMs,
    parallelQuery: false,
    ...extra,
  };
}

/** Opens the database named by a `sqlite:` path or a `postgres://` URL. */
export function connect(url: string, opts: ConnectOptions = {}): DbHandle {
  if (url.startsWith('sqlite:')) return connectSqlite(url.slice('sqlite:'.length), opts);
  // int8 (COUNT, SUM) as JS numbers: our counts stay far below 2^53.
  pg.types.setTypeParser(20, (v) => Number(v));
  let log: DbLog = stderrLog;
  const statementTimeout = opts.statementTimeoutMs ?? 0;
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    keepAlive: true,
    ...(opts.connectTimeoutMs ? { connectionTimeoutMillis: opts.connectTimeoutMs } : {}),
    // Server side for a slow statement; client side for a server that stopped answering at all.
    ...(statementTimeout ? { statement_timeout: statementTimeout, query_timeout: statementTimeout } : {}),
    ...(opts.parallelQuery === false ? { options: '-c max_parallel_workers_per_gather=0' } : {}),
  });
  // An idle client's lost connection: pg removes it from the pool; without a listener it would end the process.
  pool.on('error', (err) => log('idle database connection lost', err));
  const queries = queryLog();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: resilientPool(pool, () => log) }), log: queries.log });
  return {
    db,
    dialect: 'postgres',
    observeQueries: queries.observe,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: opts.poolSize ?? 10 }),
    async withClient(fn) {
      const client = await pool.connect();
      let failed = false;
      try {
        return await fn(client);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        // A client whose statement failed midway (a COPY cut off) is not given to anyone else.
        client.release(failed);
      }
    },
    setLog(next) {
      log = next;
    },
    close: () => db.destroy(),
  };
}
