// The derived scripts for the editor: live conversion with unsure words, per-field overrides of a
// derived article, and the shared lexicon. The schemas are the contract's
// (src/contracts/newsroom/derived.ts); each service authorizes.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { derivedRoutes as api } from '../../contracts/newsroom/derived.ts';
import { currentUser, type NewsroomRouteOptions } from './context.ts';

export async function derivedRoutes(base: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = opts;
  const { derived, lexicon } = services;
  const config = { access: 'session' } as const;
  // A long article's body in blocks, with room to spare; larger is 413.
  const bodyLimit = 4 * 1024 * 1024;

  app.post(api.convert.url, { config, bodyLimit, schema: api.convert.schema }, async (request) =>
    derived.convert(currentUser(request), request.body),
  );

  app.get(api.overrides.url, { config, schema: api.overrides.schema }, async (request) =>
    derived.overrides(currentUser(request), request.params.id),
  );

  app.put(api.setOverride.url, { config, bodyLimit, schema: api.setOverride.schema }, async (request, reply) => {
    const { id, edition, field } = request.params;
    await derived.setOverride(currentUser(request), id, edition, field, request.body.value);
    return reply.code(204).send(null);
  });

  app.delete(api.removeOverride.url, { config, schema: api.removeOverride.schema }, async (request, reply) => {
    const { id, edition, field } = request.params;
    await derived.removeOverride(currentUser(request), id, edition, field);
    return reply.code(204).send(null);
  });

  app.get(api.lexicon.url, { config, schema: api.lexicon.schema }, async (request) => lexicon.list(request.query.scheme));

  app.post(api.addWord.url, { config, schema: api.addWord.schema }, async (request, reply) =>
    reply.code(201).send(await lexicon.add(currentUser(request), request.body)),
  );

  app.delete(api.removeWord.url, { config, schema: api.removeWord.schema }, async (request, reply) => {
    await lexicon.remove(currentUser(request), request.params.id);
    return reply.code(204).send(null);
  });
}
