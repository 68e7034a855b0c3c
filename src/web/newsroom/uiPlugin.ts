// The newsroom's web app at /newsroom/: an HTML shell for every app path and the bundle, served
// under a content hash as immutable. The bundle is loaded on the first request (never at boot: most
// processes and test suites never open the newsroom): from dist/public/newsroom/ when the server
// runs built (`npm run build`), else bundled in memory by esbuild from src/newsroom-ui/ (running
// from the TypeScript sources under tsx, as the tests do).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Services } from '../../services/container.ts';
import { EDITIONS, UI_LANGS } from '../../editions/editions.ts';
import { negotiateEdition } from '../../editions/acceptLanguage.ts';
import { buildNewsroomBundle, readNewsroomBundle, type NewsroomBundle } from './newsroomBundle.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Where `npm run build` puts the bundle: dist/public/newsroom/ beside dist/web/newsroom/ (this file, built). */
const BUILT = path.resolve(HERE, '../../public/newsroom');
/** The app's sources, bundled in memory when this file runs from src/ (under tsx) and there is no build beside it. */
const ENTRY = path.resolve(HERE, '../../newsroom-ui/main.tsx');

let loading: Promise<NewsroomBundle> | null = null;

/**
 * The bundle, once per process: read from the build when the server runs from dist/, else built in
 * memory by esbuild (a failed build is retried on the next request).
 */
export function newsroomBundle(): Promise<NewsroomBundle> {
  loading ??= (async () => readNewsroomBundle(BUILT) ?? buildNewsroomBundle(ENTRY))().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

const NOSCRIPT: Record<string, string> = {
  kk: 'Редакция жұмыс істеуі үшін браузерде JavaScript қосулы болуы керек.',
  ru: 'Для работы редакции в браузере должен быть включён JavaScript.',
  en: 'The newsroom needs JavaScript turned on in the browser.',
};
const TITLES: Record<string, string> = { kk: 'Habarshy редакциясы', ru: 'Редакция Habarshy', en: 'Habarshy newsroom' };

function languageOf(request: FastifyRequest): string {
  return EDITIONS[negotiateEdition(request.headers['accept-language'], UI_LANGS) ?? 'en'].language;
}

export async function newsroomUi(app: FastifyInstance, _opts: { services: Services }): Promise<void> {
  const shell = async (request: FastifyRequest, reply: FastifyReply) => {
    const bundle = await newsroomBundle();
    const lang = languageOf(request);
    const html =
      `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<meta name="robots" content="noindex"><link rel="icon" href="data:,"><title>${TITLES[lang]}</title><link rel="stylesheet" href="/newsroom/assets/${bundle.css.name}">` +
      `<script type="module" src="/newsroom/assets/${bundle.js.name}"></script></head>` +
      `<body><div id="app"></div><noscript><p>${NOSCRIPT[lang]}</p></noscript></body></html>`;
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-robots-tag', 'noindex')
      .header('vary', 'Accept-Language')
      .send(html);
  };
  app.get('/', shell);
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get('/*', { schema: { params: Type.Object({ '*': Type.String() }) } }, async (request, reply) => {
    const rest = request.params['*'];
    if (rest.startsWith('assets/')) {
      const bundle = await newsroomBundle();
      const name = rest.slice('assets/'.length);
      const file =
        name === bundle.js.name
          ? { ...bundle.js, type: 'text/javascript; charset=utf-8' }
          : name === bundle.css.name
            ? { ...bundle.css, type: 'text/css; charset=utf-8' }
            : null;
      if (!file) return reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('Not found');
      reply
        .header('content-type', file.type)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('vary', 'Accept-Encoding');
      const accepted = String(request.headers['accept-encoding'] ?? '');
      if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(file.br);
      if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(file.gzip);
      return reply.send(file.body);
    }
    return shell(request, reply);
  });
}
