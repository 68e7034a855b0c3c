// Rendered pages in memory with their gzip and brotli bodies and an ETag, tagged with what they
// show. Rendering and compressing are paid once per publish, not per view (DESIGN.md §6).
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { surrogateKey } from './tags.ts';

export interface CachedPage {
  readonly status: number;
  readonly contentType: string;
  readonly etag: string;
  readonly identity: Buffer;
  readonly gzip: Buffer;
  readonly br: Buffer;
  readonly tags: readonly string[];
  /** `Cache-Control` sent with the page. */
  readonly cacheControl: string;
  /** Surrogate-Key header value for a CDN (the same tags). */
  readonly surrogateKey: string;
  readonly bytes: number;
  /** Raw header lists per encoding for the fast path, built on first use. */
  raw?: Partial<Record<'br' | 'gzip' | 'identity', string[]>>;
  /** Read since it was stored or last passed over by eviction (PageCache's second chance). */
  used?: boolean;
}

export interface PageCacheOptions {
  /** Upper bound on the memory held by cached bodies, in bytes. */
  readonly maxBytes: number;
}

/**
 * A buffer that owns exactly its bytes. `gzipSync` and `brotliCompressSync` return slices of a
 * 16 KiB output chunk and `Buffer.from(string)` slices an 8 KiB pool, so a 1.6 KB page kept as
 * returned held ~16 KB: the byte budget counted a fifth of what was really retained.
 */
export function ownBytes(buf: Buffer): Buffer {
  if (buf.byteOffset === 0 && buf.buffer.byteLength === buf.length) return buf;
  const copy = Buffer.allocUnsafeSlow(buf.length);
  buf.copy(copy);
  return copy;
}

/** Per-entry memory besides the bodies (object, header strings, key, tag index), estimated. */
const ENTRY_OVERHEAD = 1024;

/** The validator of a body: a hash of its bytes (weak: the encodings differ, the content does not). */
export function etagOf(identity: Buffer): string {
  return `W/"${createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`;
}

/** Builds a cache entry: compresses once and computes a strong validator from the content. */
export function makeEntry(
  body: string | Buffer,
  opts: { status?: number; contentType: string; tags: readonly string[]; cacheControl: string },
): CachedPage {
  const identity = ownBytes(typeof body === 'string' ? Buffer.from(body) : body);
  const gzip = ownBytes(gzipSync(identity, { level: 6 }));
  const br = ownBytes(
    brotliCompressSync(identity, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
    }),
  );
  const tags = [...new Set(opts.tags)];
  const tagBytes = tags.reduce((n, t) => n + 2 * t.length + 64, 0);
  return {
    status: opts.status ?? 200,
    contentType: opts.contentType,
    etag: etagOf(identity),
    identity,
    gzip,
    br,
    tags,
    cacheControl: opts.cacheControl,
    surrogateKey: surrogateKey(tags),
    bytes: identity.length + gzip.length + br.length + ENTRY_OVERHEAD + tagBytes,
  };
}

/**
 * Every reader and feed path is plain ASCII (edition codes, slugs of `[a-z0-9-]`, digits), so a
 * path with percent-escapes is another spelling of a page that has a plain one: `/k%7A/latest` is
 * `/kz/latest`. Such spellings are endless and must never become cache entries of their own.
 * Returns the plain spelling when the escapes decode to printable ASCII other than `%`, `/`-runs
 * and `\`, null otherwise (refuse it).
 */
export function plainPath(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (!/^\/[\x21-\x7e]*$/.test(decoded) || /[%\\?#]|\/\//.test(decoded)) return null;
  return decoded;
}

export class PageCache {
  /** Insertion-ordered: re-inserting on hit makes it an LRU. */
  private readonly entries = new Map<string, CachedPage>();
  private readonly byTag = new Map<string, Set<string>>();
  private bytes = 0;
  hits = 0;
  misses = 0;
  /** Pages dropped to stay within maxBytes (not counting invalidations). */
  evictions = 0;

  constructor(private readonly options: PageCacheOptions) {}

  get size(): number {
    return this.entries.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }

  /**
   * A hit costs one map lookup: instead of moving the entry to the end of the map on every hit
   * (a delete and an insert), it is marked as used, and eviction gives a marked entry a second
   * chance (CLOCK, an approximation of LRU that keeps recently read pages).
   */
  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    entry.used = true;
    return entry;
  }

  set(key: string, entry: CachedPage): void {
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    while (this.bytes > this.options.maxBytes && this.entries.size > 1) {
      const oldest = this.entries.keys().next().value as string;
      const page = this.entries.get(oldest)!;
      if (page.used || oldest === key) {
        // Read since it was last here (or just added): to the back of the queue instead of out.
        page.used = false;
        this.entries.delete(oldest);
        this.entries.set(oldest, page);
        continue;
      }
      this.delete(oldest);
      this.evictions++;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys && keys.size === 0) this.byTag.delete(tag);
    }
  }

  /** Drops every page that shows any of the tags; returns how many were dropped. */
  invalidate(tags: Iterable<string>): number {
    let dropped = 0;
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) {
        this.delete(key);
        dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.entries.clear();
    this.byTag.clear();
    this.bytes = 0;
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }
}
