// Work among people: colleagues, assignments ("My work"), notifications and article comments. The
// schemas are the contract's (src/contracts/newsroom/people.ts); each service authorizes.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { peopleRoutes as api } from '../../contracts/newsroom/people.ts';
import { currentUser, type NewsroomRouteOptions } from './context.ts';

export async function peopleRoutes(base: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { assignments, notifications, comments } = opts.services;
  const config = { access: 'session' } as const;

  app.get(api.people.url, { config, schema: api.people.schema }, async () => assignments.people());

  app.get(api.assignments.url, { config, schema: api.assignments.schema }, async (request) =>
    assignments.list(currentUser(request), request.query.scope),
  );

  app.post(api.assign.url, { config, schema: api.assign.schema }, async (request, reply) =>
    reply.code(201).send(await assignments.assign(currentUser(request), request.body)),
  );

  app.patch(api.changeAssignment.url, { config, schema: api.changeAssignment.schema }, async (request) =>
    assignments.change(currentUser(request), request.params.id, request.body.status),
  );

  app.post(api.startDraft.url, { config, schema: api.startDraft.schema }, async (request, reply) =>
    reply.code(201).send(await assignments.startDraft(currentUser(request), request.params.id)),
  );

  app.get(api.notifications.url, { config, schema: api.notifications.schema }, async (request) => notifications.list(currentUser(request)));

  app.get(api.unread.url, { config, schema: api.unread.schema }, async (request) => notifications.unread(currentUser(request)));

  app.post(api.read.url, { config, schema: api.read.schema }, async (request) =>
    notifications.read(currentUser(request), request.params.id),
  );

  app.post(api.readAll.url, { config, schema: api.readAll.schema }, async (request) => notifications.readAll(currentUser(request)));

  app.get(api.comments.url, { config, schema: api.comments.schema }, async (request) =>
    comments.list(currentUser(request), request.params.id),
  );

  app.post(api.comment.url, { config, schema: api.comment.schema }, async (request, reply) =>
    reply.code(201).send(await comments.add(currentUser(request), request.params.id, request.body)),
  );

  app.put(api.editComment.url, { config, schema: api.editComment.schema }, async (request) =>
    comments.edit(currentUser(request), request.params.id, request.body.body),
  );

  app.delete(api.deleteComment.url, { config, schema: api.deleteComment.schema }, async (request, reply) => {
    await comments.remove(currentUser(request), request.params.id);
    return reply.code(204).send(null);
  });
}
