// A throwaway varnishd running deploy/varnish/habarshy.vcl in front of a test server.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { tempDir } from './databases.ts';

const VCL = path.resolve('deploy/varnish/habarshy.vcl');

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPort(port: number, proc: ChildProcess, output: () => string): Promise<void> {
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`varnishd exited with ${proc.exitCode}: ${output()}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** varnishd in the foreground with the shipped VCL, its backend pointed at the app's port. */
export class Varnish {
  private proc: ChildProcess | null = null;
  private readonly dir = tempDir('habarshy-varnish-');
  port = 0;

  async start(backendPort: number): Promise<void> {
    const vcl = fs.readFileSync(VCL, 'utf8').replace(/\.port = "\d+";/, `.port = "${backendPort}";`);
    assert.ok(vcl.includes(`"${backendPort}"`), 'the VCL names its backend port');
    fs.writeFileSync(path.join(this.dir, 'habarshy.vcl'), vcl);
    this.port = await freePort();
    let output = '';
    // -j none: no privilege separation (as root it would need the varnish user's directories).
    const proc = spawn(
      'varnishd',
      [
        '-n',
        path.join(this.dir, 'work'),
        '-a',
        `127.0.0.1:${this.port}`,
        '-f',
        path.join(this.dir, 'habarshy.vcl'),
        '-s',
        'malloc,64m',
        '-F',
        '-j',
        'none',
        '-T',
        'none',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    proc.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    proc.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    this.proc = proc;
    await waitForPort(this.port, proc, () => output);
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    if (proc && proc.exitCode === null) {
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
