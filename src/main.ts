// Entry: read config, prepare the database, build the app, listen; shut down gracefully.
//
// WORKERS=1 (the default): one process does it all. WORKERS=N: a cluster. The primary takes the
// SQLite server lock, migrates and seeds, then forks N workers that each build the app and listen
// on the same port (node:cluster hands connections out in turn). The primary serves nothing: it
// re-forks a worker that dies (with a backoff), relays cache invalidations between workers on
// SQLite (PostgreSQL has LISTEN/NOTIFY), and on SIGTERM/SIGINT stops the workers gracefully.
// Which worker runs the webhooks, ingest and scheduled publishing is decided by the job lease in
// the database (src/jobs/lease.ts), so it moves to another worker within seconds of a death.
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { relayInvalidations } from './cache/bus.ts';
import { connect, connectOptions } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { lockSqliteServer, type ServerLock } from './db/serverLock.ts';
import { seedDemo } from './services/demoSeed.ts';
import { AuthService } from './services/newsroom/auth.ts';
import { announceDemoAdmin, type DemoAdmin } from './demoAdminNotice.ts';
import { logOptions } from './logOptions.ts';

type Stop = () => Promise<void>;

export async function startServer(config: Config = loadConfig()): Promise<Stop> {
  if (cluster.isWorker) return startWorker(config);
  if (config.workers > 1) return startPrimary(config);
  return startSingle(config);
}

interface Prepared {
  readonly lock: ServerLock | null;
  readonly seeded: string | null;
  readonly admin: DemoAdmin | null;
}

/** The server lock (SQLite), the migrations and the demo seed: once per server, before any request. */
async function prepare(config: Config): Promise<Prepared> {
  // SQLite: one server per database file (a second one is refused with one line); with WORKERS
  // the primary holds the lock for its workers.
  const lock: ServerLock | null = config.dialect === 'sqlite' ? lockSqliteServer(config.databaseUrl.slice('sqlite:'.length)) : null;
  // Migrations and the demo seed run without the statement timeout (an index on a large table may
  // take longer), on a connection of their own.
  const setup = connect(config.databaseUrl, connectOptions(config, { statementTimeoutMs: 0 }));
  try {
    await migrateToLatest(setup.db);
    const seeded = await seedDemo(setup, { dataDir: config.dataDir, now: new Date() });
    // The demo admin exists only on a database without users; its password is shown this once.
    const admin = seeded ? await new AuthService(setup.db, () => new Date()).ensureDemoAdmin() : null;
    return {
      lock,
      admin,
      seeded: seeded ? `demo content created: ${seeded.articles} articles in ${seeded.stories} stories, ${seeded.images} photos` : null,
    };
  } catch (error) {
    lock?.release();
    throw error;
  } finally {
    await setup.close().catch(() => undefined);
  }
}

/** What prepare() has to say: the demo content, and the demo admin's sign-in (once). */
function announce(config: Config, log: FastifyBaseLogger, prepared: Prepared): void {
  if (prepared.seeded) log.info(prepared.seeded);
  if (prepared.admin) announceDemoAdmin(log, prepared.admin, `${config.baseUrl}/newsroom/`);
}

function runningLine(config: Config, workers?: number): string {
  const shown = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
  const where = `http://${shown.includes(':') ? `[${shown}]` : shown}:${config.port}/`;
  return `Habarshy is running: open ${where}${workers ? ` (${workers} worker processes)` : ''}`;
}

/** Builds the app and listens; on SIGTERM/SIGINT stops it (bounded, see app.ts) and exits. */
type FastifyApp = Awaited<ReturnType<typeof buildApp>>['app'];

