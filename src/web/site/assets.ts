// The reader site's static assets, served under content-hashed names so they can be cached for a year.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { loadSiteFonts, type FontScript } from './fonts.ts';
import { loadSiteIcons, type SiteIcons } from './identity.ts';

export interface Asset {
  readonly url: string;
  readonly type: string;
  readonly body: Buffer;
  readonly gzip: Buffer;
  readonly br: Buffer;
}

function load(files: readonly string[], name: string, ext: string, type: string, prefix = ''): Asset {
  const body = Buffer.concat([Buffer.from(prefix), ...files.map((f) => readFileSync(new URL(`./assets/${f}`, import.meta.url)))]);
  const hash = createHash('sha1').update(body).digest('hex').slice(0, 10);
  return { url: `/assets/${name}.${hash}.${ext}`, type, body, gzip: gzipSync(body, { level: 9 }), br: brotliCompressSync(body) };
}

/** A font file: already compressed (WOFF2), so it is sent as it is. */
export interface FontAsset {
  readonly url: string;
  readonly body: Buffer;
}

export interface SiteAssets {
  readonly css: Asset;
  readonly script: Asset;
  /** Applies the reader's text size and light/dark choice before the first paint (a blocking, tiny script). */
  readonly prefs: Asset;
  readonly fonts: readonly FontAsset[];
  /** Per script of an edition: the font URLs its pages preload. */
  readonly preload: Readonly<Record<FontScript, readonly string[]>>;
  readonly icons: SiteIcons;
}

/** The style sheet (with the fonts' `@font-face` rules first), the script and the font files. */
export async function loadSiteAssets(): Promise<SiteAssets> {
  const [fonts, icons] = await Promise.all([loadSiteFonts(), loadSiteIcons()]);
  return {
    // home.css: the home, cards, most popular and lists (after site.css, whose rules it refines).
    css: load(['site.css', 'home.css'], 'site', 'css', 'text/css; charset=utf-8', fonts.css),
    script: load(['site.js'], 'site', 'js', 'text/javascript; charset=utf-8'),
    prefs: load(['prefs.js'], 'prefs', 'js', 'text/javascript; charset=utf-8'),
    fonts: fonts.files,
    preload: fonts.preload,
    icons,
  };
}
