// What every `habarshy` subcommand is, and the one error for a wrong command line (exit status 2).
// Kept apart from commands.ts (the table of subcommands) so that the subcommands do not import it.
import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.ts';

export type Values = Record<string, string | boolean | undefined>;

export interface Command {
  readonly summary: string;
  readonly help: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly positionals?: boolean;
  /** Returns the exit code; -1 keeps the process running (serve). */
  run(values: Values, positionals: string[], loadConfig: () => Config): Promise<number>;
}

/** A wrong command line: its message is printed and the process exits with status 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}
