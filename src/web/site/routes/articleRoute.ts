// An article page: `/{edition}/news/{slug}-{id}`. An old slug redirects to the current one, an
// article of another edition to where it is shown.
import { splitSlugId } from '../../../content/ids.ts';
import { ArticleView } from '../views/ArticleView.tsx';
import { sendCached } from '../respond.ts';
import { PAGE_CACHE_CONTROL } from '../html.ts';
import { ArticleParams } from '../siteSchemas.ts';
import type { SiteApp, SiteContext } from '../siteContext.ts';

export function articleRoute(app: SiteApp, ctx: SiteContext): void {
  const { reader } = ctx;
  app.get('/:edition/news/:slugId', { schema: { params: ArticleParams } }, async (request, reply) => {
    const { edition } = request.params;
    const parts = splitSlugId(request.params.slugId);
    if (!parts) return ctx.sendError(request, reply, 'notFound');
    const escaped = ctx.escapedSpelling(request, reply);
    if (escaped) return escaped;
    const hit = ctx.cached(request, 1);
    if (hit) return sendCached(request, reply, hit);
    const result = await reader.article(edition, parts.publicId, parts.slug);
    if (!result) {
      const elsewhere = await reader.articleElsewhere(edition, parts.publicId);
      return elsewhere ? reply.redirect(elsewhere, 301) : ctx.sendError(request, reply, 'notFound');
    }
    if (result.kind === 'redirect') return reply.header('cache-control', PAGE_CACHE_CONTROL).redirect(result.location, 301);
    return ctx.serve(
      request,
      reply,
      () => result.data,
      (p) => ArticleView({ page: p }),
    );
  });
}
