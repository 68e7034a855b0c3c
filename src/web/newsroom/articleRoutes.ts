// The newsroom's article routes: lists and dashboard, drafts, saves (409 on a stale revision),
// autosave, transitions, timeline, revisions, diff and restore. The schemas are the contract's
// (src/contracts/newsroom/articles.ts); NewsroomArticles authorizes every action.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { articleRoutes as api } from '../../contracts/newsroom/articles.ts';
import { currentUser, type NewsroomRouteOptions } from './context.ts';

export async function articleRoutes(base: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const articles = opts.services.newsroomArticles;
  const config = { access: 'session' } as const;
  // Article bodies may carry long texts and tables: more than the app's default 1 MB.
  const bodyLimit = 4 * 1024 * 1024;

  app.get(api.list.url, { config, schema: api.list.schema }, async (request) => articles.listQuery(currentUser(request), request.query));

  app.get(api.dashboard.url, { config, schema: api.dashboard.schema }, async (request) => articles.dashboard(currentUser(request)));

  app.post(api.create.url, { config, bodyLimit, schema: api.create.schema }, async (request, reply) =>
    reply.code(201).send(await articles.create(currentUser(request), request.body)),
  );

  app.get(api.get.url, { config, schema: api.get.schema }, async (request) => articles.get(currentUser(request), request.params.id));

  app.put(api.save.url, { config, bodyLimit, schema: api.save.schema }, async (request) =>
    articles.save(currentUser(request), request.params.id, request.body),
  );

  app.put(api.autosave.url, { config, bodyLimit, schema: api.autosave.schema }, async (request, reply) => {
    await articles.autosave(currentUser(request), request.params.id, request.body.baseRevision, request.body.data);
    return reply.code(204).send(null);
  });

  app.delete(api.remove.url, { config, schema: api.remove.schema }, async (request, reply) => {
    await articles.remove(currentUser(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.post(api.transition.url, { config, schema: api.transition.schema }, async (request) =>
    articles.transition(currentUser(request), request.params.id, request.body),
  );

  app.get(api.timeline.url, { config, schema: api.timeline.schema }, async (request) => ({
    items: await articles.timeline(currentUser(request), request.params.id),
  }));

  app.get(api.revisions.url, { config, schema: api.revisions.schema }, async (request) => ({
    items: await articles.revisions(currentUser(request), request.params.id),
  }));

  app.get(api.revision.url, { config, schema: api.revision.schema }, async (request) =>
    articles.revision(currentUser(request), request.params.id, request.params.n),
  );

  app.get(api.diff.url, { config, schema: api.diff.schema }, async (request) =>
    articles.diff(currentUser(request), request.params.id, request.query.from, request.query.to),
  );

  app.post(api.restore.url, { config, schema: api.restore.schema }, async (request) =>
    articles.restore(currentUser(request), request.params.id, request.params.n, request.body.revision),
  );
}
