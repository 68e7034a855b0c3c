// An edition's home page and its lists: latest, most popular, a tag, an author, a day, a section.
import { MAX_PAGE } from '../../../services/reader.ts';
import { paths } from '../../../services/urls.ts';
import { HomeView } from '../views/HomeView.tsx';
import { ListView } from '../views/ListView.tsx';
import { ArchiveView } from '../views/ArchiveView.tsx';
import { DayParams, EditionParams, PageQuery, pageNumber, SectionParams, SlugParams } from '../siteSchemas.ts';
import type { SiteApp, SiteContext } from '../siteContext.ts';

export function listRoutes(app: SiteApp, ctx: SiteContext): void {
  const { reader } = ctx;
  const paged = { params: EditionParams, querystring: PageQuery };

  app.get('/:edition/', { schema: { params: EditionParams } }, (request, reply) => {
    const home = paths.home(request.params.edition);
    if (request.url.split('?')[0] !== home) return reply.redirect(home, 301);
    return ctx.serve(
      request,
      reply,
      () => reader.home(request.params.edition),
      (p) => HomeView({ page: p }),
    );
  });

  app.get('/:edition/latest', { schema: paged }, (request, reply) => {
    const page = pageNumber(request.query.page);
    return ctx.serve(
      request,
      reply,
      () => reader.latest(request.params.edition, page),
      (p) => ListView({ page: p }),
      page,
    );
  });

  app.get('/:edition/popular', { schema: { params: EditionParams } }, (request, reply) =>
    ctx.serve(
      request,
      reply,
      () => reader.popular(request.params.edition),
      (p) => ListView({ page: p }),
    ),
  );

  app.get('/:edition/archive', { schema: { params: EditionParams } }, (request, reply) =>
    ctx.serve(
      request,
      reply,
      () => reader.archive(request.params.edition),
      (p) => ArchiveView({ page: p }),
    ),
  );

  app.get('/:edition/tag/:slug', { schema: { params: SlugParams, querystring: PageQuery } }, (request, reply) => {
    const { edition, slug } = request.params;
    const page = pageNumber(request.query.page);
    return ctx.serve(
      request,
      reply,
      () => reader.tag(edition, slug, page),
      (p) => ListView({ page: p }),
      page,
      () => reader.tagMovedTo(edition, slug),
    );
  });

  app.get('/:edition/author/:slug', { schema: { params: SlugParams, querystring: PageQuery } }, (request, reply) => {
    const { edition, slug } = request.params;
    const page = pageNumber(request.query.page);
    return ctx.serve(
      request,
      reply,
      () => reader.author(edition, slug, page),
      (p) => ListView({ page: p }),
      page,
    );
  });

  app.get(
    '/:edition/:year(^\\d{4}$)/:month(^\\d{2}$)/:day(^\\d{2}$)',
    { schema: { params: DayParams, querystring: PageQuery } },
    (request, reply) => {
      const { edition, year, month, day } = request.params;
      const page = pageNumber(request.query.page);
      return ctx.serve(
        request,
        reply,
        () => reader.day(edition, Number(year), Number(month), Number(day), page),
        (p) => ListView({ page: p }),
        page,
      );
    },
  );

  app.get('/:edition/:section/', { schema: { params: SectionParams, querystring: PageQuery } }, (request, reply) => {
    const { edition, section } = request.params;
    const page = pageNumber(request.query.page);
    if (page > MAX_PAGE) return ctx.sendError(request, reply, 'notFound');
    return ctx.serve(
      request,
      reply,
      () => reader.section(edition, section, page),
      (p) => ListView({ page: p }),
      page,
    );
  });

  app.get('/:edition/:section', { schema: { params: SectionParams } }, (request, reply) => {
    const q = request.url.indexOf('?');
    return reply.redirect(`${paths.section(request.params.edition, request.params.section)}${q >= 0 ? request.url.slice(q) : ''}`, 301);
  });
}
