// Translations and stories, presence, and the derived scripts (convert, overrides, lexicon).
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { StoriesService } from '../../services/newsroom/stories.ts';
import { currentUser, type NewsroomRouteOptions } from './context.ts';

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Translate = Type.Object({ edition: Type.String({ maxLength: 10 }) }, { additionalProperties: false });
const Convert = Type.Object({
  edition: Type.String({ maxLength: 10 }), articleId: Type.Optional(Type.Integer({ minimum: 1 })),
  headline: Type.String({ maxLength: 300 }), lead: Type.String({ maxLength: 1000 }), body: Type.Unknown(),
}, { additionalProperties: false });
const OverrideParams = Type.Object({ id: Type.Integer({ minimum: 1 }), edition: Type.String({ maxLength: 10 }), field: Type.String({ maxLength: 20 }) });
const OverrideBody = Type.Object({ value: Type.Union([Type.String({ maxLength: 500_000 }), Type.Object({}, { additionalProperties: true })]) }, { additionalProperties: false });
const LexiconQuery = Type.Object({ scheme: Type.Optional(Type.String({ maxLength: 30 })) }, { additionalProperties: false });
const Word = Type.Object({ scheme: Type.String({ maxLength: 30 }), word: Type.String({ maxLength: 100 }), spelling: Type.String({ maxLength: 100 }) }, { additionalProperties: false });

export async function storyRoutes(app: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const { services } = opts;
  const stories = new StoriesService({
    db: services.handle.db, articles: services.newsroomArticles, texts: services.texts, clock: services.clock,
    invalidate: (t) => services.invalidate(t), reloadLexicon: () => services.reloadLexicon(),
  });
  const config = { access: 'session' } as const;
  const bodyLimit = 4 * 1024 * 1024;

  app.post<{ Params: Static<typeof Id>; Body: Static<typeof Translate> }>('/articles/:id/translations', {
    config, schema: { summary: 'Start a translation: a linked draft of the same story in another written edition', params: Id, body: Translate },
  }, async (request, reply) => reply.code(201).send(await stories.translate(currentUser(request), request.params.id, request.body.edition)));

  app.get<{ Params: Static<typeof Id> }>('/stories/:id', {
    config, schema: { summary: 'Every written edition of a story, with its article and state', params: Id },
  }, async (request) => stories.story(currentUser(request), request.params.id));

  app.post<{ Params: Static<typeof Id> }>('/articles/:id/presence', {
    config, schema: { summary: 'Heartbeat (every 15 s): I have this article open; who else has it', params: Id },
  }, async (request) => stories.heartbeat(currentUser(request), request.params.id));

  app.delete<{ Params: Static<typeof Id> }>('/articles/:id/presence', {
    config, schema: { summary: 'I closed the article', params: Id },
  }, async (request, reply) => {
    await stories.leave(currentUser(request), request.params.id);
    return reply.code(204).send();
  });

  app.post<{ Body: Static<typeof Convert> }>('/convert', {
    config, bodyLimit, schema: { summary: 'The derived scripts of a kz or uz text, with the words the converter is unsure of', body: Convert },
  }, async (request) => {
    const { articleId, ...rest } = request.body;
    return stories.convert(currentUser(request), { ...rest, ...(articleId !== undefined ? { articleId } : {}) });
  });

  app.get<{ Params: Static<typeof Id> }>('/articles/:id/overrides', {
    config, schema: { summary: 'The per-field overrides of the article\'s derived editions', params: Id },
  }, async (request) => stories.overrides(currentUser(request), request.params.id));

  app.put<{ Params: Static<typeof OverrideParams>; Body: Static<typeof OverrideBody> }>('/articles/:id/overrides/:edition/:field', {
    config, bodyLimit, schema: { summary: 'Override one field of a derived edition (the body as blocks)', params: OverrideParams, body: OverrideBody },
  }, async (request, reply) => {
    const { id, edition, field } = request.params;
    const v = request.body.value;
    await stories.setOverride(currentUser(request), id, edition, field, typeof v === 'string' ? v : JSON.stringify(v));
    return reply.code(204).send();
  });

  app.delete<{ Params: Static<typeof OverrideParams> }>('/articles/:id/overrides/:edition/:field', {
    config, schema: { summary: 'Back to the converter for that field', params: OverrideParams },
  }, async (request, reply) => {
    const { id, edition, field } = request.params;
    await stories.setOverride(currentUser(request), id, edition, field, null);
    return reply.code(204).send();
  });

  app.get<{ Querystring: Static<typeof LexiconQuery> }>('/lexicon', {
    config, schema: { summary: 'The shared lexicon of spellings the rules cannot know', querystring: LexiconQuery },
  }, async (request) => stories.lexicon(request.query.scheme));

  app.post<{ Body: Static<typeof Word> }>('/lexicon', {
    config, schema: { summary: 'Add or change a word (the derived pages change at once)', body: Word },
  }, async (request, reply) => reply.code(201).send(await stories.addWord(currentUser(request), request.body)));

  app.delete<{ Params: Static<typeof Id> }>('/lexicon/:id', {
    config, schema: { summary: 'Remove a word', params: Id },
  }, async (request, reply) => {
    await stories.removeWord(currentUser(request), request.params.id);
    return reply.code(204).send();
  });
}
