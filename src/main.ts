// Entry: read config, prepare the database, build the app, listen; shut down gracefully.
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { connect, connectOptions } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { lockSqliteServer, type ServerLock } from './db/serverLock.ts';
import { seedDemo } from './services/demoSeed.ts';
import { AuthService } from './services/newsroom/auth.ts';
import { announceDemoAdmin } from './demoAdminNotice.ts';

export async function startServer(config: Config = loadConfig()): Promise<() => Promise<void>> {
  // SQLite: one server process per database file (a second one is refused with one line).
  const lock: ServerLock | null = config.dialect === 'sqlite' ? lockSqliteServer(config.databaseUrl.slice('sqlite:'.length)) : null;
  // Migrations and the demo seed run without the statement timeout (an index on a large table may
  // take longer), on a connection of their own.
  const setup = connect(config.databaseUrl, connectOptions(config, { statementTimeoutMs: 0 }));
  let seeded: Awaited<ReturnType<typeof seedDemo>>;
  let admin: Awaited<ReturnType<AuthService['ensureDemoAdmin']>> | null;
  try {
    await migrateToLatest(setup.db);
    seeded = await seedDemo(setup, { dataDir: config.dataDir, now: new Date() });
    // The demo admin exists only on a database without users; its password is shown this once.
    admin = seeded ? await new AuthService(setup.db, () => new Date()).ensureDemoAdmin() : null;
  } catch (error) {
    lock?.release();
    throw error;
  } finally {
    await setup.close().catch(() => undefined);
  }
  const handle = connect(config.databaseUrl, connectOptions(config));
  let app;
  try {
    ({ app } = await buildApp(config, { handle, jobs: true }));
    if (seeded) app.log.info(`demo content created: ${seeded.articles} articles in ${seeded.stories} stories, ${seeded.images} photos`);
    // Shown before listening: a start that fails to listen (the port is taken) still shows it.
    if (admin) announceDemoAdmin(app.log, admin, `${config.baseUrl}/newsroom/`);
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await handle.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
  const shown = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
  app.log.info(`Habarshy is running: open http://${shown.includes(':') ? `[${shown}]` : shown}:${config.port}/`);

  const running = app;
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    // Bounded: after SHUTDOWN_TIMEOUT_MS the app closes the connections still open (see app.ts),
    // then flushes the counted views.
    await running.close();
    await handle.close();
    lock?.release();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      running.log.info(`${signal}: shutting down`);
      stop().then(() => process.exit(0), (err) => {
        running.log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
    });
  }
  return stop;
}
