// Where each edition lives: under BASE_URL, or on a host of its own (EDITION_HOSTS). Every absolute
// URL a reader, a crawler or a partner sees (canonical, hreflang, og:url, JSON-LD, feeds, sitemaps)
// is built here, so an edition moved to its own host moves everywhere at once.
import type { EditionCode } from '../editions/editions.ts';

export interface EditionHosts {
  /** True when at least one edition has a host of its own (the page cache then keys by host). */
  readonly multiHost: boolean;
  /** The absolute URL of a path (starting with `/`) of an edition, on that edition's host. */
  absoluteUrl(edition: EditionCode, path: string): string;
  /** The origin an edition is served from (`https://en.example.kz`, or BASE_URL's). */
  origin(edition: EditionCode): string;
  /** True when the edition has a host of its own (EDITION_HOSTS names it). */
  ownHost(edition: EditionCode): boolean;
  /**
   * The edition whose home a bare `/` on this host leads to, or null for BASE_URL's host and any
   * host not configured. `host` is a Host header value (case and port as sent).
   */
  editionForHost(host: string | undefined): EditionCode | null;
  /**
   * The configured host a request came to, lower case (`en.example.kz`), or '' for BASE_URL's and
   * unknown hosts: a bounded value, safe to put into a cache key.
   */
  hostKey(host: string | undefined): string;
}

/** Host header → lower-case `name[:port]` without a trailing dot on the name. */
function normalizeHost(host: string): string {
  const h = host.trim().toLowerCase();
  const colon = h.lastIndexOf(':');
  if (colon > 0 && !h.endsWith(']') && /^\d+$/.test(h.slice(colon + 1))) return `${h.slice(0, colon).replace(/\.$/, '')}${h.slice(colon)}`;
  return h.replace(/\.$/, '');
}

export function editionHosts(baseUrl: string, hosts: ReadonlyMap<EditionCode, string>): EditionHosts {
  const base = baseUrl.replace(/\/+$/, '');
  // Host as sent (with or without its default port) → the first edition configured on it and the
  // host's canonical form (the cache key part).
  const byHost = new Map<string, { code: EditionCode; key: string }>();
  for (const [code, origin] of hosts) {
    const url = new URL(origin);
    for (const sent of [url.host, `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`]) {
      if (!byHost.has(sent)) byHost.set(sent, { code, key: url.host });
    }
  }
  const find = (host: string | undefined) => (host && byHost.size > 0 ? byHost.get(normalizeHost(host)) : undefined);
  return {
    multiHost: hosts.size > 0,
    absoluteUrl: (edition, path) => (hosts.get(edition) ?? base) + path,
    origin: (edition) => hosts.get(edition) ?? base,
    ownHost: (edition) => hosts.has(edition),
    editionForHost: (host) => find(host)?.code ?? null,
    hostKey: (host) => find(host)?.key ?? '',
  };
}
