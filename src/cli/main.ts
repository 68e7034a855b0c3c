// The `habarshy` command: serve, migrate, seed, convert, lexicon.
import { failureOf } from '../services/database.ts';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { COMMANDS } from './commands.ts';

function usage(): string {
  return [
    'Usage: habarshy <command> [options]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`),
    '',
    'Run "habarshy <command> --help" for the options of a command.',
    'Environment: HOST, PORT, DATA_DIR, DATABASE_URL, TZ_DISPLAY, BASE_URL (see README).',
  ].join('\n');
}

/** The configured database without its password, for error lines. */
function databaseLocation(): string {
  try {
    const url = loadConfig().databaseUrl;
    if (url.startsWith('sqlite:')) return url;
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

function oneLine(error: unknown): string {
  const e = error as { message?: unknown; errors?: unknown } | null;
  // Node reports a refused connection to every address of a host as an AggregateError without a message.
  const message =
    typeof e?.message === 'string' && e.message
      ? e.message
      : Array.isArray(e?.errors)
        ? e.errors.map((x) => (x as Error).message).join('; ')
        : String(error);
  return message.replace(/\s+/g, ' ').trim();
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`habarshy: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  const options: ParseArgsConfig['options'] = { ...command.options, help: { type: 'boolean', short: 'h' } };
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: command.positionals ?? false, strict: true });
  } catch (error) {
    process.stderr.write(`habarshy ${name}: ${(error as Error).message}\n\n${command.help}\n`);
    return 2;
  }
  if (parsed.values['help']) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals, loadConfig);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`habarshy: configuration error: ${error.message}\n`);
      return 2;
    }
    if ((error as { exitCode?: number }).exitCode) {
      process.stderr.write(`habarshy ${name}: ${(error as Error).message}\n`);
      return (error as { exitCode: number }).exitCode;
    }
    // The database is down, unreachable, refuses us or its disk is full: one line, not a stack.
    const failure = failureOf(error);
    const code = String((error as { code?: unknown } | null)?.code ?? '');
    if (failure || /^(28|3D|42501|SQLITE_(CANTOPEN|READONLY|PERM|NOTADB|CORRUPT))/.test(code)) {
      const what =
        failure === 'unavailable' ? 'cannot reach the database' : failure === 'full' ? "the database's disk is full" : 'database error';
      process.stderr.write(`habarshy ${name}: ${what} at ${databaseLocation()}: ${oneLine(error)}\n`);
      return 1;
    }
    throw error;
  }
}

const code = await runCli(process.argv.slice(2));
if (code !== -1) process.exitCode = code;
