// Every API endpoint declares who may call it (STYLE.md, Boundaries): a route registered without
// `config.access`, or with an access level its scope does not serve, makes registration fail, so an
// undeclared endpoint can never ship.
import type { FastifyInstance } from 'fastify';

export type Access =
  /** Anyone (anonymous at the anonymous rate, partner keys at theirs): the public API. */
  | 'public'
  /** A signed-in newsroom user; state-changing methods also need the session's CSRF token. */
  | 'session'
  /** The newsroom's login: no session yet. */
  | 'anonymous';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export function requireAccess(app: FastifyInstance, allowed: readonly Access[] = ['public']): void {
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`API route ${String(route.method)} ${route.url} declares no access (config: {access: '${allowed[0]}'})`);
    }
    if (!allowed.includes(access)) {
      throw new Error(`API route ${String(route.method)} ${route.url} declares access '${access}', not one of ${allowed.join(', ')}`);
    }
  });
}
