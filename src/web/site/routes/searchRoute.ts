// Search: never in the page cache (every query would be a new entry, and anyone could push the
// real pages out of it with made-up queries); a short public max-age lets a CDN keep it per URL.
import { MAX_PAGE } from '../../../services/reader.ts';
import { normalizeQuery, SEARCH_MAX_LENGTH } from '../../../services/search.ts';
import { stripControlCharacters } from '../../../content/text.ts';
import { SearchView } from '../views/SearchView.tsx';
import { sendFresh } from '../respond.ts';
import { HTML, renderHtml } from '../html.ts';
import { EditionParams, pageNumber, SearchQuery } from '../siteSchemas.ts';
import type { SiteApp, SiteContext } from '../siteContext.ts';

const SEARCH_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=60';

export function searchRoute(app: SiteApp, ctx: SiteContext): void {
  app.get('/:edition/search', { schema: { params: EditionParams, querystring: SearchQuery } }, async (request, reply) => {
    const q = request.query;
    // Characters nobody types (NUL made PostgreSQL fail with a 500) are dropped: the reader gets
    // the results for what the query visibly says.
    const query = normalizeQuery(stripControlCharacters(q.q ?? ''));
    if (query.length > SEARCH_MAX_LENGTH) return ctx.sendError(request, reply, 'badRequest');
    const page = pageNumber(q.page);
    if (page > MAX_PAGE) return ctx.sendError(request, reply, 'notFound');
    const options = {
      query,
      page,
      order: q.order === 'newest' ? ('newest' as const) : ('relevance' as const),
      section: q.section || null,
      period: q.period || null,
    };
    const data = await ctx.reader.search(request.params.edition, options);
    if (!data) return ctx.sendError(request, reply, 'notFound');
    return sendFresh(request, reply, renderHtml(SearchView({ page: data })), 200, {
      'content-type': HTML,
      'cache-control': SEARCH_CACHE_CONTROL,
    });
  });
}
