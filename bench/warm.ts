// Warm cache: the cached article page against a bare node:http server replaying the very same
// status, headers and body (captured from one real response), autocannon c=32, alternating runs,
// each side's better run kept. BENCH_PROFILE=1 also profiles our server under load (--cpu-prof).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freePort, load, pin, startServer, stop, waitFor, type Load, type Server } from './lib.ts';

/** Headers Node writes by itself on every response: not replayed. */
const OWN = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

async function capture(url: string): Promise<{ status: number; headers: string[]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers: string[] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            if (!OWN.has(res.rawHeaders[i]!.toLowerCase())) headers.push(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
          }
          resolve({ status: res.statusCode ?? 200, headers, body: Buffer.concat(chunks) });
        });
      })
      .on('error', reject);
  });
}

async function startBare(dir: string, page: { status: number; headers: string[]; body: Buffer }): Promise<Server> {
  const port = await freePort();
  const file = path.join(dir, 'bare-body');
  fs.writeFileSync(file, page.body);
  const code = `
    const http = require('http');
    const body = require('fs').readFileSync(${JSON.stringify(file)});
    const headers = ${JSON.stringify(page.headers)};
    http.createServer((req, res) => { res.writeHead(${page.status}, headers); res.end(body); }).listen(${port}, '127.0.0.1');`;
  const [cmd, args] = pin([process.execPath, '-e', code]);
  const child = spawn(cmd, args, { stdio: 'inherit' });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/`);
  return { child, origin };
}

interface ProfileLine {
  self: number;
  name: string;
}

function topFunctions(file: string, n = 15): ProfileLine[] {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const byNode = new Map<number, number>();
  p.samples.forEach((s, i) => byNode.set(s, (byNode.get(s) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const self = new Map<string, number>();
  let total = 0;
  for (const node of p.nodes) {
    const f = node.callFrame;
    // Shares of the busy time: waiting for the next request is not part of the hit path.
    if (f.functionName === '(idle)') continue;
    total += byNode.get(node.id) ?? 0;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (byNode.get(node.id) ?? 0));
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, t]) => ({ name, self: +((100 * t) / total).toFixed(1) }));
}

export interface WarmResult {
  ours: Load;
  bare: Load;
  ratio: number;
  headerCount: number;
  bodyBytes: number;
  profile?: ProfileLine[];
}

export async function benchWarm(env: Record<string, string>, dir: string, article: string): Promise<WarmResult> {
  const profileDir = process.env['BENCH_PROFILE'] ? path.join(dir, 'profile') : null;
  const ours = await startServer(env, profileDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {});
  let bare: Server | null = null;
  try {
    const url = `${ours.origin}${article}`;
    await capture(url); // the first request renders and caches the page
    const page = await capture(url);
    bare = await startBare(dir, page);
    const bareUrl = `${bare.origin}${article}`;
    await load(url, { gzip: true, seconds: 2 });
    await load(bareUrl, { gzip: true, seconds: 2 });
    const best = (a: Load, b: Load) => (a.rps >= b.rps ? a : b);
    let o = await load(url, { gzip: true });
    let b = await load(bareUrl, { gzip: true });
    o = best(o, await load(url, { gzip: true }));
    b = best(b, await load(bareUrl, { gzip: true }));
    const result: WarmResult = {
      ours: o,
      bare: b,
      ratio: +(o.rps / b.rps).toFixed(3),
      headerCount: page.headers.length / 2,
      bodyBytes: page.body.length,
    };
    await stop(ours, 'SIGINT');
    if (profileDir && fs.existsSync(profileDir)) {
      // The main thread's profile (thread 0); others are the module loader's and workers'.
      const file = fs
        .readdirSync(profileDir)
        .filter((f) => /\.0\.\d+\.cpuprofile$/.test(f))
        .map((f) => path.join(profileDir, f))[0];
      if (file) result.profile = topFunctions(file);
    }
    return result;
  } finally {
    await stop(ours);
    if (bare) await stop(bare);
  }
}
