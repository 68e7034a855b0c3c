// The list's bulk actions (move section, unpublish, delete drafts). The schema is the contract's
// (src/contracts/newsroom/articles.ts); the service checks every article on its own and answers
// per article, so the status is 200 even when some were refused.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { articleRoutes as api } from '../../contracts/newsroom/articles.ts';
import { currentUser, type NewsroomRouteOptions } from './context.ts';

export async function bulkRoutes(base: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const articles = opts.services.newsroomArticles;
  app.post(api.bulk.url, { config: { access: 'session' }, schema: api.bulk.schema }, async (request) =>
    articles.bulk(currentUser(request), request.body),
  );
}
