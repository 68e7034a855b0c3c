// Control characters in a request are refused at the boundary, once for every route of a scope:
// a JSON body, a query string or a route parameter holding one (content/text.ts says which) gets
// 400 VALIDATION naming the field (`body/headline`, `querystring/q`), before the schema is checked
// and before anything reaches the database. PostgreSQL refuses NUL in text (the request failed
// with a 500, on SQLite it was stored) and the XML outputs cannot carry most of them. Nobody types
// them and the newsroom's editor never sends them: an API client that does learns which field.
import type { FastifyRequest } from 'fastify';
import { findControlCharacters } from '../../content/text.ts';
import { HttpError } from './errors.ts';

const PARTS = [
  ['params', 'params'],
  ['query', 'querystring'],
  ['body', 'body'],
] as const;

/** A `preValidation` hook: throws 400 VALIDATION when a parameter, the query or the body holds one. */
export async function refuseControlCharacters(request: FastifyRequest): Promise<void> {
  for (const [part, name] of PARTS) {
    const found = findControlCharacters(request[part]);
    if (found !== null) {
      throw new HttpError(
        400,
        'VALIDATION',
        `${name}${found === '/' ? '' : found}: control characters are not allowed (U+0000–U+001F other than tab and line breaks, U+007F, U+FFFE, U+FFFF, lone surrogates)`,
      );
    }
  }
}
