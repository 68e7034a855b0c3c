// The newsroom's static-page routes (admins): list, create, read, save (409 on a stale revision),
// publish, unpublish, revisions and restore. The schemas are the contract's
// (src/contracts/newsroom/pages.ts); NewsroomPages authorizes every action.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { pageRoutes as api } from '../../contracts/newsroom/pages.ts';
import { currentUser, type NewsroomRouteOptions } from './context.ts';

export async function pageRoutes(base: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const pages = opts.services.pages;
  const config = { access: 'session' } as const;
  const bodyLimit = 4 * 1024 * 1024;

  app.get(api.list.url, { config, schema: api.list.schema }, async (request) => ({ items: await pages.list(currentUser(request)) }));

  app.post(api.create.url, { config, bodyLimit, schema: api.create.schema }, async (request, reply) =>
    reply.code(201).send(await pages.create(currentUser(request), request.body)),
  );

  app.get(api.get.url, { config, schema: api.get.schema }, async (request) => pages.get(currentUser(request), request.params.id));

  app.put(api.save.url, { config, bodyLimit, schema: api.save.schema }, async (request) =>
    pages.save(currentUser(request), request.params.id, request.body),
  );

  app.post(api.publish.url, { config, schema: api.publish.schema }, async (request) =>
    pages.publish(currentUser(request), request.params.id, request.body.revision),
  );

  app.post(api.unpublish.url, { config, schema: api.unpublish.schema }, async (request) =>
    pages.unpublish(currentUser(request), request.params.id),
  );

  app.get(api.revisions.url, { config, schema: api.revisions.schema }, async (request) => ({
    items: await pages.revisions(currentUser(request), request.params.id),
  }));

  app.post(api.restore.url, { config, schema: api.restore.schema }, async (request) =>
    pages.restore(currentUser(request), request.params.id, request.params.n, request.body.baseRevision),
  );
}
