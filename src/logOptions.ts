// How the server logs: JSON lines (pino's own format, for a log collector) unless standard output
// is a terminal, where pino-pretty prints them readable and colored (NO_COLOR turns colors off).
import type { Writable } from 'node:stream';

export interface LogOptions {
  readonly level: string;
  readonly stream?: Writable;
}

export async function logOptions(level: string, out: NodeJS.WriteStream = process.stdout): Promise<LogOptions> {
  if (!out.isTTY) return { level };
  // Loaded only for a terminal; synchronous, so the lines before an exit are never lost.
  const { default: pretty } = await import('pino-pretty');
  return { level, stream: pretty({ destination: out, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }) };
}
