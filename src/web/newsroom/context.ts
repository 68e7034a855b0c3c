// What the newsroom's route plugins share: their options, the signed-in user, the session cookie.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services/container.ts';
import type { AuthService, SessionUser } from '../../services/newsroom/auth.ts';
import { HttpError } from '../plugins/errors.ts';

export const SESSION_COOKIE = 'hb_session';

/** What every newsroom route plugin receives. */
export interface NewsroomRouteOptions {
  readonly services: Services;
  readonly auth: AuthService;
}

/** The signed-in user of a route declared `access: 'session'` (the hook has checked it). */
export function currentUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in first');
  return request.user;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string | null): void {
  const secure = request.protocol === 'https';
  if (token === null) {
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure });
    return;
  }
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: 7 * 24 * 3600 });
}
