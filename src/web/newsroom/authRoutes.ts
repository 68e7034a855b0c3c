// Sessions and the signed-in user's own account: login (429 RATE_LIMITED with Retry-After when it
// must wait; a known-device cookie for the next login), who am I, logout (here or everywhere),
// password change, interface language.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sessionRoutes as api } from '../../contracts/newsroom/session.ts';
import { AuthError, KNOWN_DEVICE_MAX_MS, publicUser, type SessionUser } from '../../services/newsroom/auth.ts';
import { HttpError, statusOf } from '../plugins/errors.ts';
import { currentUser, setSessionCookie, type NewsroomRouteOptions } from './context.ts';

const toHttp = (e: unknown): unknown =>
  e instanceof AuthError
    ? new HttpError(statusOf(e.code), e.code, e.message, e.retryAfter !== undefined ? { retryAfter: e.retryAfter } : undefined)
    : e;

/**
 * The known-device cookie: set by a successful login, sent back only to the login itself. It lets
 * this browser sign in past the address and account throttles (services/newsroom/loginThrottle.ts).
 */
const DEVICE_COOKIE = 'hb_device';
const DEVICE_COOKIE_PATH = '/api/newsroom/session';

function setDeviceCookie(request: FastifyRequest, reply: FastifyReply, device: string): void {
  reply.setCookie(DEVICE_COOKIE, device, {
    path: DEVICE_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: KNOWN_DEVICE_MAX_MS / 1000,
  });
}

/** An auth failure as the API's error (429 with Retry-After when the login must wait). */
function refused(reply: FastifyReply, e: unknown): unknown {
  if (e instanceof AuthError && e.retryAfter !== undefined) reply.header('retry-after', String(e.retryAfter));
  return toHttp(e);
}

const sessionOf = (user: SessionUser) => ({ user: publicUser(user), csrfToken: user.csrfToken });

export async function authRoutes(base: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { auth } = opts;
  const anyTime = { access: 'session', beforePasswordChange: true } as const;

  app.post(api.login.url, { config: { access: 'anonymous' }, schema: api.login.schema }, async (request, reply) => {
    try {
      const { token, user, device } = await auth.login(
        request.body.email,
        request.body.password,
        request.ip,
        request.headers['user-agent'] ?? '',
        request.cookies[DEVICE_COOKIE],
      );
      setSessionCookie(request, reply, token);
      setDeviceCookie(request, reply, device);
      return sessionOf(user);
    } catch (e) {
      throw refused(reply, e);
    }
  });

  app.get(api.session.url, { config: anyTime, schema: api.session.schema }, async (request) => sessionOf(currentUser(request)));

  app.delete(api.logout.url, { config: anyTime, schema: api.logout.schema }, async (request, reply) => {
    await auth.logout(currentUser(request));
    setSessionCookie(request, reply, null);
    return reply.code(204).send(null);
  });

  app.delete(api.logoutEverywhere.url, { config: anyTime, schema: api.logoutEverywhere.schema }, async (request) => ({
    ended: await auth.logoutEverywhere(currentUser(request)),
  }));

  app.post(api.changePassword.url, { config: anyTime, schema: api.changePassword.schema }, async (request, reply) => {
    try {
      await auth.changePassword(currentUser(request), request.body.current, request.body.next);
    } catch (e) {
      throw toHttp(e);
    }
    return reply.code(204).send(null);
  });

  app.patch(api.setMe.url, { config: { access: 'session' }, schema: api.setMe.schema }, async (request, reply) => {
    try {
      await auth.setMe(currentUser(request), request.body);
    } catch (e) {
      throw toHttp(e);
    }
    return reply.code(204).send(null);
  });
}
