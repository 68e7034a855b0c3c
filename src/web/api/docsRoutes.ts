// /api/docs: the readable reference, rendered once from the generated OpenAPI document.
import type { FastifyInstance } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { DocsView, DOCS_CSS, type OpenApiDoc } from './DocsView.tsx';
import { PAGE_CACHE_CONTROL } from '../site/html.ts';

export async function docsRoutes(app: FastifyInstance): Promise<void> {
  let html: string | null = null;
  const config = { access: 'public' } as const;
  const schema = { hide: true };

  app.get('/docs', { config, schema }, (_request, reply) => {
    html ??= `<!DOCTYPE html>${renderToString(DocsView({ doc: app.swagger() as unknown as OpenApiDoc, cssHref: '/api/docs.css', jsonHref: '/api/v1/openapi.json' }))}`;
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', PAGE_CACHE_CONTROL).send(html);
  });

  app.get('/docs.css', { config, schema }, (_request, reply) =>
    reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(DOCS_CSS),
  );
}
