// Sends an API result: JSON with an ETag from its bytes (304 when the client has them), the pages'
// Cache-Control, the cache tags as Surrogate-Key, and compression when asked for.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagMatches, sendFresh } from '../site/respond.ts';
import { PAGE_CACHE_CONTROL } from '../site/html.ts';
import { surrogateKey } from '../../cache/tags.ts';

export const JSON_TYPE = 'application/json; charset=utf-8';

/** Sends at once; returns nothing, so that a handler typed by its response schema may return it. */
export function sendJson(request: FastifyRequest, reply: FastifyReply, data: unknown, tags: readonly string[] = []): void {
  const json = JSON.stringify(data);
  const etag = `"${createHash('sha1').update(json).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', PAGE_CACHE_CONTROL).header('vary', 'Accept-Encoding');
  if (tags.length > 0) reply.header('surrogate-key', surrogateKey(tags));
  if (etagMatches(request.headers['if-none-match'], etag)) {
    reply.code(304).send();
    return;
  }
  sendFresh(request, reply, json, 200, { 'content-type': JSON_TYPE });
}
