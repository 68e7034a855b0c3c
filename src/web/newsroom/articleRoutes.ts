// The newsroom's article routes: lists and dashboard, drafts, saves (409 on a stale revision),
// autosave, transitions, timeline, revisions, diff and restore. Handlers validate by schema and
// call NewsroomArticles, which authorizes every action.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { currentUser, type NewsroomRouteOptions } from './context.ts';
import { WRITTEN_EDITIONS } from '../../editions/editions.ts';

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const IdRev = Type.Object({ id: Type.Integer({ minimum: 1 }), n: Type.Integer({ minimum: 1 }) });
const Ids = Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50 });
const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'scheduled', 'published', 'unpublished'] as const;
const Status = Type.Union(STATUSES.map((s) => Type.Literal(s)));
const Edition = Type.Union(WRITTEN_EDITIONS.map((e) => Type.Literal(e)));

const ListQuery = Type.Object({
  edition: Type.Optional(Edition),
  sectionId: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(Status),
  authorId: Type.Optional(Type.Integer({ minimum: 1 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  mine: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
}, { additionalProperties: false });

const Create = Type.Object({
  edition: Edition,
  sectionId: Type.Integer({ minimum: 1 }),
  headline: Type.Optional(Type.String({ maxLength: 300 })),
  lead: Type.Optional(Type.String({ maxLength: 1000 })),
  body: Type.Optional(Type.Unknown()),
  tagIds: Type.Optional(Ids),
  authorIds: Type.Optional(Ids),
}, { additionalProperties: false });

const Save = Type.Object({
  revision: Type.Integer({ minimum: 1 }),
  headline: Type.Optional(Type.String({ maxLength: 300 })),
  lead: Type.Optional(Type.String({ maxLength: 1000 })),
  body: Type.Optional(Type.Unknown()),
  sectionId: Type.Optional(Type.Integer({ minimum: 1 })),
  tagIds: Type.Optional(Ids),
  authorIds: Type.Optional(Ids),
  sourceLine: Type.Optional(Type.String({ maxLength: 300 })),
  slug: Type.Optional(Type.String({ maxLength: 80 })),
  seoTitle: Type.Optional(Type.String({ maxLength: 200 })),
  seoDescription: Type.Optional(Type.String({ maxLength: 400 })),
  breaking: Type.Optional(Type.Boolean()),
  pinned: Type.Optional(Type.Boolean()),
  heroAssetId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  correctionNote: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });

const Autosave = Type.Object({ baseRevision: Type.Integer({ minimum: 1 }), data: Type.Unknown() }, { additionalProperties: false });

const Move = Type.Object({
  action: Type.String({ maxLength: 20 }),
  revision: Type.Integer({ minimum: 1 }),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  at: Type.Optional(Type.String({ maxLength: 40 })),
  embargo: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

const DiffQuery = Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
const Restore = Type.Object({ revision: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export async function articleRoutes(app: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const articles = opts.services.newsroomArticles;
  const session = { access: 'session' } as const;
  // Article bodies may carry long texts and tables: more than the app's default 1 MB.
  const bodyLimit = 4 * 1024 * 1024;

  app.get<{ Querystring: Static<typeof ListQuery> }>('/articles', {
    config: session, schema: { summary: 'Articles in the user\'s desks, newest change first; filters and headline search', querystring: ListQuery },
  }, async (request) => {
    const user = currentUser(request);
    const q = request.query;
    return articles.list(user, {
      ...(q.edition ? { edition: q.edition } : {}), ...(q.sectionId ? { sectionId: q.sectionId } : {}),
      ...(q.status ? { statuses: [q.status] } : {}), ...(q.authorId ? { authorId: q.authorId } : {}),
      ...(q.q ? { q: q.q.trim() } : {}), ...(q.mine ? { createdBy: user.id } : {}), limit: q.limit ?? 50, offset: q.offset ?? 0,
    });
  });

  app.get('/dashboard', {
    config: session, schema: { summary: 'My drafts, waiting for review, scheduled, published today, most read today' },
  }, async (request) => articles.dashboard(currentUser(request)));

  app.post<{ Body: Static<typeof Create> }>('/articles', {
    config: session, bodyLimit, schema: { summary: 'Create a draft of a new story', body: Create },
  }, async (request, reply) => {
    const { tagIds, authorIds, ...rest } = request.body;
    const article = await articles.create(currentUser(request), { ...rest, ...(tagIds ? { tagIds } : {}), ...(authorIds ? { authorIds } : {}) });
    return reply.code(201).send(article);
  });

  app.get<{ Params: Static<typeof Id> }>('/articles/:id', {
    config: session, schema: { summary: 'One article, with what the caller may do and their autosave', params: Id },
  }, async (request) => articles.get(currentUser(request), request.params.id));

  app.put<{ Params: Static<typeof Id>; Body: Static<typeof Save> }>('/articles/:id', {
    config: session, bodyLimit, schema: { summary: 'Save (a new revision; a correction when published). 409 CONFLICT when saved on top of a newer revision', params: Id, body: Save },
  }, async (request) => articles.save(currentUser(request), request.params.id, request.body));

  app.put<{ Params: Static<typeof Id>; Body: Static<typeof Autosave> }>('/articles/:id/autosave', {
    config: session, bodyLimit, schema: { summary: 'Keep the caller\'s unsaved work (not a revision)', params: Id, body: Autosave },
  }, async (request, reply) => {
    await articles.autosave(currentUser(request), request.params.id, request.body.baseRevision, request.body.data);
    return reply.code(204).send();
  });

  app.delete<{ Params: Static<typeof Id> }>('/articles/:id', {
    config: session, schema: { summary: 'Delete an article that was never published', params: Id },
  }, async (request, reply) => {
    await articles.remove(currentUser(request), request.params.id);
    return reply.code(204).send();
  });

  app.post<{ Params: Static<typeof Id>; Body: Static<typeof Move> }>('/articles/:id/transitions', {
    config: session, schema: { summary: 'Move the article: submit, return, approve, schedule, unschedule, publish, unpublish', params: Id, body: Move },
  }, async (request) => {
    const { action, revision, comment, at, embargo } = request.body;
    return articles.transition(currentUser(request), request.params.id, {
      action, revision, ...(comment !== undefined ? { comment } : {}), ...(at !== undefined ? { at } : {}), ...(embargo !== undefined ? { embargo } : {}),
    });
  });

  app.get<{ Params: Static<typeof Id> }>('/articles/:id/timeline', {
    config: session, schema: { summary: 'Every transition: who, when, comment', params: Id },
  }, async (request) => ({ items: await articles.timeline(currentUser(request), request.params.id) }));

  app.get<{ Params: Static<typeof Id> }>('/articles/:id/revisions', {
    config: session, schema: { summary: 'Every saved revision, newest first', params: Id },
  }, async (request) => ({ items: await articles.revisions(currentUser(request), request.params.id) }));

  app.get<{ Params: Static<typeof IdRev> }>('/articles/:id/revisions/:n', {
    config: session, schema: { summary: 'One revision\'s content', params: IdRev },
  }, async (request) => articles.revision(currentUser(request), request.params.id, request.params.n));

  app.get<{ Params: Static<typeof Id>; Querystring: Static<typeof DiffQuery> }>('/articles/:id/diff', {
    config: session, schema: { summary: 'Word-level differences between two revisions', params: Id, querystring: DiffQuery },
  }, async (request) => articles.diff(currentUser(request), request.params.id, request.query.from, request.query.to));

  app.post<{ Params: Static<typeof IdRev>; Body: Static<typeof Restore> }>('/articles/:id/revisions/:n/restore', {
    config: session, schema: { summary: 'Save revision n\'s content as a new revision', params: IdRev, body: Restore },
  }, async (request) => articles.restore(currentUser(request), request.params.id, request.params.n, request.body.revision));
}
