// The reader site's static assets, served under content-hashed names so they can be cached for a year.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';

export interface Asset {
  readonly url: string;
  readonly type: string;
  readonly body: Buffer;
  readonly gzip: Buffer;
  readonly br: Buffer;
}

function load(file: string, name: string, ext: string, type: string): Asset {
  const body = readFileSync(new URL(`./assets/${file}`, import.meta.url));
  const hash = createHash('sha1').update(body).digest('hex').slice(0, 10);
  return { url: `/assets/${name}.${hash}.${ext}`, type, body, gzip: gzipSync(body, { level: 9 }), br: brotliCompressSync(body) };
}

export function loadSiteAssets(): { css: Asset; script: Asset } {
  return {
    css: load('site.css', 'site', 'css', 'text/css; charset=utf-8'),
    script: load('site.js', 'site', 'js', 'text/javascript; charset=utf-8'),
  };
}
