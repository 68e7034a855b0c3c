// The newsroom API (/api/newsroom/…): everything the newsroom's screens do, scriptable and tested.
// Its own scope under the API plugin (which gives it the error envelope and the OpenAPI document):
// - the session cookie (`hb_session`, HttpOnly, SameSite=Strict, Secure over HTTPS) is read on
//   every request; routes declare `access: 'session'` (signed in) or `'anonymous'` (login only);
// - every state-changing request needs the session's CSRF token in `X-CSRF-Token` and, when the
//   browser sends an Origin, that origin must be this host's (the Host header, or X-Forwarded-Host
//   only from a proxy TRUST_PROXY names);
// - a user who must change the password can do nothing else until it is changed;
// - these checks run in onRequest, before the body is read: a caller without a session gets 401
//   and learns nothing of the schema; a body with a field the schema does not name is refused;
// - permissions are checked by the handlers against services/newsroom/permissions.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import type { Services } from '../../services/container.ts';
import { AuthService, type SessionUser } from '../../services/newsroom/auth.ts';
import { HttpError } from '../plugins/errors.ts';
import { requireAccess } from '../api/requireAccess.ts';
import { SESSION_COOKIE, type NewsroomRouteOptions } from './context.ts';
import { formatSchemaErrors, strictObjects } from './strictBody.ts';
import { authRoutes } from './authRoutes.ts';
import { articleRoutes } from './articleRoutes.ts';
import { mediaRoutes } from './mediaRoutes.ts';
import { manageRoutes } from './manageRoutes.ts';
import { pageRoutes } from './pageRoutes.ts';
import { storyRoutes } from './storyRoutes.ts';
import { derivedRoutes } from './derivedRoutes.ts';
import { analyticsRoutes } from './analyticsRoutes.ts';
import { peopleRoutes } from './peopleRoutes.ts';
import { bulkRoutes } from './bulkRoutes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in newsroom user, null when there is no valid session. */
    user: SessionUser | null;
  }
  interface FastifyContextConfig {
    /** The route stays usable while the user must change the password (session, password). */
    beforePasswordChange?: boolean;
  }
}

export interface NewsroomApiOptions {
  readonly services: Services;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

export async function newsroomApi(app: FastifyInstance, opts: NewsroomApiOptions): Promise<void> {
  const { services } = opts;
  const auth = services.auth;

  await app.register(cookie);
  requireAccess(app, ['session', 'anonymous']);
  // Every newsroom route is documented under the `newsroom` tag with the session's security.
  // The route's schema is the contract's shared constant: copied, never changed in place.
  app.addHook('onRoute', (route) => {
    const security = route.config?.access === 'session' ? [{ session: [], csrf: [] }] : [];
    route.schema = { tags: ['newsroom'], security, ...route.schema };
  });

  // Bodies are strict: an unknown field is refused with 400 naming it (Fastify's ajv would drop it).
  app.addHook('onRoute', (route) => {
    if (route.schema?.body !== undefined) route.schema = { ...route.schema, body: strictObjects(route.schema.body) };
  });
  app.setSchemaErrorFormatter(formatSchemaErrors);

  // Everything that decides whether the caller may ask at all runs here, in onRequest: before the
  // body is read or parsed, and before any validation that would describe the schema. Order:
  // a foreign Origin (403 BAD_ORIGIN), no session (401), no CSRF token (403), password first (403).
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const config = request.routeOptions.config;
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe && !sameOrigin(request)) throw new HttpError(403, 'BAD_ORIGIN', 'Cross-site requests are refused');
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.user = await auth.authenticate(token);
    if (config.access !== 'session') return;
    const user = request.user;
    if (!user) throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in first (the session is missing or has expired)');
    if (unsafe) {
      const sent = request.headers['x-csrf-token'];
      if (!AuthService.csrfMatches(user, typeof sent === 'string' ? sent : undefined)) {
        throw new HttpError(403, 'CSRF', 'The X-CSRF-Token header is missing or wrong: reload the newsroom');
      }
    }
    if (user.mustChangePassword && !config.beforePasswordChange) {
      throw new HttpError(403, 'PASSWORD_CHANGE_REQUIRED', 'Change your password first');
    }
  });

  const routeOptions: NewsroomRouteOptions = { services, auth };
  await app.register(authRoutes, routeOptions);
  await app.register(articleRoutes, routeOptions);
  await app.register(mediaRoutes, routeOptions);
  await app.register(manageRoutes, routeOptions);
  await app.register(storyRoutes, routeOptions);
  await app.register(derivedRoutes, routeOptions);
  await app.register(analyticsRoutes, routeOptions);
  await app.register(peopleRoutes, routeOptions);
  await app.register(pageRoutes, routeOptions);
  await app.register(bulkRoutes, routeOptions);
}
