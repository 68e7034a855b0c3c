// Entry: read config, prepare the database, build the app, listen; shut down gracefully.
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { connect } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo } from './services/demoSeed.ts';
import { AuthService } from './services/newsroom/auth.ts';
import { announceDemoAdmin } from './demoAdminNotice.ts';

export async function startServer(config: Config = loadConfig()): Promise<() => Promise<void>> {
  const handle = connect(config.databaseUrl);
  await migrateToLatest(handle.db);
  const seeded = await seedDemo(handle, { dataDir: config.dataDir, now: new Date() });
  // The demo admin exists only on a database without users; its password is shown this once.
  const admin = seeded ? await new AuthService(handle.db, () => new Date()).ensureDemoAdmin() : null;
  const { app } = await buildApp(config, { handle, jobs: true });
  if (seeded) app.log.info(`demo content created: ${seeded.articles} articles in ${seeded.stories} stories, ${seeded.images} photos`);
  // Shown before listening: a start that fails to listen (the port is taken) still shows it.
  if (admin) announceDemoAdmin(app.log, admin, `${config.baseUrl}/newsroom/`);
  await app.listen({ host: config.host, port: config.port });
  const shown = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
  app.log.info(`Habarshy is running: open http://${shown.includes(':') ? `[${shown}]` : shown}:${config.port}/`);

  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    // Bounded: the connections of requests still in flight after SHUTDOWN_TIMEOUT_MS are closed, then
    // the counted views are flushed (app.ts). A stopgap until the database-faults work brings
    // config.timeouts.shutdownMs (the same variable) into app.ts.
    const bound = Number(process.env['SHUTDOWN_TIMEOUT_MS'] ?? 10_000);
    const force = setTimeout(() => {
      app.log.warn('shutdown: closing the connections still open');
      app.server.closeAllConnections();
    }, Number.isInteger(bound) && bound >= 0 ? bound : 10_000).unref();
    await app.close();
    clearTimeout(force);
    await handle.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: shutting down`);
      stop().then(() => process.exit(0), (err) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
    });
  }
  return stop;
}
