// Reading a wire source: fetching a feed URL within the limits (http(s) only, 10 s, 5 MB counted
// while streaming), parsing RSS 2.0 / Atom (entity declarations and malformed XML refused) and
// turning item HTML into plain paragraphs. Used by ingest.ts, which makes the drafts.
import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { stripBidiControls } from '../content/text.ts';

export const FETCH_TIMEOUT_MS = 10_000;
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
/** Items looked at per poll (a feed is a window on the newest items anyway). */
const MAX_ITEMS = 200;
const MAX_HEADLINE = 300;

export class FeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedError';
  }
}

export interface FeedItem {
  /** guid (RSS), id (Atom), else the link, else a hash of the title. */
  readonly guid: string;
  /** The original's http(s) link, or null. */
  readonly link: string | null;
  readonly title: string;
  /** Plain-text paragraphs of the summary (description / Atom summary). */
  readonly summary: string[];
  /** Plain-text paragraphs of the full text (content:encoded / Atom content), else the summary's. */
  readonly paragraphs: string[];
}

// ---- HTML to plain text --------------------------------------------------------------------

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  times: '×',
  shy: '',
  deg: '°',
  plusmn: '±',
  sect: '§',
  para: '¶',
  prime: '′',
  Prime: '″',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
  zwnj: '',
  zwj: '',
  lrm: '',
  rlm: '',
  iexcl: '¡',
  iquest: '¿',
  cent: '¢',
  pound: '£',
  yen: '¥',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const allowed = code === 9 || code === 10 || code === 13 || (code >= 32 && code < 0xd800) || (code > 0xdfff && code <= 0x10ffff);
      return allowed && !(code >= 0x7f && code < 0xa0) ? String.fromCodePoint(code) : '';
    }
    return NAMED[ref] ?? whole;
  });
}

