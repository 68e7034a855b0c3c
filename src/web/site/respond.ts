// Sending pages: content negotiation over precompressed bodies, ETag and 304.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage } from '../../cache/pageCache.ts';
import { SECURITY_HEADER_LIST } from '../plugins/security.ts';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Picks the best encoding the client accepts (q=0 refuses). Malformed headers mean identity. */
export function pickEncoding(header: string | undefined): Encoding {
  if (!header || header.length > 1024) return 'identity';
  let br = false;
  let gzip = false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === '*') gzip = true;
  }
  return br ? 'br' : gzip ? 'gzip' : 'identity';
}

/** True when If-None-Match names the entry's validator (weak comparison, as RFC 9110 says for GET). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header || header.length > 4096) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  page: CachedPage,
  extraHeaders?: Record<string, string>,
): FastifyReply {
  reply
    .header('content-type', page.contentType)
    .header('etag', page.etag)
    .header('cache-control', page.cacheControl)
    .header('surrogate-key', page.surrogateKey)
    .header('vary', 'Accept-Encoding');
  if (extraHeaders) for (const [k, v] of Object.entries(extraHeaders)) reply.header(k, v);
  if (page.status === 200 && etagMatches(request.headers['if-none-match'], page.etag)) {
    return reply.code(304).send();
  }
  const enc = pickEncoding(request.headers['accept-encoding']);
  reply.code(page.status);
  if (enc === 'identity') return reply.send(page.identity);
  return reply.header('content-encoding', enc).send(enc === 'br' ? page.br : page.gzip);
}

/** Sends a freshly rendered, uncached body (cache off, error pages), compressing only what is asked. */
export function sendFresh(
  request: FastifyRequest,
  reply: FastifyReply,
  html: string | Buffer,
  status: number,
  headers: Record<string, string>,
): FastifyReply {
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  reply.header('vary', 'Accept-Encoding').code(status);
  const enc = pickEncoding(request.headers['accept-encoding']);
  const body = typeof html === 'string' ? Buffer.from(html) : html;
  if (enc === 'identity' || body.length < 1024) return reply.send(body);
  const out = enc === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : gzipSync(body, { level: 4 });
  return reply.header('content-encoding', enc).send(out);
}

/** pickEncoding remembered per header value: browsers send a handful of values, each parsed once. */
const encodings = new Map<string, Encoding>();
function encodingOf(header: string | undefined): Encoding {
  if (header === undefined) return 'identity';
  let enc = encodings.get(header);
  if (enc === undefined) {
    enc = pickEncoding(header);
    if (encodings.size >= 256) encodings.clear();
    encodings.set(header, enc);
  }
  return enc;
}

/**
 * The cached-page fast path: writes a cache hit straight to the socket with headers computed once
 * per entry and encoding (security headers included), bypassing the rest of the request pipeline.
 */
export function writeCachedRaw(req: IncomingMessage, res: ServerResponse, page: CachedPage): void {
  if (page.status === 200 && etagMatches(req.headers['if-none-match'], page.etag)) {
    res.writeHead(304, [...SECURITY_HEADER_LIST, 'etag', page.etag, 'cache-control', page.cacheControl, 'vary', 'Accept-Encoding']);
    res.end();
    return;
  }
  const enc = encodingOf(req.headers['accept-encoding']);
  const body = enc === 'br' ? page.br : enc === 'gzip' ? page.gzip : page.identity;
  const raw = (page.raw ??= {});
  let headers = raw[enc];
  if (!headers) {
    headers = [
      'content-type',
      page.contentType,
      'etag',
      page.etag,
      'cache-control',
      page.cacheControl,
      'surrogate-key',
      page.surrogateKey,
      'vary',
      'Accept-Encoding',
      'content-length',
      String(body.length),
      ...(enc === 'identity' ? [] : ['content-encoding', enc]),
      ...SECURITY_HEADER_LIST,
    ];
    raw[enc] = headers;
  }
  res.writeHead(page.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
