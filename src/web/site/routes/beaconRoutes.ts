// View beacon: counts in memory, answers at once, stores no cookie and nothing personal. Not
// counted (but answered the same, so nothing retries): bots that announce themselves in the
// User-Agent (isbot's maintained list), prefetches and prerenders, and newsroom previews.
import { isbot } from 'isbot';
import type { IncomingHttpHeaders } from 'node:http';
import type { ViewCounter } from '../../../services/popular.ts';
import { BeaconQuery } from '../siteSchemas.ts';
import type { SiteApp } from '../siteContext.ts';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const BAD_BEACON = { error: { code: 'BAD_BEACON', message: 'a must be an article id and e an edition code' } };

/** Headers by which browsers mark a request made ahead of time (Chrome, Firefox, Safari, proxies). */
const AHEAD_OF_TIME = /prefetch|prerender|preview/i;

/** Whether a beacon request is something other than a reader's view (then it is not counted). */
export function notAView(headers: IncomingHttpHeaders): boolean {
  if (isbot(headers['user-agent'])) return true;
  for (const name of ['sec-purpose', 'purpose', 'x-purpose', 'x-moz']) {
    const value = headers[name];
    if (typeof value === 'string' && AHEAD_OF_TIME.test(value)) return true;
  }
  // A page shown inside the newsroom (a preview) is not a reader's view.
  const referer = headers.referer;
  if (typeof referer === 'string') {
    try {
      if (new URL(referer).pathname.startsWith('/newsroom/')) return true;
    } catch {
      // Not a URL: ignored.
    }
  }
  return false;
}

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
        if (!notAView(request.headers)) await views.countPublicId(request.query.a, request.query.e);
        reply.header('cache-control', 'no-store');
        return request.method === 'GET' ? reply.header('content-type', 'image/gif').send(GIF) : reply.code(204).send();
      },
    });
  }
}