async function serveApp(
  config: Config,
  opts: { lock: ServerLock | null; logger?: object; beforeListen?: (app: FastifyApp) => void; onListening: (app: FastifyApp) => void },
): Promise<Stop> {
  const { lock } = opts;
  const handle = connect(config.databaseUrl, connectOptions(config));
  let app;
  try {
    ({ app } = await buildApp(config, { handle, jobs: true, ...(opts.logger ? { logger: opts.logger } : {}) }));
    // Shown before listening: a start that fails to listen (the port is taken) still shows it.
    opts.beforeListen?.(app);
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await handle.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
  opts.onListening(app);

  const running = app;
  let stopping: Promise<void> | null = null;
  // Bounded: after SHUTDOWN_TIMEOUT_MS the app closes the connections still open (see app.ts),
  // then flushes the counted views. A second call waits for the first.
  const stop = () => {
    stopping ??= (async () => {
      await running.close();
      await handle.close();
      lock?.release();
    })();
    return stopping;
  };
  const exit = (why: string) => {
    running.log.info(`${why}: shutting down`);
    stop().then(
      () => process.exit(0),
      (err) => {
        running.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => exit(signal));
  // A worker whose primary is gone (killed with -9) stops too rather than serving on alone.
  if (cluster.isWorker) process.once('disconnect', () => exit('the cluster primary is gone'));
  return stop;
}

async function startSingle(config: Config): Promise<Stop> {
  const prepared = await prepare(config);
  return serveApp(config, {
    lock: prepared.lock,
    beforeListen: (app) => announce(config, app.log, prepared),
    onListening: (app) => app.log.info(runningLine(config)),
  });
}

async function startWorker(config: Config): Promise<Stop> {
  const id = cluster.worker?.id ?? 0;
  return serveApp(config, {
    lock: null,
    // Every log line names its worker.
    logger: { ...(await logOptions(config.logLevel)), base: { pid: process.pid, hostname: os.hostname(), worker: id } },
    onListening(app) {
      app.log.info(`worker ${id} listening`);
    },
  });
}

/** The primary's logger: the workers' pino setup (JSON lines, or readable on a terminal). */
async function primaryLogger(config: Config): Promise<FastifyBaseLogger> {
  const { log } = Fastify({
    logger: { ...(await logOptions(config.logLevel)), base: { pid: process.pid, hostname: os.hostname(), worker: 'primary' } },
  });
  return log;
}

/** A worker that lived at least this long is restarted at once; quicker deaths back off. */
const HEALTHY_MS = 30_000;
const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 30_000;

async function startPrimary(config: Config): Promise<Stop> {
  const log = await primaryLogger(config);
  const prepared = await prepare(config);
  const { lock } = prepared;
  announce(config, log, prepared);
  if (config.dialect === 'sqlite') relayInvalidations(cluster);

  const count = config.workers;
  const started = new Map<Worker, number>();
  let listening = 0;
  let everyoneUp = false;
  let closing = false;
  let backoff = MIN_BACKOFF_MS;
  let firstFailure: ((error: Error) => void) | null = null;
  const upOrFailed = new Promise<void>((resolve, reject) => {
    firstFailure = reject;
    cluster.on('listening', (worker) => {
      if (everyoneUp) {
        log.info(`worker ${worker.id} (pid ${worker.process.pid}) is back`);
        return;
      }
      listening += 1;
      if (listening === count) {
        everyoneUp = true;
        resolve();
      }
    });
  });

  const fork = () => {
    if (closing) return;
    const worker = cluster.fork();
    started.set(worker, Date.now());
  };
  cluster.on('exit', (worker, code, signal) => {
    const bornAt = started.get(worker) ?? Date.now();
    started.delete(worker);
    if (closing) return;
    if (!everyoneUp) {
      // A worker that cannot start (the port is taken, the database refuses it): its own error
      // line is on stderr already; the others are stopped and the start fails.
      firstFailure?.(Object.assign(new Error(`a worker process failed to start (exit code ${code ?? signal})`), { exitCode: 1 }));
      return;
    }
    const lived = Date.now() - bornAt;
    if (lived >= HEALTHY_MS) backoff = MIN_BACKOFF_MS;
    const delay = lived >= HEALTHY_MS ? 0 : backoff;
    if (lived < HEALTHY_MS) backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
    log.warn(`worker ${worker.id} (pid ${worker.process.pid}) ended (${signal ?? `exit code ${code}`}); starting another in ${delay} ms`);
    setTimeout(fork, delay).unref();
  });

  const stopWorkers = async (): Promise<void> => {
    closing = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    await Promise.all(
      alive.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            // Each worker stops gracefully within SHUTDOWN_TIMEOUT_MS; one that hangs beyond is killed.
            const kill = setTimeout(() => worker.process.kill('SIGKILL'), config.timeouts.shutdownMs + 5000);
            worker.once('exit', () => clearTimeout(kill));
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  };

  for (let i = 0; i < count; i++) fork();
  try {
    await upOrFailed;
  } catch (error) {
    await stopWorkers();
    lock?.release();
    throw error;
  }
  log.info(runningLine(config, count));

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= stopWorkers().finally(() => lock?.release());
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log.info(`${signal}: stopping the workers`);
      stop().then(
        () => process.exit(0),
        (err) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  return stop;
}
