// What a person at a terminal sees from the server, and what a log collector gets otherwise: log
// lines pretty-printed by pino-pretty on a terminal and JSON lines off one; the demo admin's sign-in
// as a framed block on a terminal and one log line off one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import Fastify from 'fastify';
import { logOptions } from '../../src/logOptions.ts';
import { announceDemoAdmin, demoAdminBlock } from '../../src/demoAdminNotice.ts';

/** A stream that says it is (or is not) a terminal, collecting what is written. */
function output(isTTY: boolean): { stream: NodeJS.WriteStream; text(): string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream: Object.assign(stream, { isTTY }) as unknown as NodeJS.WriteStream, text: () => text };
}

test('on a terminal the log lines are pretty-printed; otherwise they are JSON lines', async () => {
  const tty = output(true);
  const pretty = await logOptions('info', tty.stream);
  assert.ok(pretty.stream, 'a terminal gets pino-pretty');
  Fastify({ logger: pretty }).log.info('Habarshy is running');
  assert.match(tty.text(), /INFO.*: .*Habarshy is running/);
  assert.doesNotMatch(tty.text(), /"level"/);

  const piped = output(false);
  const json = await logOptions('warn', piped.stream);
  assert.deepEqual(json, { level: 'warn' }, 'off a terminal: pino writes JSON lines to standard output');
});

test('the demo admin is a framed block on a terminal, with the address, e-mail and password', () => {
  const admin = { email: 'admin@habarshy.local', password: 'q3gvdxhMwu47fAFsufTy' };
  const block = demoAdminBlock(admin, 'http://localhost:3000/newsroom/');
  const lines = block.trim().split('\n');
  assert.ok(
    lines.every((l) => [...l].length === [...lines[0]!].length),
    'every line of the frame has the same width',
  );
  assert.match(block, /sign in at +http:\/\/localhost:3000\/newsroom\//);
  assert.match(block, /email +admin@habarshy\.local/);
  assert.match(block, /password +q3gvdxhMwu47fAFsufTy/);

  const tty = output(true);
  const logged: string[] = [];
  const { log } = Fastify({ logger: { level: 'info', stream: { write: (line: string) => logged.push(line) } } });
  announceDemoAdmin(log, admin, 'http://localhost:3000/newsroom/', tty.stream);
  assert.equal(tty.text(), block);
  assert.deepEqual(logged, [], 'on a terminal the block replaces the log line');

  const piped = output(false);
  announceDemoAdmin(log, admin, 'http://localhost:3000/newsroom/', piped.stream);
  assert.equal(piped.text(), '');
  assert.equal(logged.length, 1);
  const entry = JSON.parse(logged[0]!) as { level: number; msg: string };
  assert.equal(entry.level, 40);
  assert.match(entry.msg, /sign in at http:\/\/localhost:3000\/newsroom\/ as admin@habarshy\.local with the password q3gvdxhMwu47fAFsufTy/);
});
