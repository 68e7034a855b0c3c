// One route of a contract: method, path, what it does, and the schemas of its request and answers.
// The route plugins (src/web/newsroom/**) register these schemas with Fastify's TypeBox type
// provider; docs/newsroom-api.md is written from them (scripts/newsroom-api-doc.ts).
import type { TSchema } from '@sinclair/typebox';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSchemas {
  readonly params?: TSchema;
  readonly querystring?: TSchema;
  readonly body?: TSchema;
  readonly response: Readonly<Record<number, TSchema>>;
}

export interface RouteContract<S extends RouteSchemas = RouteSchemas> {
  readonly method: Method;
  /** The path under /api/newsroom. */
  readonly url: string;
  readonly schema: S & { readonly summary: string };
  /** The body is not JSON: how it is sent (the upload). */
  readonly consumes?: readonly string[];
}

export function route<const S extends RouteSchemas>(method: Method, url: string, summary: string, schemas: S): RouteContract<S> {
  return { method, url, schema: { summary, ...schemas } };
}
