// Page weight (`npm run bench`, BENCH_ONLY=weight for this part alone, BENCH_WEIGHT=off to skip it):
// for every edition, the home, the demo article with the most blocks and a generated article. The
// HTML with every stylesheet and script it references (<link rel=stylesheet>, <link
// rel=modulepreload>, <script src>: prefs.js included) counted as bytes on the wire, once as the
// server sends them to a browser (`Accept-Encoding: br, gzip`) and once to a gzip-only client; and
// the fonts a real Chromium fetches for the page, grouped by script (Latin, Cyrillic, Arabic). The
// budgets: HTML + CSS + JS of an article ≤ 40 KB as sent to a browser, fonts ≤ 120 KB per script.
// Bytes do not depend on the machine's load. test/e2e/pageWeight.test.ts holds the budgets in CI.
import http from 'node:http';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { connect, type Db } from '../src/db/connect.ts';
import { EDITIONS, type EditionCode, type WrittenEditionCode } from '../src/editions/editions.ts';
import { paths } from '../src/services/urls.ts';
import { launchChromium } from '../test/support/browser.ts';

export const KB = 1024;
/** HTML + CSS + JS of an article, compressed as sent to a browser. */
export const DOCUMENT_BUDGET = 40 * KB;
/** The fonts of one script that one page makes the browser fetch. */
export const FONT_BUDGET = 120 * KB;

export const WEIGHT_EDITIONS: readonly EditionCode[] = ['kz', 'qz', 'ru', 'en', 'cn', 'uz', 'uz-latn', 'tote'];

/** Bytes of a body as sent with each encoding a client may ask for. */
export interface Wire {
  /** `Accept-Encoding: br, gzip` (what a browser gets). */
  br: number;
  /** `Accept-Encoding: gzip`. */
  gzip: number;
}

export interface DocumentWeight {
  html: Wire;
  css: Wire;
  js: Wire;
  total: Wire;
  /** The stylesheets and scripts counted. */
  assets: string[];
}

const zero = (): Wire => ({ br: 0, gzip: 0 });

/** One GET with the encodings asked for: the body's bytes as received (not decoded), and its text. */
function fetchEncoded(url: string, acceptEncoding: string): Promise<{ bytes: number; text: string; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`${url}: ${res.statusCode}`));
          const body = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'] ?? '';
          const decoded = encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body;
          resolve({ bytes: body.length, text: decoded.toString('utf8'), encoding });
        });
      })
      .on('error', reject);
  });
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];

/** The stylesheets and scripts an HTML document makes a browser fetch (same order, no repeats). */
export function referencedAssets(html: string): { css: string[]; js: string[] } {
  const css = new Set<string>();
  const js = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(m[0], 'href');
    if (!href) continue;
    if (rel.includes('stylesheet')) css.add(href);
    else if (rel.includes('modulepreload')) js.add(href);
  }
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(m[0], 'src');
    if (src) js.add(src);
  }
  return { css: [...css], js: [...js] };
}

/** HTML, CSS and JS of one page on the wire, per encoding. */
export async function documentWeight(origin: string, path: string): Promise<DocumentWeight> {
  const out: DocumentWeight = { html: zero(), css: zero(), js: zero(), total: zero(), assets: [] };
  for (const [key, accept] of [
    ['br', 'br, gzip'],
    ['gzip', 'gzip'],
  ] as const) {
    const page = await fetchEncoded(new URL(path, origin).href, accept);
    out.html[key] = page.bytes;
    const { css, js } = referencedAssets(page.text);
    for (const [kind, urls] of [
      ['css', css],
      ['js', js],
    ] as const) {
      for (const u of urls) {
        out[kind][key] += (await fetchEncoded(new URL(u, new URL(path, origin)).href, accept)).bytes;
        if (key === 'br') out.assets.push(u);
      }
    }
    out.total[key] = out.html[key] + out.css[key] + out.js[key];
  }
  return out;
}

/** The script a font file serves, from its @fontsource subset name (`…-cyrillic-ext-400.<hash>.woff2`). */
export function fontScript(url: string): string {
  const subset = /(latin|cyrillic|arabic|greek|vietnamese|devanagari|hebrew)(?:-ext)?-\d{3}\.[0-9a-f]+\.woff2$/.exec(
    new URL(url).pathname,
  )?.[1];
  return subset ? subset[0]!.toUpperCase() + subset.slice(1) : 'other';
}

/** The fonts Chromium fetches to show the page (a fresh context: nothing cached), bytes per script. */
export async function fontWeight(browser: Browser, origin: string, path: string): Promise<Record<string, number>> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const fonts: Promise<[string, number]>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'font') fonts.push(request.sizes().then((s) => [fontScript(request.url()), s.responseBodySize]));
  });
  try {
    await page.goto(new URL(path, origin).href, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForLoadState('networkidle');
    const out: Record<string, number> = {};
    for (const [script, bytes] of await Promise.all(fonts)) out[script] = (out[script] ?? 0) + bytes;
    return out;
  } finally {
    await context.close();
  }
}

const blockCount = (body: string): number => {
  const parsed = JSON.parse(body) as unknown;
  if (Array.isArray(parsed)) return parsed.length;
  const blocks = (parsed as { blocks?: unknown[] } | null)?.blocks;
  return Array.isArray(blocks) ? blocks.length : 0;
};

export interface WeightPage {
  edition: EditionCode;
  kind: 'home' | 'article (demo, most blocks)' | 'article (generated)';
  path: string;
}

