// Translations and the story view, and presence (who else has an article open). Handlers validate
// by schema and call one service, which authorizes.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { WRITTEN_EDITIONS } from '../../editions/editions.ts';
import { NewsroomTranslations } from '../../services/newsroom/translations.ts';
import { NewsroomPresence } from '../../services/newsroom/presence.ts';
import { currentUser, type NewsroomRouteOptions } from './context.ts';

const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Translate = Type.Object({ edition: Type.Union(WRITTEN_EDITIONS.map((e) => Type.Literal(e))) }, { additionalProperties: false });

export async function storyRoutes(app: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const { services } = opts;
  const db = services.handle.db;
  const translations = new NewsroomTranslations({ db, articles: services.newsroomArticles });
  const presence = new NewsroomPresence({ db, articles: services.newsroomArticles, clock: services.clock });
  const config = { access: 'session' } as const;

  app.post<{ Params: Static<typeof Id>; Body: Static<typeof Translate> }>('/articles/:id/translations', {
    config, schema: { summary: 'Start a translation: a linked draft of the same story in another written edition', params: Id, body: Translate },
  }, async (request, reply) => reply.code(201).send(await translations.translate(currentUser(request), request.params.id, request.body.edition)));

  app.get<{ Params: Static<typeof Id> }>('/stories/:id', {
    config, schema: { summary: 'Every written edition of a story, with its article and state', params: Id },
  }, async (request) => translations.story(currentUser(request), request.params.id));

  app.post<{ Params: Static<typeof Id> }>('/articles/:id/presence', {
    config, schema: { summary: 'Heartbeat (every 15 s): I have this article open; who else has it', params: Id },
  }, async (request) => presence.heartbeat(currentUser(request), request.params.id));

  app.delete<{ Params: Static<typeof Id> }>('/articles/:id/presence', {
    config, schema: { summary: 'I closed the article', params: Id },
  }, async (request, reply) => {
    await presence.leave(currentUser(request), request.params.id);
    return reply.code(204).send();
  });
}
