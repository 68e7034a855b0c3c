// The agency's static pages: `/{edition}/page/{slug}` ("About", "Contacts", "Editorial staff",
// "Terms of reuse" and any other page the admins publish), cached like every page (tag `pages`).
import { StaticPageView } from '../views/StaticPageView.tsx';
import { SlugParams } from '../siteSchemas.ts';
import type { SiteApp, SiteContext } from '../siteContext.ts';

export function pageRoutes(app: SiteApp, ctx: SiteContext): void {
  const { reader } = ctx;
  app.get('/:edition/page/:slug', { schema: { params: SlugParams } }, (request, reply) =>
    ctx.serve(
      request,
      reply,
      () => reader.staticPage(request.params.edition, request.params.slug),
      (p) => StaticPageView({ page: p }),
    ),
  );
}
