// The `habarshy` command: serve, migrate, seed, convert, lexicon.
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
    throw error;
  }
}

const code = await runCli(process.argv.slice(2));
if (code !== -1) process.exitCode = code;
