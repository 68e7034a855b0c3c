// The hostile-input corpus against one server (SQLite): long and invalid URLs, bad encodings,
// nested and huge JSON, bad multipart, bad headers and malformed HTTP on raw sockets. Passes with
// no 500 (nor any other 5xx), the server alive, and no event-loop stall over 200 ms as the server
// itself measures it (perf_hooks.monitorEventLoopDelay, scripts/faults/stats.mjs).
import net from 'node:net';
import { dataDir, fmt, Newsroom, request, scenario, sleep, startServer, tally, workDir, type Answer } from './lib.ts';

const STALL_MS = 200;

/** Sends raw bytes and reads the status line (0 when the server just closed the connection). */
function raw(port: number, bytes: Buffer | string): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let got = '';
    const done = (status: number) => {
      socket.destroy();
      resolve(status);
    };
    socket.setTimeout(12_000, () => done(-1));
    socket.on('data', (d: Buffer) => {
      got += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(got);
      if (m) done(Number(m[1]));
    });
    socket.on('error', () => done(0));
    socket.on('close', () => done(0));
    socket.write(bytes);
  });
}

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

await scenario('hostile', async (v) => {
  const work = workDir('hostile');
  // Request timeouts short enough for a stalled body to be answered within the corpus.
  const server = await startServer({
    dataDir: dataDir(work, 'data'),
    env: { HTTP_HEADERS_TIMEOUT_MS: '3000', HTTP_REQUEST_TIMEOUT_MS: '5000' },
  });
  const nr = await Newsroom.signIn(server.url);
  const sections = JSON.parse((await nr.call('GET', '/api/newsroom/sections')).body) as { items: { id: number }[] };
  const created = JSON.parse(
    (await nr.call('POST', '/api/newsroom/articles', { edition: 'kz', sectionId: sections.items[0]!.id, headline: 'Hostile', lead: 'x' }))
      .body,
  ) as { id: number; revision: number };
  // Warm the pages, then measure only the corpus.
  for (const u of ['/kz/', '/kz/latest', '/api/v1/articles?edition=kz']) await request(server.url + u);
  await server.resetStats();

  const results: { what: string; status: number }[] = [];
  const trace = process.env.FAULTS_TRACE === '1';
  const record = async (what: string, a: Answer | number) => {
    results.push({ what, status: typeof a === 'number' ? a : a.status });
    if (!trace) return;
    await sleep(300);
    const s = server.stats();
    if (s && s.eldMaxMs > 50) console.error(`    stall ${Math.round(s.eldMaxMs)} ms after ${what.slice(0, 100)}`);
    await server.resetStats();
  };
  const get = async (url: string, headers: Record<string, string> = {}) =>
    await record(`GET ${url.slice(0, 80)}`, await request(server.url + url, { headers }));

  // Long and invalid URLs.
  for (const url of [
    `/kz/${'a'.repeat(8000)}`,
    `/kz/news/${'x'.repeat(5000)}-abcdef`,
    `/kz/search?q=${'ә'.repeat(3000)}`,
    `/kz/latest?${'p=1&'.repeat(2000)}`,
    '/kz/%',
    '/kz/%ZZ',
    '/%E0%A4%A',
    '/kz/search?q=%FF%FE%00',
    '/kz/news/%C0%AF-abcdef',
    '/kz/tag/%00',
    '/kz/%2e%2e/%2e%2e/etc/passwd',
    '/kz//latest',
    '/kz/latest?page=-1',
    '/kz/latest?page=1e9',
    '/kz/latest?page=99999999999999999999',
    '/kz/latest?page[]=2',
    '/kz/latest?page=2&page=3',
    '/kz/2026/13/45',
    '/kz/0000/00/00',
    '/kz/9999/12/31',
    '/kz/search?q[]=a',
    '/kz/search?q=%F0%9F%92%A9'.repeat(3),
    '/beacon?a[]=x&e=kz',
    '/beacon?a=abcdef&e=../',
    '/api/v1/articles?cursor=garbage',
    '/api/v1/articles?cursor=%FF',
    '/api/v1/articles?limit=-1',
    '/api/v1/articles?limit=1e400',
    '/api/v1/articles?edition=xx',
    '/api/v1/articles/kz/zzzzzz',
    '/api/v1/ninjs/kz?since=yesterday',
    '/kz/rss.xml?%',
    '/sitemaps/%00.xml',
    '/sitemaps/..%2f..%2fpackage.json',
    '/media/..%2f..%2fpackage.json',
    `/media/${'a'.repeat(300)}.webp`,
    '/newsroom/%ff',
    '/api/newsroom/articles/%ff',
    '/api/newsroom/articles/1e99',
  ])
    await get(url);

  // Bad headers.
  for (const headers of [
    { cookie: `hb_session=${'x'.repeat(12_000)}` },
    { cookie: 'edition=%ff; hb_session=;;;' },
    { 'accept-encoding': 'br;q=NaN, gzip;q=-1, *;q=2' },
    { 'if-none-match': '"'.repeat(5000) },
    { 'if-modified-since': 'not a date' },
    { 'accept-language': 'x-'.repeat(4000) },
    { range: 'bytes=-1--5' },
    { 'x-forwarded-host': 'evil.example, ,,' },
    { 'x-forwarded-for': 'not-an-ip' },
    { accept: '*/*;q=' },
  ] as Record<string, string>[]) {
    await get('/kz/', headers);
    await get('/api/v1/articles?edition=kz&limit=2', headers);
  }

  // JSON: nested, huge, malformed, of the wrong shape.
  const id = created.id;
  const jsonCases: [string, string, string][] = [
    ['PUT', `/api/newsroom/articles/${id}/autosave`, `{"baseRevision":1,"data":${nestedArrays(4500)}}`],
    ['PUT', `/api/newsroom/articles/${id}/autosave`, `{"baseRevision":1,"data":${nestedArrays(100_000)}}`],
    ['PUT', `/api/newsroom/articles/${id}/autosave`, `{"baseRevision":1,"data":${nestedObjects(50_000)}}`],
    ['PUT', `/api/newsroom/articles/${id}/autosave`, `{"baseRevision":1,"data":"${'x'.repeat(3_000_000)}"}`],
    ['PUT', `/api/newsroom/articles/${id}`, `{"revision":${created.revision},"body":${nestedArrays(6000)}}`],
    [
      'PUT',
      `/api/newsroom/articles/${id}`,
      `{"revision":${created.revision},"body":{"version":1,"blocks":[${'{"type":"paragraph","content":[]},'.repeat(50_000)}{"type":"paragraph"}]}}`,
    ],
    ['POST', '/api/newsroom/articles', `{"edition":"kz","sectionId":1,"body":${nestedObjects(8000)}}`],
    ['POST', '/api/newsroom/articles', '{"edition":"kz","sectionId":1,"__proto__":{"admin":true}}'],
    ['POST', '/api/newsroom/articles', '{"edition":"kz","sectionId":1e400}'],
    ['POST', '/api/newsroom/articles', '{"edition":"kz",'],
    ['POST', '/api/newsroom/articles', '[1,2,3]'],
    ['POST', '/api/newsroom/articles', '"\\ud800"'],
    ['POST', '/api/newsroom/articles', `{"edition":"kz","sectionId":1,"headline":"${'\\u0000'.repeat(100)}"}`],
    ['POST', '/api/newsroom/session', `{"email":${nestedArrays(5000)},"password":"x"}`],
    ['POST', `/api/newsroom/articles/${id}/transitions`, `{"action":{"toString":1},"revision":1}`],
  ];
  for (const [method, url, body] of jsonCases) {
    await record(`${method} ${url} ${body.slice(0, 40)}`, await nr.call(method, url, undefined, { raw: body, timeoutMs: 30_000 }));
  }
  record(
    'PUT autosave as text/plain',
    await nr.call('PUT', `/api/newsroom/articles/${id}/autosave`, undefined, { raw: '{}', headers: { 'content-type': 'text/plain' } }),
  );
  record(
    'POST articles as form',
    await nr.call('POST', '/api/newsroom/articles', undefined, {
      raw: 'a=1&b=2',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
  );
  record(
    'POST articles bad charset',
    await nr.call('POST', '/api/newsroom/articles', undefined, {
      raw: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
      headers: { 'content-type': 'application/json; charset=utf-16' },
    }),
  );

  // Multipart uploads gone wrong.
  const b = 'XyZboundary';
  const part = (name: string, filename: string, type: string, content: Buffer | string) =>
    Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
      Buffer.from(content),
      Buffer.from('\r\n'),
    ]);
  const multipartCases: [string, Buffer, string][] = [
    ['no boundary', Buffer.from('hello'), 'multipart/form-data'],
    [
      'truncated',
      Buffer.concat([part('file', 'a.jpg', 'image/jpeg', Buffer.alloc(1000, 1))]).subarray(0, 500),
      `multipart/form-data; boundary=${b}`,
    ],
    [
      'wrong boundary',
      Buffer.concat([part('file', 'a.jpg', 'image/jpeg', 'x'), Buffer.from(`--${b}--\r\n`)]),
      'multipart/form-data; boundary=other',
    ],
    [
      'not an image',
      Buffer.concat([part('file', 'a.jpg', 'image/jpeg', '<svg onload=alert(1)>'), Buffer.from(`--${b}--\r\n`)]),
      `multipart/form-data; boundary=${b}`,
    ],
    ['no file', Buffer.from(`--${b}--\r\n`), `multipart/form-data; boundary=${b}`],
    [
      'many fields',
      Buffer.concat([
        ...Array.from({ length: 2000 }, (_, i) => Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nv\r\n`)),
        Buffer.from(`--${b}--\r\n`),
      ]),
      `multipart/form-data; boundary=${b}`,
    ],
    [
      'two files',
      Buffer.concat([part('file', 'a.jpg', 'image/jpeg', 'x'), part('file', 'b.jpg', 'image/jpeg', 'y'), Buffer.from(`--${b}--\r\n`)]),
      `multipart/form-data; boundary=${b}`,
    ],
    [
      'bad filename',
      Buffer.concat([part('file', '../../\u0000.jpg', 'image/jpeg', 'x'), Buffer.from(`--${b}--\r\n`)]),
      `multipart/form-data; boundary=${b}`,
    ],
  ];
  for (const [what, body, type] of multipartCases) {
    await record(
      `multipart ${what}`,
      await nr.call('POST', '/api/newsroom/media', undefined, { raw: body, headers: { 'content-type': type }, timeoutMs: 30_000 }),
    );
  }

  // Malformed HTTP on raw sockets (a 4xx or a closed connection, never a 5xx).
  const port = server.port;
  for (const [what, bytes] of [
    [
      'bad UTF-8 in the path',
      Buffer.concat([
        Buffer.from('GET /kz/'),
        Buffer.from([0xff, 0xfe, 0xc0]),
        Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      ]),
    ],
    ['NUL in the path', Buffer.from('GET /kz/\u0000 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'latin1')],
    ['no Host', 'GET /kz/ HTTP/1.1\r\nConnection: close\r\n\r\n'],
    [
      'two Content-Length',
      'POST /api/newsroom/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{}',
    ],
    [
      'CL and TE',
      'POST /api/newsroom/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n',
    ],
    [
      'bad chunk',
      'POST /api/newsroom/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
    ],
    [
      'short body',
      'POST /api/newsroom/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{"email":',
    ],
    ['huge header', `GET /kz/ HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\nConnection: close\r\n\r\n`],
    ['header without colon', 'GET /kz/ HTTP/1.1\r\nHost: x\r\nBroken header\r\nConnection: close\r\n\r\n'],
    ['HTTP/0.9', 'GET /kz/\r\n\r\n'],
    ['unknown method', 'BREW /kz/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['absolute URL', 'GET http://evil.example/kz/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['asterisk', 'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
  ] as [string, string | Buffer][]) {
    await record(`raw ${what}`, await raw(port, bytes));
  }

  await sleep(600);
  const stats = server.stats();
  const statuses = results.map((r) => r.status);
  const bad = results.filter((r) => r.status >= 500 || r.status === -1);
  for (const r of bad) console.error(`    ${r.status} ${r.what}`);
  v.figure('requests', results.length);
  v.figure('statuses', fmt(tally(statuses)));
  v.check(
    bad.length === 0,
    `${bad.length} answers were 5xx or hung: ${bad
      .map((r) => `${r.status} ${r.what.slice(0, 50)}`)
      .join(', ')
      .slice(0, 500)}`,
  );
  v.check(server.alive, 'the server died');
  const health = await request(`${server.url}/healthz`);
  v.check(health.status === 200, `healthz after the corpus: ${health.status}`);
  v.figure('event_loop_max_ms', stats ? Math.round(stats.eldMaxMs) : 'unknown');
  v.figure('event_loop_p99_ms', stats ? Math.round(stats.eldP99Ms) : 'unknown');
  v.check(
    stats !== null && stats.eldMaxMs <= STALL_MS,
    `event loop stalled ${stats ? Math.round(stats.eldMaxMs) : '?'} ms (bound ${STALL_MS} ms)`,
  );
  await server.stop();
});