/**
 * The pages to weigh in each edition: the home, the published demo article with the most blocks
 * (ids below `firstGeneratedId`), and a generated article (ids from it) when there are some. A
 * derived edition shows its source edition's articles under the same slug.
 */
export async function weightPages(
  db: Db,
  editions: readonly EditionCode[],
  firstGeneratedId = Number.MAX_SAFE_INTEGER,
): Promise<WeightPage[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'edition', 'slug', 'public_id', 'body'])
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  const demo = new Map<string, { slug: string; public_id: string; blocks: number }>();
  const generated = new Map<string, { slug: string; public_id: string }>();
  for (const r of rows) {
    if (r.id >= firstGeneratedId) {
      if (!generated.has(r.edition)) generated.set(r.edition, r);
      continue;
    }
    const blocks = blockCount(r.body);
    if ((demo.get(r.edition)?.blocks ?? -1) < blocks) demo.set(r.edition, { slug: r.slug, public_id: r.public_id, blocks });
  }
  const out: WeightPage[] = [];
  for (const edition of editions) {
    const e = EDITIONS[edition];
    const written: WrittenEditionCode = e.kind === 'derived' ? e.source : e.code;
    out.push({ edition, kind: 'home', path: `/${edition}/` });
    const d = demo.get(written);
    if (d) out.push({ edition, kind: 'article (demo, most blocks)', path: paths.article(edition, d.slug, d.public_id) });
    const g = generated.get(written);
    if (g) out.push({ edition, kind: 'article (generated)', path: paths.article(edition, g.slug, g.public_id) });
  }
  return out;
}

export interface WeightRow extends WeightPage {
  document: DocumentWeight;
  fonts: Record<string, number>;
  /** Over a budget: what and by how much. */
  over: string[];
}

export function overBudget(page: WeightPage, document: DocumentWeight, fonts: Record<string, number>): string[] {
  const over: string[] = [];
  if (page.kind !== 'home' && document.total.br > DOCUMENT_BUDGET)
    over.push(`HTML + CSS + JS ${kb(document.total.br)} KB > ${kb(DOCUMENT_BUDGET)} KB`);
  for (const [script, bytes] of Object.entries(fonts))
    if (bytes > FONT_BUDGET) over.push(`${script} fonts ${kb(bytes)} KB > ${kb(FONT_BUDGET)} KB`);
  return over;
}

export async function measureWeight(browser: Browser, origin: string, pages: readonly WeightPage[]): Promise<WeightRow[]> {
  const rows: WeightRow[] = [];
  for (const p of pages) {
    const document = await documentWeight(origin, p.path);
    const fonts = await fontWeight(browser, origin, p.path);
    rows.push({ ...p, document, fonts, over: overBudget(p, document, fonts) });
  }
  return rows;
}

const kb = (bytes: number) => (bytes / KB).toFixed(1);

/** The table as Markdown; true when every page is within its budgets. */
export function printWeight(rows: readonly WeightRow[]): boolean {
  console.log(
    `\n### Page weight (KB on the wire: brotli as sent for \`Accept-Encoding: br, gzip\`, gzip in brackets; budgets: article HTML + CSS + JS ≤ ${kb(DOCUMENT_BUDGET)} KB, fonts ≤ ${kb(FONT_BUDGET)} KB per script)\n`,
  );
  console.log('| edition | page | HTML | CSS | JS | HTML + CSS + JS | fonts per script (Chromium) | |');
  console.log('|---|---|---|---|---|---|---|---|');
  const cell = (w: Wire) => `${kb(w.br)} (${kb(w.gzip)})`;
  for (const r of rows) {
    const fonts = Object.entries(r.fonts)
      .sort((a, b) => b[1] - a[1])
      .map(([s, b]) => `${s} ${kb(b)}`)
      .join(', ');
    console.log(
      `| ${r.edition} | ${r.kind} | ${cell(r.document.html)} | ${cell(r.document.css)} | ${cell(r.document.js)} | ${cell(r.document.total)} | ${fonts || '–'} | ${r.over.length ? `✗ ${r.over.join('; ')}` : '✓'} |`,
    );
  }
  const over = rows.filter((r) => r.over.length > 0);
  console.log(
    over.length === 0
      ? `\npage weight: ✓ every page within budget (${rows.length} pages)`
      : `\npage weight: ✗ ${over.length} of ${rows.length} pages over budget: ${over.map((r) => `${r.edition} ${r.kind}`).join(', ')}`,
  );
  return over.length === 0;
}

/** Serves the seeded database (`env`), weighs every edition's pages in Chromium, prints the table. */
export async function benchWeight(env: Record<string, string>, firstGeneratedId: number): Promise<{ rows: WeightRow[]; ok: boolean }> {
  // Imported here: bench/lib.ts pins the process to a core when loaded (the e2e test imports this file).
  const { startServer, stop } = await import('./lib.ts');
  const handle = connect(env['DATABASE_URL']!);
  let pages: WeightPage[];
  try {
    pages = await weightPages(handle.db, WEIGHT_EDITIONS, firstGeneratedId);
  } finally {
    await handle.close();
  }
  const server = await startServer(env);
  const browser = await launchChromium();
  try {
    const rows = await measureWeight(browser, server.origin, pages);
    return { rows, ok: printWeight(rows) };
  } finally {
    await browser.close();
    await stop(server);
  }
}
