// Newsroom helpers for the tests: users of each role and signed-in clients of the newsroom API.
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/db/tables.ts';
import type { TestSite } from './site.ts';
import { AuthService } from '../../src/services/newsroom/auth.ts';

export const TEST_PASSWORD = 'correct horse battery';

let counter = 0;

export interface TestUser {
  readonly id: number;
  readonly email: string;
  readonly password: string;
  readonly role: Role;
  readonly desks: readonly string[];
}

/** Creates a user straight in the database (as `habarshy user create` does). */
export async function makeUser(
  site: TestSite,
  role: Role,
  desks: readonly string[] = [],
  opts: { name?: string; email?: string; mustChangePassword?: boolean } = {},
): Promise<TestUser> {
  counter += 1;
  const email = opts.email ?? `${role}${counter}.${process.pid}@newsroom.test`;
  const auth = new AuthService(site.services.handle.db, site.services.clock);
  const id = await auth.createUser(
    {
      email,
      name: opts.name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${counter}`,
      password: TEST_PASSWORD,
      role,
      desks,
      mustChangePassword: opts.mustChangePassword ?? false,
    },
    null,
  );
  return { id, email, password: TEST_PASSWORD, role, desks };
}

export interface Client {
  readonly user: TestUser;
  readonly cookie: string;
  readonly csrf: string;
  /** A request with the session cookie and (for state-changing methods) the CSRF token. */
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** Signs in through the API and returns a client carrying the session. */
export async function signIn(app: FastifyInstance, user: TestUser): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/newsroom/session', payload: { email: user.email, password: user.password } });
  assert.equal(res.statusCode, 200, `login of ${user.email}: ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'hb_session');
  assert.ok(setCookie, 'the login sets the session cookie');
  const cookie = `hb_session=${setCookie.value}`;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const request: Client['request'] = (method, url, body, headers = {}) =>
    app.inject({
      method,
      url,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }), ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  return {
    user,
    cookie,
    csrf,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    put: (url, body) => request('PUT', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    delete: (url) => request('DELETE', url),
  };
}

/** Makes a user of the role and signs them in. */
export async function signedIn(site: TestSite, role: Role, desks: readonly string[] = []): Promise<Client> {
  return signIn(site.app, await makeUser(site, role, desks));
}

/** A body of one paragraph per text: what an article needs before it can be published or scheduled. */
export function textBody(...texts: string[]) {
  return {
    version: 1,
    blocks: (texts.length ? texts : ['Мақаланың мәтіні.']).map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}
