// Sessions and the signed-in user's own account.
import { Type, type Static } from '@sinclair/typebox';
import { Closed, NoContent, Role, UiLang } from './common.ts';
import { route } from './route.ts';

/** The `user` of the session answers. */
export const User = Type.Object(
  {
    id: Type.Integer(),
    email: Type.String(),
    name: Type.String(),
    role: Role,
    desks: Type.Array(Type.String()),
    uiLang: Type.String(),
    mustChangePassword: Type.Boolean(),
    mailNotifications: Type.Boolean({ description: 'Notifications also by e-mail when the server has SMTP configured' }),
  },
  { title: 'User' },
);
export type User = Static<typeof User>;

export const Session = Type.Object({ user: User, csrfToken: Type.String() }, { title: 'Session' });
export type Session = Static<typeof Session>;

export const Login = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { ...Closed, title: 'Login' },
);

export const PasswordChange = Type.Object(
  {
    current: Type.String({ minLength: 1, maxLength: 1024 }),
    next: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { ...Closed, title: 'PasswordChange' },
);

export const MePatch = Type.Object(
  { uiLang: Type.Optional(UiLang), mailNotifications: Type.Optional(Type.Boolean()) },
  { ...Closed, minProperties: 1, title: 'MePatch' },
);
export type MePatch = Static<typeof MePatch>;

export const Ended = Type.Object({ ended: Type.Integer({ description: 'How many sessions ended' }) }, { title: 'Ended' });

export const sessionRoutes = {
  login: route('POST', '/session', 'Sign in: sets the session cookie and returns the user and the CSRF token', {
    body: Login,
    response: { 200: Session },
  }),
  session: route('GET', '/session', "The signed-in user and the session's CSRF token", { response: { 200: Session } }),
  logout: route('DELETE', '/session', 'Sign out of this session', { response: { 204: NoContent } }),
  logoutEverywhere: route('DELETE', '/sessions', 'Sign out everywhere: ends every session of the user, this one included', {
    response: { 200: Ended },
  }),
  changePassword: route('POST', '/password', "Change the password (ends the user's other sessions)", {
    body: PasswordChange,
    response: { 204: NoContent },
  }),
  setMe: route('PATCH', '/me', "Set my own settings: the newsroom's interface language (kz, ru, en), notifications also by e-mail", {
    body: MePatch,
    response: { 204: NoContent },
  }),
} as const;
