// Every API endpoint declares who may call it (STYLE.md, Boundaries): a route registered without
// `config.access` makes registration fail, so an undeclared endpoint can never ship.
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: `public` = anyone (anonymous at the anonymous rate, keys at theirs). */
    access?: 'public';
  }
}

export function requireAccess(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.access === undefined) {
      throw new Error(`API route ${String(route.method)} ${route.url} declares no access (config: {access: 'public'})`);
    }
  });
}
