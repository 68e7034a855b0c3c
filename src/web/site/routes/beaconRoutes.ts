// View beacon: counts in memory, answers at once, stores no cookie and nothing personal.
import type { ViewCounter } from '../../../services/popular.ts';
import { BeaconQuery } from '../siteSchemas.ts';
import type { SiteApp } from '../siteContext.ts';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const BAD_BEACON = { error: { code: 'BAD_BEACON', message: 'a must be an article id and e an edition code' } };

export function beaconRoutes(app: SiteApp, views: ViewCounter): void {
  for (const method of ['GET', 'POST'] as const) {
    // A bad query is answered here, in JSON (a script sent it), not with the site's error page.
    app.route({
      method,
      url: '/beacon',
      schema: { querystring: BeaconQuery },
      attachValidation: true,
      handler: async (request, reply) => {
        if (request.validationError) return reply.code(400).header('cache-control', 'no-store').send(BAD_BEACON);
        await views.countPublicId(request.query.a, request.query.e);
        reply.header('cache-control', 'no-store');
        return request.method === 'GET' ? reply.header('content-type', 'image/gif').send(GIF) : reply.code(204).send();
      },
    });
  }
}
