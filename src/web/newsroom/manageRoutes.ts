// Management routes: sections, tags, authors, users and the audit log. The schemas are the
// contract's (src/contracts/newsroom/manage.ts); ManageService and UserAdminService authorize.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { manageRoutes as api } from '../../contracts/newsroom/manage.ts';
import { currentUser, type NewsroomRouteOptions } from './context.ts';

export async function manageRoutes(base: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = opts;
  const { manage, userAdmin } = services;
  const config = { access: 'session' } as const;

  app.get(api.sections.url, { config, schema: api.sections.schema }, async () => ({ items: await manage.sections() }));
  app.post(api.createSection.url, { config, schema: api.createSection.schema }, async (request, reply) =>
    reply.code(201).send(await manage.createSection(currentUser(request), request.body)),
  );
  app.patch(api.renameSection.url, { config, schema: api.renameSection.schema }, async (request) =>
    manage.renameSection(currentUser(request), request.params.id, request.body.names),
  );
  app.put(api.orderSections.url, { config, schema: api.orderSections.schema }, async (request, reply) => {
    await manage.orderSections(currentUser(request), request.body.ids);
    return reply.code(204).send(null);
  });

  app.get(api.tags.url, { config, schema: api.tags.schema }, async (request) => ({
    items: await manage.tags({ ...request.query, limit: request.query.limit ?? 50 }),
  }));
  app.post(api.createTag.url, { config, schema: api.createTag.schema }, async (request, reply) =>
    reply.code(201).send(await manage.createTag(currentUser(request), request.body.names)),
  );
  app.patch(api.renameTag.url, { config, schema: api.renameTag.schema }, async (request) =>
    manage.renameTag(currentUser(request), request.params.id, request.body.names),
  );
  app.post(api.mergeTag.url, { config, schema: api.mergeTag.schema }, async (request) =>
    manage.mergeTag(currentUser(request), request.params.id, request.body.into),
  );

  app.get(api.authors.url, { config, schema: api.authors.schema }, async () => ({ items: await manage.authors() }));
  app.post(api.createAuthor.url, { config, schema: api.createAuthor.schema }, async (request, reply) =>
    reply.code(201).send(await manage.saveAuthor(currentUser(request), null, request.body)),
  );
  app.patch(api.editAuthor.url, { config, schema: api.editAuthor.schema }, async (request) =>
    manage.saveAuthor(currentUser(request), request.params.id, request.body),
  );

  app.get(api.users.url, { config, schema: api.users.schema }, async (request) => ({ items: await userAdmin.users(currentUser(request)) }));
  app.post(api.createUser.url, { config, schema: api.createUser.schema }, async (request, reply) =>
    reply.code(201).send(await userAdmin.createUser(currentUser(request), request.body)),
  );
  app.patch(api.updateUser.url, { config, schema: api.updateUser.schema }, async (request) =>
    userAdmin.updateUser(currentUser(request), request.params.id, request.body),
  );

  app.get(api.audit.url, { config, schema: api.audit.schema }, async (request) => ({
    items: await userAdmin.audit(currentUser(request), request.query),
  }));
}
