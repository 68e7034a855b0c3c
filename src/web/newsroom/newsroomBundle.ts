// The newsroom's web app as one JavaScript and one CSS file under content-hashed names, each with
// its brotli and gzip bodies. Built by esbuild from src/newsroom-ui/: ahead of time into
// dist/public/newsroom/ by `npm run build` (scripts/build.mjs calls writeNewsroomBundle), or in
// memory on the first /newsroom/ request when the server runs from its TypeScript sources (tests).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

export interface BundleAsset {
  readonly name: string;
  readonly body: Buffer;
  /** Compressed once at build time: the bundle is large (TipTap) and served to every newsroom user. */
  readonly br: Buffer;
  readonly gzip: Buffer;
}

export interface NewsroomBundle {
  readonly js: BundleAsset;
  readonly css: BundleAsset;
}

/** What `npm run build` writes beside the files: the hashed names the shell links to. */
export interface BundleManifest {
  readonly js: string;
  readonly css: string;
}

export const MANIFEST = 'manifest.json';

/** Bundles `entry` (src/newsroom-ui/main.tsx) with esbuild, a dev dependency loaded only here. */
export async function buildNewsroomBundle(entry: string, opts: { brotliQuality?: number } = {}): Promise<NewsroomBundle> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: '/newsroom-assets',
    entryNames: 'app',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const pick = (ext: string): BundleAsset => {
    const file = result.outputFiles.find((f) => f.path.endsWith(ext));
    if (!file) throw new Error(`the newsroom bundle has no ${ext} output`);
    const body = Buffer.from(file.contents);
    return {
      name: `app-${createHash('sha256').update(body).digest('hex').slice(0, 16)}${ext}`,
      body,
      br: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: opts.brotliQuality ?? 9 } }),
      gzip: gzipSync(body, { level: 9 }),
    };
  };
  return { js: pick('.js'), css: pick('.css') };
}

/** Builds the bundle into `dir`: each file, its .br and .gz, and the manifest. */
export async function writeNewsroomBundle(entry: string, dir: string): Promise<BundleManifest> {
  // The highest brotli quality: paid once per build, not per process.
  const bundle = await buildNewsroomBundle(entry, { brotliQuality: 11 });
  fs.mkdirSync(dir, { recursive: true });
  for (const asset of [bundle.js, bundle.css]) {
    fs.writeFileSync(path.join(dir, asset.name), asset.body);
    fs.writeFileSync(path.join(dir, `${asset.name}.br`), asset.br);
    fs.writeFileSync(path.join(dir, `${asset.name}.gz`), asset.gzip);
  }
  const manifest: BundleManifest = { js: bundle.js.name, css: bundle.css.name };
  fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The bundle `npm run build` wrote into `dir`, or null when there is none (running from sources). */
export function readNewsroomBundle(dir: string): NewsroomBundle | null {
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as BundleManifest;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const read = (name: string): BundleAsset => ({
    name,
    body: fs.readFileSync(path.join(dir, name)),
    br: fs.readFileSync(path.join(dir, `${name}.br`)),
    gzip: fs.readFileSync(path.join(dir, `${name}.gz`)),
  });
  return { js: read(manifest.js), css: read(manifest.css) };
}
