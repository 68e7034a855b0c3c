// The page cache's fast path: a cached page is written before Fastify routes the request (app.ts's
// serverFactory calls it; the site plugin's onRequest hook covers inject()). It is benchmarked: it
// parses nothing but the URL and, with editions on hosts of their own, the host.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PageCache } from '../../cache/pageCache.ts';
import { writeCachedRaw } from './respond.ts';

/**
 * The cache key of a raw request URL, or null when the query could be a bad request (only a single,
 * well-formed `page` parameter may take part; other parameters never split the cache). `host` is
 * the configured host the request came to (EditionHosts.hostKey), '' when editions share one host.
 */
export function fastCacheKey(url: string, host = ''): string | null {
  const q = url.indexOf('?');
  if (q < 0) return host + url;
  const path = host + url.slice(0, q);
  const pages = url
    .slice(q + 1)
    .split('&')
    .filter((p) => p.startsWith('page='));
  if (pages.length === 0) return path;
  if (pages.length > 1) return null;
  const value = pages[0]!.slice(5);
  if (!/^[1-9]\d{0,5}$/.test(value)) return null;
  return value === '1' ? path : `${path}?page=${value}`;
}

/** The cache key of a validated request: its path (on its host) and page number. */
export function cacheKey(url: string, page: number, host: string): string {
  const q = url.indexOf('?');
  const path = host + (q >= 0 ? url.slice(0, q) : url);
  return page > 1 ? `${path}?page=${page}` : path;
}

/**
 * The host a request was sent to: a trusted proxy's X-Forwarded-Host (last entry, as Fastify reads
 * it; TRUST_PROXY says which peers are proxies), else Host.
 */
export function hostOf(req: IncomingMessage, fromProxy: (address: string | undefined) => boolean): string | undefined {
  const headers = req.headers;
  const forwarded = headers['x-forwarded-host'];
  const value = Array.isArray(forwarded) ? forwarded[forwarded.length - 1] : forwarded;
  if (value && fromProxy(req.socket?.remoteAddress)) return value.slice(value.lastIndexOf(',') + 1).trim();
  return headers.host;
}

export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Writes a cached page for a GET or HEAD whose key has one, and says whether it did. */
export function makeFastPath(cache: PageCache, hostKey: (req: IncomingMessage) => string): FastPath {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const key = fastCacheKey(req.url ?? '/', hostKey(req));
    const hit = key === null ? undefined : cache.get(key);
    if (!hit) return false;
    writeCachedRaw(req, res, hit);
    return true;
  };
}
