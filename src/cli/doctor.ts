// `habarshy doctor`: checks what the server needs before and while it runs — the configuration,
// the database and its migrations, DATA_DIR and the media directory (they exist and this user can
// write them), free space for media, and the edge cache's purge endpoint when EDGE_PURGE_URL is
// set, and the SMTP server (it greets and accepts the credentials) when SMTP_URL is set. Prints one
// line per problem and exits 1 when there is any (0 and a summary line otherwise).
import { openDatabase, pending as pendingMigrations } from '../services/database.ts';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { ConfigError, type Config } from '../config.ts';
import { sendPurge } from '../services/edgePurge.ts';
import { verifySmtp } from '../services/newsroom/notificationMail.ts';
import { freeMegabytes } from '../services/readiness.ts';
import { OpsStats } from '../services/opsStats.ts';
import type { Command } from './command.ts';

/** A key no page carries: the purge proves the endpoint answers and drops nothing. */
const PROBE_KEY = 'habarshy-doctor-probe';

function oneLine(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; errors?: unknown } | null;
  const message =
    typeof e?.message === 'string' && e.message
      ? e.message
      : Array.isArray(e?.errors)
        ? e.errors.map((x) => (x as Error).message).join('; ')
        : String(error);
  const code = typeof e?.code === 'string' && !message.includes(e.code) ? `${e.code}: ` : '';
  return `${code}${message}`.replace(/\s+/g, ' ').trim();
}

function databaseLocation(url: string): string {
  if (url.startsWith('sqlite:')) return url;
  const u = new URL(url);
  u.password = '';
  return u.toString();
}

/** SMTP_URL without its password. */
function smtpLocation(url: string): string {
  const u = new URL(url);
  u.password = '';
  return u.toString().replace(/\/$/, '');
}

/** The directory exists, is a directory, and a file can be created and removed in it. */
function checkWritableDir(label: string, dir: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch (error) {
    return `${label} ${dir} cannot be read: ${oneLine(error)}`;
  }
  if (!stat.isDirectory()) return `${label} ${dir} is not a directory`;
  const probe = path.join(dir, `.habarshy-doctor-${randomBytes(4).toString('hex')}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (error) {
    return `${label} ${dir} is not writable by this user (uid ${process.getuid?.() ?? '?'}): ${oneLine(error)}`;
  }
  return null;
}

async function checkDatabase(config: Config, problems: string[]): Promise<void> {
  const where = databaseLocation(config.databaseUrl);
  if (config.dialect === 'sqlite') {
    const file = config.databaseUrl.slice('sqlite:'.length);
    if (file !== ':memory:' && !fs.existsSync(file)) {
      problems.push(`database: ${where} does not exist yet (habarshy serve or habarshy migrate creates it)`);
      return;
    }
  }
  const handle = openDatabase(config.databaseUrl, {
    connectTimeoutMs: config.timeouts.dbConnectMs || 3000,
    statementTimeoutMs: 10_000,
    poolSize: 1,
  });
  handle.setLog(() => undefined);
  try {
    try {
      await sql`select 1`.execute(handle.db);
    } catch (error) {
      problems.push(`database: cannot reach ${where}: ${oneLine(error)}`);
      return;
    }
    const pending = await pendingMigrations(handle);
    if (pending.length > 0) problems.push(`database: migrations not yet run: ${pending.join(', ')} (run habarshy migrate)`);
    if (config.ops.edgePurgeUrl && pending.length === 0) {
      const purges = await new OpsStats(handle.db).purges();
      if (purges.dead > 0)
        problems.push(
          `edge: ${purges.dead} purge(s) gave up after 24 hours of failures; pages may be stale at the edge until their max-age`,
        );
      if (purges.failing > 0) problems.push(`edge: ${purges.failing} purge(s) waiting after failed attempts`);
    }
    if (config.mail && pending.length === 0) {
      const mails = await new OpsStats(handle.db).mails();
      if (mails.failing > 0) problems.push(`mail: ${mails.failing} notification e-mail(s) waiting after failed attempts`);
    }
  } catch (error) {
    problems.push(`database: ${where}: ${oneLine(error)}`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export async function doctor(loadConfig: () => Config): Promise<string[]> {
  const problems: string[] = [];
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) return [`configuration: ${error.message}`];
    throw error;
  }
  const data = checkWritableDir('DATA_DIR', config.dataDir);
  if (data) problems.push(data);
  const mediaDir = path.join(config.dataDir, 'media');
  const media = data ? null : fs.existsSync(mediaDir) ? checkWritableDir('media directory', mediaDir) : null;
  if (media) problems.push(media);
  try {
    const free = freeMegabytes(fs.existsSync(mediaDir) ? mediaDir : config.dataDir);
    if (free < config.ops.readyMinFreeMb)
      problems.push(`disk: only ${free} MB free for media in ${mediaDir}, below READY_MIN_FREE_MB (${config.ops.readyMinFreeMb})`);
  } catch (error) {
    if (!data) problems.push(`disk: cannot tell the free space of ${mediaDir}: ${oneLine(error)}`);
  }
  await checkDatabase(config, problems);
  if (config.ops.edgePurgeUrl) {
    const error = await sendPurge(config.ops.edgePurgeUrl, PROBE_KEY);
    if (error) problems.push(`edge: PURGE ${config.ops.edgePurgeUrl} failed: ${error} (purges wait in the queue until it answers)`);
  }
  if (config.mail) {
    const error = await verifySmtp(config.mail.smtpUrl);
    if (error)
      problems.push(`mail: ${smtpLocation(config.mail.smtpUrl)} failed: ${oneLine(error)} (notification e-mails wait until it answers)`);
  }
  return problems;
}

export const doctorCommand: Command = {
  summary: 'check the configuration, database, media directory, free space, edge purge endpoint and mail server',
  help: `Usage: habarshy doctor

Checks what the server needs and prints one line per problem (exit 1), or a summary (exit 0):
the configuration; the database answers and its migrations are current; DATA_DIR and its media
directory exist and are writable by this user; free space for media is at least READY_MIN_FREE_MB;
when EDGE_PURGE_URL is set, the edge cache accepts a purge (of a key no page carries); and, when
SMTP_URL is set, the mail server greets, accepts the credentials, and no notification e-mail is
waiting after a failed attempt.

Environment: as for habarshy serve (README: Configuration).`,
  options: {},
  async run(_values, _positionals, loadConfig) {
    const problems = await doctor(loadConfig);
    for (const p of problems) process.stdout.write(`${p}\n`);
    if (problems.length > 0) {
      process.stdout.write(`habarshy doctor: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
      return 1;
    }
    process.stdout.write('habarshy doctor: everything checked is fine\n');
    return 0;
  },
};
