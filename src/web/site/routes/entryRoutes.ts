// Ways in: `/` leads to the reader's edition, `/{edition}` to its home page.
import { paths } from '../../../services/urls.ts';
import { hostOf } from '../fastPath.ts';
import { EditionParams } from '../siteSchemas.ts';
import type { SiteApp, SiteContext } from '../siteContext.ts';

export function entryRoutes(app: SiteApp, ctx: SiteContext, fromProxy: (address: string | undefined) => boolean): void {
  const hosts = ctx.reader.hosts;

  app.get('/', (request, reply) => {
    // An edition's own host leads to that edition's home, whatever the reader's preference.
    const hostEdition = hosts.editionForHost(hostOf(request.raw, fromProxy));
    if (hostEdition) {
      reply.header('cache-control', 'public, max-age=300');
      return reply.redirect(paths.home(hostEdition), 302);
    }
    const code = ctx.preferredEdition(request);
    reply.header('vary', 'Cookie, Accept-Language').header('cache-control', 'private, max-age=0');
    const home = paths.home(code);
    return reply.redirect(hosts.ownHost(code) ? hosts.absoluteUrl(code, home) : home, 302);
  });

  app.get('/:edition', { schema: { params: EditionParams } }, (request, reply) => reply.redirect(paths.home(request.params.edition), 301));
}
