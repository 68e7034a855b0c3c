// Translations and the story view, and presence (who else has an article open). The schemas are the
// contract's (src/contracts/newsroom/stories.ts); each service authorizes.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { storyRoutes as api } from '../../contracts/newsroom/stories.ts';
import { currentUser, type NewsroomRouteOptions } from './context.ts';

export async function storyRoutes(base: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = opts;
  const { translations, presence } = services;
  const config = { access: 'session' } as const;

  app.post(api.translate.url, { config, schema: api.translate.schema }, async (request, reply) =>
    reply.code(201).send(await translations.translate(currentUser(request), request.params.id, request.body.edition)),
  );

  app.get(api.story.url, { config, schema: api.story.schema }, async (request) =>
    translations.story(currentUser(request), request.params.id),
  );

  app.post(api.heartbeat.url, { config, schema: api.heartbeat.schema }, async (request) =>
    presence.heartbeat(currentUser(request), request.params.id),
  );

  app.delete(api.leave.url, { config, schema: api.leave.schema }, async (request, reply) => {
    await presence.leave(currentUser(request), request.params.id);
    return reply.code(204).send(null);
  });
}
