// Sessions and the signed-in user's own account: login (429 RATE_LIMITED with Retry-After when it
// must wait; a known-device cookie for the next login), who am I, logout (here or everywhere),
// password change, interface language.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AuthError, KNOWN_DEVICE_MAX_MS, publicUser, UI_LANGS } from '../../services/newsroom/auth.ts';
import { HttpError } from '../plugins/errors.ts';
import { currentUser, setSessionCookie, type NewsroomRouteOptions } from './context.ts';

const Login = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
}, { additionalProperties: false });

const PasswordChange = Type.Object({
  current: Type.String({ minLength: 1, maxLength: 1024 }),
  next: Type.String({ minLength: 1, maxLength: 1024 }),
}, { additionalProperties: false });

const MePatch = Type.Object({
  uiLang: Type.Union(UI_LANGS.map((l) => Type.Literal(l))),
}, { additionalProperties: false });

const UserOut = Type.Object({
  id: Type.Integer(), email: Type.String(), name: Type.String(),
  role: Type.Union([Type.Literal('admin'), Type.Literal('chief'), Type.Literal('editor'), Type.Literal('journalist')]),
  desks: Type.Array(Type.String()), uiLang: Type.String(), mustChangePassword: Type.Boolean(),
});
const SessionOut = Type.Object({ user: UserOut, csrfToken: Type.String() });

const toHttp = (e: unknown): unknown => (e instanceof AuthError
  ? new HttpError(e.statusCode, e.code, e.message, e.retryAfter !== undefined ? { retryAfter: e.retryAfter } : undefined)
  : e);

/**
 * The known-device cookie: set by a successful login, sent back only to the login itself. It lets
 * this browser sign in past the address and account throttles (services/newsroom/loginThrottle.ts).
 */
const DEVICE_COOKIE = 'hb_device';
const DEVICE_COOKIE_PATH = '/api/newsroom/session';

export async function authRoutes(app: FastifyInstance, opts: NewsroomRouteOptions): Promise<void> {
  const { auth } = opts;

  app.post<{ Body: Static<typeof Login> }>('/session', {
    config: { access: 'anonymous' },
    schema: { summary: 'Sign in: sets the session cookie and returns the user and the CSRF token', body: Login, response: { 200: SessionOut } },
  }, async (request, reply) => {
    try {
      const { token, user, device } = await auth.login(request.body.email, request.body.password, request.ip,
        request.headers['user-agent'] ?? '', request.cookies[DEVICE_COOKIE]);
      setSessionCookie(request, reply, token);
      reply.setCookie(DEVICE_COOKIE, device, {
        path: DEVICE_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https',
        maxAge: KNOWN_DEVICE_MAX_MS / 1000,
      });
      return { user: publicUser(user), csrfToken: user.csrfToken };
    } catch (e) {
      if (e instanceof AuthError && e.retryAfter !== undefined) reply.header('retry-after', String(e.retryAfter));
      throw toHttp(e);
    }
  });

  app.get('/session', {
    config: { access: 'session', beforePasswordChange: true },
    schema: { summary: 'The signed-in user and the session\'s CSRF token', response: { 200: SessionOut } },
  }, async (request) => {
    const user = currentUser(request);
    return { user: publicUser(user), csrfToken: user.csrfToken };
  });

  app.delete('/session', {
    config: { access: 'session', beforePasswordChange: true },
    schema: { summary: 'Sign out of this session' },
  }, async (request, reply) => {
    await auth.logout(currentUser(request));
    setSessionCookie(request, reply, null);
    return reply.code(204).send();
  });

  app.delete('/sessions', {
    config: { access: 'session', beforePasswordChange: true },
    schema: { summary: 'Sign out everywhere: ends every session of the user, this one included' },
  }, async (request) => {
    const ended = await auth.logoutEverywhere(currentUser(request));
    return { ended };
  });

  app.post<{ Body: Static<typeof PasswordChange> }>('/password', {
    config: { access: 'session', beforePasswordChange: true },
    schema: { summary: 'Change the password (ends the user\'s other sessions)', body: PasswordChange },
  }, async (request, reply) => {
    try {
      await auth.changePassword(currentUser(request), request.body.current, request.body.next);
    } catch (e) {
      throw toHttp(e);
    }
    return reply.code(204).send();
  });

  app.patch<{ Body: Static<typeof MePatch> }>('/me', {
    config: { access: 'session' },
    schema: { summary: 'Set the newsroom\'s interface language (kz, ru, en)', body: MePatch },
  }, async (request, reply) => {
    await auth.setUiLang(currentUser(request), request.body.uiLang);
    return reply.code(204).send();
  });
}
