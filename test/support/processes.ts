// Child processes of the suites that run the real `habarshy` command: a command run to its end,
// and `habarshy serve` started until it says it is running (or has exited).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <args>` (with the environment added) to its end: exit code and output. */
export function run(args: readonly string[], env: Record<string, string> = {}): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  readonly child: ChildProcess;
  /** True once it said "Habarshy is running"; false when it exited before. */
  readonly running: boolean;
  /** The exit code when it exited before running. */
  readonly code: number | null;
  /** Its standard error so far. */
  readonly stderr: string;
  /** Standard output and error so far, interleaved. */
  output(): string;
  /** SIGTERM (when still running), then waits for the exit. */
  stop(): Promise<void>;
}

/** Starts `habarshy serve` with the environment added; resolves once it runs or has exited. */
export function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['bin/habarshy.js', 'serve'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let out = '';
  let stderr = '';
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const server = (running: boolean, code: number | null): ServerProcess => ({
    child,
    running,
    code,
    stop,
    get stderr() {
      return stderr;
    },
    output: () => out,
  });
  return new Promise((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Habarshy is running')) resolve(server(true, null));
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
      stderr += d.toString();
    });
    void exited.then((code) => resolve(server(false, code)));
  });
}
