// Management routes: sections, tags, authors, users and the audit log (docs/newsroom-api.md,
// "Management"). ManageService and UserAdminService authorize every change.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { currentUser, type NewsroomRouteOptions } from './context.ts';

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Name = Type.Object({ name: Type.String({ maxLength: 120 }), slug: Type.Optional(Type.String({ maxLength: 80 })) });
const SectionPatch = Type.Object({ names: Type.Record(Type.String(), Name) }, { additionalProperties: false });
const SectionIn = Type.Object({ key: Type.String({ maxLength: 40 }), names: Type.Record(Type.String(), Name) }, { additionalProperties: false });
const Order = Type.Object({ ids: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 200 }) }, { additionalProperties: false });
const TagQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  edition: Type.Optional(Type.String({ maxLength: 10 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
}, { additionalProperties: false });
const TagNames = Type.Object({ names: Type.Record(Type.String(), Type.Object({ name: Type.String({ maxLength: 80 }) })) }, { additionalProperties: false });
const Merge = Type.Object({ into: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
const AuthorIn = Type.Object({
  names: Type.Record(Type.String(), Type.Object({
    name: Type.String({ maxLength: 120 }), role: Type.Optional(Type.String({ maxLength: 120 })), bio: Type.Optional(Type.String({ maxLength: 2000 })),
  })),
  photoAssetId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
}, { additionalProperties: false });
const RoleT = Type.Union(['admin', 'chief', 'editor', 'journalist'].map((r) => Type.Literal(r)));
const Desks = Type.Array(Type.String({ maxLength: 10 }), { maxItems: 5 });
const UserIn = Type.Object({
  email: Type.String({ maxLength: 254 }), name: Type.String({ maxLength: 200 }), password: Type.String({ maxLength: 256 }),
  role: RoleT, desks: Type.Optional(Desks), uiLang: Type.Optional(Type.String({ maxLength: 2 })),
}, { additionalProperties: false });
const UserPatch = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 200 })), role: Type.Optional(RoleT), desks: Type.Optional(Desks),
  disabled: Type.Optional(Type.Boolean()), password: Type.Optional(Type.String({ maxLength: 256 })),
}, { additionalProperties: false });
const AuditQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), before: Type.Optional(Type.Integer({ minimum: 1 })),
  action: Type.Optional(Type.String({ maxLength: 50 })),
}, { additionalProperties: false });

export async function manageRoutes(app: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const { services } = opts;
  const { manage, userAdmin } = services;
  const config = { access: 'session' } as const;

  app.get('/sections', { config, schema: { summary: 'Sections with their names and slugs per edition, in menu order' } }, async () => ({ items: await manage.sections() }));
  app.post<{ Body: Static<typeof SectionIn> }>('/sections', {
    config, schema: { summary: 'Create a section at the end of the menu', body: SectionIn },
  }, async (request, reply) => reply.code(201).send(await manage.createSection(currentUser(request), request.body)));
  app.patch<{ Params: Static<typeof Id>; Body: Static<typeof SectionPatch> }>('/sections/:id', {
    config, schema: { summary: 'Rename a section in some editions', params: Id, body: SectionPatch },
  }, async (request) => manage.renameSection(currentUser(request), request.params.id, request.body.names));
  app.put<{ Body: Static<typeof Order> }>('/sections/order', {
    config, schema: { summary: 'Set the menu order (every section exactly once)', body: Order },
  }, async (request, reply) => {
    await manage.orderSections(currentUser(request), request.body.ids);
    return reply.code(204).send();
  });

  app.get<{ Querystring: Static<typeof TagQuery> }>('/tags', {
    config, schema: { summary: 'Tags, searched by name in any script', querystring: TagQuery },
  }, async (request) => ({ items: await manage.tags({ ...request.query, limit: request.query.limit ?? 50 }) }));
  app.post<{ Body: Static<typeof TagNames> }>('/tags', {
    config, schema: { summary: 'Create a tag (any writer may, while writing)', body: TagNames },
  }, async (request, reply) => reply.code(201).send(await manage.createTag(currentUser(request), request.body.names)));
  app.patch<{ Params: Static<typeof Id>; Body: Static<typeof TagNames> }>('/tags/:id', {
    config, schema: { summary: 'Rename a tag (its old pages redirect)', params: Id, body: TagNames },
  }, async (request) => manage.renameTag(currentUser(request), request.params.id, request.body.names));
  app.post<{ Params: Static<typeof Id>; Body: Static<typeof Merge> }>('/tags/:id/merge', {
    config, schema: { summary: 'Merge this tag into another: its articles move, its pages redirect', params: Id, body: Merge },
  }, async (request) => manage.mergeTag(currentUser(request), request.params.id, request.body.into));

  app.get('/authors', { config, schema: { summary: 'Authors with names, roles and bios per edition' } }, async () => ({ items: await manage.authors() }));
  app.post<{ Body: Static<typeof AuthorIn> }>('/authors', {
    config, schema: { summary: 'Create an author', body: AuthorIn },
  }, async (request, reply) => reply.code(201).send(await manage.saveAuthor(currentUser(request), null, request.body)));
  app.patch<{ Params: Static<typeof Id>; Body: Static<typeof AuthorIn> }>('/authors/:id', {
    config, schema: { summary: 'Edit an author', params: Id, body: AuthorIn },
  }, async (request) => manage.saveAuthor(currentUser(request), request.params.id, request.body));

  app.get('/users', { config, schema: { summary: 'Users (admin)' } }, async (request) => ({ items: await userAdmin.users(currentUser(request)) }));
  app.post<{ Body: Static<typeof UserIn> }>('/users', {
    config, schema: { summary: 'Create a user (admin); they change the password at first login', body: UserIn },
  }, async (request, reply) => reply.code(201).send(await userAdmin.createUser(currentUser(request), request.body)));
  app.patch<{ Params: Static<typeof Id>; Body: Static<typeof UserPatch> }>('/users/:id', {
    config, schema: { summary: 'Change a user\'s name, role, desks; disable; reset the password (admin; audited)', params: Id, body: UserPatch },
  }, async (request) => userAdmin.updateUser(currentUser(request), request.params.id, request.body));

  app.get<{ Querystring: Static<typeof AuditQuery> }>('/audit', {
    config, schema: { summary: 'The audit log, newest first', querystring: AuditQuery },
  }, async (request) => {
    const q = request.query;
    return { items: await userAdmin.audit(currentUser(request), { limit: q.limit ?? 100, ...(q.before ? { before: q.before } : {}), ...(q.action ? { action: q.action } : {}) }) };
  });
}
