// The newsroom's web app at /newsroom/: an HTML shell for every app path and the bundle, built
// in memory by esbuild from src/newsroom-ui/ on the first request (never at boot: most processes
// and test suites never open the newsroom) and served under a content hash as immutable.
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/container.ts';

const ENTRY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../newsroom-ui/main.tsx');

interface Asset {
  readonly name: string;
  readonly body: Buffer;
  /** Compressed once at build time: the bundle is large (TipTap) and served to every newsroom user. */
  readonly br: Buffer;
  readonly gzip: Buffer;
}

interface Bundle {
  readonly js: Asset;
  readonly css: Asset;
}

let building: Promise<Bundle> | null = null;

async function build(): Promise<Bundle> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [ENTRY], bundle: true, write: false, minify: true, format: 'esm', target: 'es2022', platform: 'browser',
    jsx: 'automatic', jsxImportSource: 'preact', outdir: '/newsroom-assets', entryNames: 'app', legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent',
  });
  const pick = (ext: string) => {
    const file = result.outputFiles.find((f) => f.path.endsWith(ext));
    if (!file) throw new Error(`the newsroom bundle has no ${ext} output`);
    const body = Buffer.from(file.contents);
    return {
      name: `app-${createHash('sha256').update(body).digest('hex').slice(0, 16)}${ext}`, body,
      br: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } }), gzip: gzipSync(body, { level: 9 }),
    };
  };
  return { js: pick('.js'), css: pick('.css') };
}

/** The bundle, built once per process (a failed build is retried on the next request). */
export function newsroomBundle(): Promise<Bundle> {
  building ??= build().catch((err: unknown) => {
    building = null;
    throw err;
  });
  return building;
}

const LANGS = { kz: 'kk', ru: 'ru', en: 'en' } as const;
const NOSCRIPT: Record<string, string> = {
  kk: 'Редакция жұмыс істеуі үшін браузерде JavaScript қосулы болуы керек.',
  ru: 'Для работы редакции в браузере должен быть включён JavaScript.',
  en: 'The newsroom needs JavaScript turned on in the browser.',
};
const TITLES: Record<string, string> = { kk: 'Habarshy редакциясы', ru: 'Редакция Habarshy', en: 'Habarshy newsroom' };

function languageOf(request: FastifyRequest): string {
  const header = String(request.headers['accept-language'] ?? '').toLowerCase();
  for (const part of header.split(',')) {
    const tag = part.trim().split(';')[0] ?? '';
    if (tag.startsWith('kk') || tag.startsWith('kz')) return LANGS.kz;
    if (tag.startsWith('ru')) return LANGS.ru;
    if (tag.startsWith('en')) return LANGS.en;
  }
  return LANGS.en;
}

export async function newsroomUi(app: FastifyInstance, _opts: { services: Services }): Promise<void> {
  const shell = async (request: FastifyRequest, reply: FastifyReply) => {
    const bundle = await newsroomBundle();
    const lang = languageOf(request);
    const html = `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
      + `<meta name="robots" content="noindex"><link rel="icon" href="data:,"><title>${TITLES[lang]}</title><link rel="stylesheet" href="/newsroom/assets/${bundle.css.name}">`
      + `<script type="module" src="/newsroom/assets/${bundle.js.name}"></script></head>`
      + `<body><div id="app"></div><noscript><p>${NOSCRIPT[lang]}</p></noscript></body></html>`;
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex').header('vary', 'Accept-Language').send(html);
  };
  app.get('/', shell);
  app.get('/*', async (request, reply) => {
    const rest = (request.params as { '*': string })['*'];
    if (rest.startsWith('assets/')) {
      const bundle = await newsroomBundle();
      const name = rest.slice('assets/'.length);
      const file = name === bundle.js.name ? { ...bundle.js, type: 'text/javascript; charset=utf-8' }
        : name === bundle.css.name ? { ...bundle.css, type: 'text/css; charset=utf-8' } : null;
      if (!file) return reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('Not found');
      reply.header('content-type', file.type).header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'Accept-Encoding');
      const accepted = String(request.headers['accept-encoding'] ?? '');
      if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(file.br);
      if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(file.gzip);
      return reply.send(file.body);
    }
    return shell(request, reply);
  });
}
