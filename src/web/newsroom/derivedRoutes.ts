// The derived scripts for the editor: live conversion with unsure words, per-field overrides of a
// derived article, and the shared lexicon. Handlers validate by schema and call one service, which
// authorizes.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { NewsroomDerived } from '../../services/newsroom/derived.ts';
import { NewsroomLexicon } from '../../services/newsroom/lexicon.ts';
import { currentUser, type NewsroomRouteOptions } from './context.ts';
import { SCRIPT_SOURCES } from '../../editions/editions.ts';

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Convert = Type.Object({
  edition: Type.Union(SCRIPT_SOURCES.map((e) => Type.Literal(e))),
  articleId: Type.Optional(Type.Integer({ minimum: 1 })),
  headline: Type.String({ maxLength: 300 }),
  lead: Type.String({ maxLength: 1000 }),
  body: Type.Unknown({ description: 'The body as blocks (docs/body-schema.md)' }),
}, { additionalProperties: false });
const OverrideParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  edition: Type.String({ maxLength: 10, description: 'A derived edition of the article\'s edition: qz or tote for kz, uz-latn for uz' }),
  field: Type.String({ maxLength: 20, description: 'headline, lead, sourceLine, seoTitle, seoDescription or body' }),
});
const OverrideBody = Type.Object({
  value: Type.Union([Type.String({ maxLength: 500_000 }), Type.Object({}, { additionalProperties: true })], { description: 'The text; for body, the blocks' }),
}, { additionalProperties: false });
const LexiconQuery = Type.Object({ scheme: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false });
const Word = Type.Object({
  scheme: Type.String({ maxLength: 40 }),
  word: Type.String({ minLength: 1, maxLength: 100 }),
  spelling: Type.String({ minLength: 1, maxLength: 100 }),
}, { additionalProperties: false });

export async function derivedRoutes(app: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const { services } = opts;
  const db = services.handle.db;
  const derived = new NewsroomDerived({
    db, articles: services.newsroomArticles, texts: services.texts, clock: services.clock, invalidate: (tags) => services.invalidate(tags),
  });
  const lexicon = new NewsroomLexicon({ db, clock: services.clock, reloadLexicon: (drop) => services.reloadLexicon(drop) });
  const config = { access: 'session' } as const;
  // A long article's body in blocks, with room to spare; larger is 413.
  const bodyLimit = 4 * 1024 * 1024;

  app.post<{ Body: Static<typeof Convert> }>('/convert', {
    config, bodyLimit, schema: { summary: 'The derived scripts of a kz or uz text, with the words the converter is unsure of', body: Convert },
  }, async (request) => {
    const { articleId, ...text } = request.body;
    return derived.convert(currentUser(request), { ...text, ...(articleId !== undefined ? { articleId } : {}) });
  });

  app.get<{ Params: Static<typeof Id> }>('/articles/:id/overrides', {
    config, schema: { summary: 'The per-field overrides of the article\'s derived editions', params: Id },
  }, async (request) => derived.overrides(currentUser(request), request.params.id));

  app.put<{ Params: Static<typeof OverrideParams>; Body: Static<typeof OverrideBody> }>('/articles/:id/overrides/:edition/:field', {
    config, bodyLimit, schema: { summary: 'Override one field of a derived edition (the body as blocks)', params: OverrideParams, body: OverrideBody },
  }, async (request, reply) => {
    const { id, edition, field } = request.params;
    await derived.setOverride(currentUser(request), id, edition, field, request.body.value);
    return reply.code(204).send();
  });

  app.delete<{ Params: Static<typeof OverrideParams> }>('/articles/:id/overrides/:edition/:field', {
    config, schema: { summary: 'Back to the converter for that field', params: OverrideParams },
  }, async (request, reply) => {
    const { id, edition, field } = request.params;
    await derived.removeOverride(currentUser(request), id, edition, field);
    return reply.code(204).send();
  });

  app.get<{ Querystring: Static<typeof LexiconQuery> }>('/lexicon', {
    config, schema: { summary: 'The shared lexicon of spellings the rules cannot know', querystring: LexiconQuery },
  }, async (request) => lexicon.list(request.query.scheme));

  app.post<{ Body: Static<typeof Word> }>('/lexicon', {
    config, schema: { summary: 'Add or change a word (the derived pages change at once)', body: Word },
  }, async (request, reply) => reply.code(201).send(await lexicon.add(currentUser(request), request.body)));

  app.delete<{ Params: Static<typeof Id> }>('/lexicon/:id', {
    config, schema: { summary: 'Remove a word (the derived pages change at once)', params: Id },
  }, async (request, reply) => {
    await lexicon.remove(currentUser(request), request.params.id);
    return reply.code(204).send();
  });
}