const DROPPED = /<(script|style|template|noscript|iframe|object|svg|math|head|title)\b[\s\S]*?<\/\1\s*>/gi;
const BLOCK_TAG =
  /<\/?(p|div|h[1-6]|li|ul|ol|blockquote|pre|table|tr|section|article|header|footer|aside|figure|figcaption|dl|dt|dd|hr|address|main|nav)\b(?:[^<>"']|"[^"]*"|'[^']*')*>/gi;
const ANY_TAG = /<\/?[A-Za-z][A-Za-z0-9:-]*(?:[^<>"']|"[^"]*"|'[^']*')*>/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/** The readable text of an HTML fragment, as paragraphs (markup dropped, entities decoded). */
export function htmlToParagraphs(html: string): string[] {
  const text = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(DROPPED, ' ')
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(BLOCK_TAG, '\n\n')
    .replace(ANY_TAG, '');
  return decodeEntities(text)
    .replace(CONTROL, '')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/** A single line of text (a title): bidi overrides and isolates go, as in every single-line field. */
function oneLine(html: string): string {
  return stripBidiControls(htmlToParagraphs(html).join(' '));
}

export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max - 1);
  const space = slice.lastIndexOf(' ');
  return `${(space > max / 2 ? slice.slice(0, space) : slice).trimEnd()}…`;
}

// ---- Feed parsing ----------------------------------------------------------------------------

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: false,
  // Only the five XML entities and character references remain possible (entity declarations are
  // refused before parsing); the limits are a second fence.
  processEntities: { enabled: true, maxEntitySize: 256, maxEntityCount: 1, maxExpandedLength: MAX_FEED_BYTES * 2 },
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (value && typeof value === 'object') return textOf((value as Node)['#text']);
  return '';
}

function httpUrl(value: string): string | null {
  const v = value.trim();
  if (v.length > 2048) return null;
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function linkOf(links: unknown): string | null {
  if (!Array.isArray(links)) return null;
  for (const l of links) {
    if (typeof l === 'string') {
      const url = httpUrl(l);
      if (url) return url;
    } else if (l && typeof l === 'object') {
      const rel = (l as Node)['@_rel'];
      const href = (l as Node)['@_href'];
      if ((rel === undefined || rel === 'alternate') && typeof href === 'string') {
        const url = httpUrl(href);
        if (url) return url;
      }
    }
  }
  return null;
}

function itemFrom(node: Node, atom: boolean): FeedItem | null {
  const title = cut(oneLine(textOf(node['title'])), MAX_HEADLINE);
  if (!title) return null;
  const link = linkOf(node['link']);
  const rawId = textOf(atom ? node['id'] : node['guid']).trim();
  const guid = (rawId || link || `sha256:${createHash('sha256').update(title).digest('hex')}`).slice(0, 1000);
  const summary = htmlToParagraphs(textOf(atom ? node['summary'] : node['description']));
  const full = htmlToParagraphs(textOf(atom ? node['content'] : node['encoded']));
  return { guid, link, title, summary, paragraphs: full.length > 0 ? full : summary };
}

/** Items of an RSS 2.0 (or 1.0) or Atom document, newest first as the feed lists them. */
export function parseFeed(xml: string): FeedItem[] {
  // Entity declarations are how "billion laughs" and external-entity attacks start; no news feed needs them.
  if (/<!ENTITY/i.test(xml) || /<!DOCTYPE[^>[]*\[/i.test(xml))
    throw new FeedError('refused: the document declares entities (DOCTYPE internal subset)');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new FeedError(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`);
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    throw new FeedError(`unreadable XML: ${(err as Error).message}`);
  }
  const rss = doc['rss'] as Node | undefined;
  const feed = doc['feed'] as Node | undefined;
  const rdf = doc['RDF'] as Node | undefined;
  let nodes: unknown;
  let atom = false;
  if (rss && typeof rss === 'object') nodes = (rss['channel'] as Node | undefined)?.['item'];
  else if (feed && typeof feed === 'object') {
    nodes = feed['entry'];
    atom = true;
  } else if (rdf && typeof rdf === 'object') nodes = rdf['item'];
  else throw new FeedError('not an RSS or Atom feed');
  if (nodes === undefined) return [];
  if (!Array.isArray(nodes)) throw new FeedError('not an RSS or Atom feed');
  return nodes.slice(0, MAX_ITEMS).flatMap((n) => {
    const item = n && typeof n === 'object' ? itemFrom(n as Node, atom) : null;
    return item ? [item] : [];
  });
}

// ---- Fetching ----------------------------------------------------------------------------------

/** The body of a feed URL, at most `maxBytes` (counted while reading, whatever the headers say). */
export async function fetchFeed(url: string, opts: { timeoutMs?: number; maxBytes?: number } = {}): Promise<string> {
  const target = httpUrl(url);
  if (!target) throw new FeedError('only http and https URLs can be polled');
  const maxBytes = opts.maxBytes ?? MAX_FEED_BYTES;
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  try {
    const res = await fetch(target, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
      headers: {
        accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1',
        'user-agent': 'Habarshy-Ingest/1',
      },
    });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new FeedError(`HTTP ${res.status}`);
    }
    if (!httpUrl(res.url || target)) throw new FeedError('redirected away from http(s)');
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new FeedError(`larger than ${maxBytes} bytes`);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new FeedError(`larger than ${maxBytes} bytes`);
        }
        chunks.push(value);
      }
    }
    return decode(Buffer.concat(chunks));
  } catch (err) {
    if (err instanceof FeedError) throw err;
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new FeedError(`no complete answer within ${timeoutMs / 1000} s`);
    throw new FeedError(`fetch failed: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
  }
}

/** Bytes → text by the XML declaration's encoding (windows-1251 feeds exist), UTF-8 otherwise. */
function decode(bytes: Buffer): string {
  const head = bytes.subarray(0, 200).toString('latin1');
  const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*\bencoding=["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

// ---- Importing ---------------------------------------------------------------------------------
