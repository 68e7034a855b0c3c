// Analytics routes: the screen's overview and an article's own chart. The schemas are the
// contract's (src/contracts/newsroom/analytics.ts); NewsroomAnalytics authorizes.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { analyticsRoutes as api } from '../../contracts/newsroom/analytics.ts';
import { currentUser, type NewsroomRouteOptions } from './context.ts';

export async function analyticsRoutes(base: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { analytics } = opts.services;
  const config = { access: 'session' } as const;

  app.get(api.overview.url, { config, schema: api.overview.schema }, async (request) => analytics.overview(currentUser(request)));
  app.get(api.articleViews.url, { config, schema: api.articleViews.schema }, async (request) =>
    analytics.article(currentUser(request), request.params.id),
  );
}
