// /newsroom/preview/{id}[?edition=qz|tote|uz-latn]: the reader's article page for an article in any
// state, for signed-in users who may open it — the preview is the reader page itself. Never cached,
// never indexed. A user who must change the password gets 403, as from the newsroom API.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import cookie from '@fastify/cookie';
import type { Services } from '../../services/container.ts';
import { EDITIONS, isEditionCode, type EditionCode } from '../../editions/editions.ts';
import { renderHtml } from '../site/sitePlugin.ts';
import { ArticleView } from '../site/views/ArticleView.tsx';
import { SESSION_COOKIE } from './context.ts';
import { toEnvelope } from '../plugins/errors.ts';

const PLAIN = 'text/plain; charset=utf-8';

/** The path's id and the derived edition asked for; both checked by the handler (404, as plain text). */
const PreviewRequest = {
  params: Type.Object({ id: Type.String() }),
  querystring: Type.Object({ edition: Type.Optional(Type.String()) }),
};

export async function previewRoutes(base: FastifyInstance, opts: { services: Services }): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { services } = opts;
  const auth = services.auth;
  await app.register(cookie);

  app.get('/:id', { schema: PreviewRequest }, async (request, reply) => {
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    const token = request.cookies[SESSION_COOKIE];
    const user = token ? await auth.authenticate(token) : null;
    if (!user) return reply.code(401).type(PLAIN).send('Sign in to the newsroom to preview articles.');
    // The same gate as the newsroom API: nothing but the password change until it is done.
    if (user.mustChangePassword) return reply.code(403).type(PLAIN).send('Change your password in the newsroom first.');
    const id = Number(request.params.id);
    if (!Number.isSafeInteger(id) || id < 1) return reply.code(404).type(PLAIN).send('Not found');
    let row;
    try {
      row = await services.newsroomArticles.readable(user, id);
    } catch (e) {
      const { status } = toEnvelope(e);
      if (status === 403 || status === 404)
        return reply
          .code(status)
          .type(PLAIN)
          .send(status === 403 ? 'Not allowed' : 'Not found');
      throw e;
    }
    const asked = request.query.edition;
    const code: EditionCode =
      asked &&
      isEditionCode(asked) &&
      (asked === row.edition || (EDITIONS[asked].kind === 'derived' && (EDITIONS[asked] as { source: string }).source === row.edition))
        ? asked
        : (row.edition as EditionCode);
    const result = await services.reader.article(code, row.public_id, row.slug, { preview: true });
    if (!result || result.kind !== 'page') return reply.code(404).type(PLAIN).send('Not found');
    // No beacon: a preview is not a reader's view (the page carries neither the script's article id nor the <noscript> image).
    const { beacon: _notCounted, ...page } = result.data;
    return reply.type('text/html; charset=utf-8').send(renderHtml(ArticleView({ page })));
  });
}
