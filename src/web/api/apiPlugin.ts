// The JSON APIs under /api and their one OpenAPI document (/api/v1/openapi.json, /api/docs):
// - the public, read-only API (/api/v1/…): CORS (GET from any origin), partner keys, rate limits;
// - the newsroom API (/api/newsroom/…): sessions, CSRF, roles (web/newsroom/newsroomApi.ts).
// Both answer every error with the `{error: {code, message}}` envelope and declare an access level
// on every route — a route without `config.access` fails at registration (STYLE.md, Boundaries).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { Services } from '../../services/container.ts';
import type { ApiService } from '../../services/apiContent.ts';
import type { ApiKeyCounter } from '../../services/apiKeys.ts';
import type { Config } from '../../config.ts';
import type { EditionCode } from '../../editions/editions.ts';
import type { NewsroomRouteOptions } from '../newsroom/context.ts';
import { HttpError, logError, toEnvelope } from '../plugins/errors.ts';
import { refuseControlCharacters } from '../plugins/controlCharacters.ts';
import { v1Routes } from './v1Routes.ts';
import { docsRoutes } from './docsRoutes.ts';
import { requireAccess } from './requireAccess.ts';
import { newsroomApi } from '../newsroom/newsroomApi.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The partner key the request was made with, null when anonymous. */
    apiKeyId: number | null;
  }
}

export interface ApiPluginOptions {
  readonly api: ApiService;
  readonly apiKeys: Services['apiKeys'];
  /** Counts each partner key's requests (flushed by the scheduler and when the app closes). */
  readonly apiKeyUsage: Pick<ApiKeyCounter, 'count'>;
  readonly publisher: (code: EditionCode) => string;
  readonly config: Pick<Config, 'baseUrl' | 'apiRateKey' | 'apiRateAnonymous' | 'apiRateWindowMs'>;
  /** What the newsroom API's routes call (src/web/newsroom/newsroomApi.ts). */
  readonly newsroom: NewsroomRouteOptions['services'];
}

export const API_DESCRIPTION = [
  'The public API (/api/v1): read-only access to the published articles of every Habarshy edition, derived script editions included.',
  'Anonymous use is rate-limited per IP; partners send `Authorization: Bearer <key>` for a higher limit.',
  'Every error is `{"error": {"code", "message"}}`; responses carry an ETag (send If-None-Match for a 304).',
  "The newsroom API (/api/newsroom, tag `newsroom`) is what the newsroom's screens use: it needs a session cookie from `POST /api/newsroom/session` and, on every state-changing request, the session's `X-CSRF-Token`.",
].join(' ');

function sendError(reply: FastifyReply, error: unknown, answer = toEnvelope(error)): FastifyReply {
  const { status, body, headers } = answer;
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="habarshy"');
  if (headers) reply.headers(headers);
  return reply.code(status).header('cache-control', 'no-store').send(body);
}

export async function apiPlugin(app: FastifyInstance, opts: ApiPluginOptions): Promise<void> {
  const { api, config } = opts;

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const answer = toEnvelope(error);
    logError(request.log, error, answer.status, 'API request failed');
    return sendError(reply, error, answer);
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, new HttpError(404, 'NOT_FOUND', 'No such API route')));
  // A control character in a parameter, query or body: 400 naming the field, in both APIs.
  app.addHook('preValidation', refuseControlCharacters);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Habarshy API', version: '1.0.0', description: API_DESCRIPTION },
      servers: [{ url: config.baseUrl }],
      components: {
        securitySchemes: {
          partnerKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'A partner key from `habarshy apikey create`; raises the rate limit. Optional.',
          },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'hb_session',
            description: 'The newsroom session cookie set by `POST /api/newsroom/session`.',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description:
              "The session's CSRF token (from the login answer or `GET /api/newsroom/session`); required on every state-changing newsroom request.",
          },
        },
      },
      security: [{}, { partnerKey: [] }],
      tags: [
        { name: 'content', description: "Articles, stories and the editions' sections, tags and authors" },
        { name: 'ninjs', description: 'IPTC ninjs 2.2 / 3.1 for partner agencies' },
        { name: 'meta', description: 'This document' },
        {
          name: 'newsroom',
          description:
            'The newsroom: sessions, articles, review and publishing, translations, revisions, photos, management (signed-in users; roles decide what each may do)',
        },
      ],
    },
  });

  // The public API in its own scope: CORS, keys and rate limits do not apply to the newsroom.
  await app.register(async (pub) => {
    // Browsers may read the API from any site; only GET (HEAD) is allowed, and the preflight a keyed
    // request needs is answered.
    await pub.register(cors, {
      origin: '*',
      methods: ['GET', 'HEAD'],
      allowedHeaders: ['Authorization', 'If-None-Match'],
      exposedHeaders: ['ETag', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
      maxAge: 86_400,
    });

    // From here on every route must declare who may call it.
    requireAccess(pub, ['public']);

    // A partner key raises the limit; a key that is wrong, malformed or revoked is refused (401),
    // never treated as anonymous.
    pub.decorateRequest('apiKeyId', null);
    pub.addHook('onRequest', async (request) => {
      if (request.method === 'OPTIONS') return;
      const check = await opts.apiKeys.check(request.headers.authorization);
      if (check.kind === 'invalid') throw new HttpError(401, check.code, check.message);
      if (check.kind === 'key') {
        request.apiKeyId = check.id;
        opts.apiKeyUsage.count(check.id);
      }
    });

    await pub.register(rateLimit, {
      max: (request) => (request.apiKeyId !== null ? config.apiRateKey : config.apiRateAnonymous),
      timeWindow: config.apiRateWindowMs,
      keyGenerator: (request) => (request.apiKeyId !== null ? `key:${request.apiKeyId}` : `ip:${request.ip}`),
      errorResponseBuilder: (_request, context) =>
        new HttpError(429, 'RATE_LIMITED', `Rate limit of ${context.max} requests exceeded, retry in ${context.after}`),
    });

    await pub.register(v1Routes, { prefix: '/v1', api, baseUrl: config.baseUrl, publisher: opts.publisher });
    await pub.register(docsRoutes);
  });

  await app.register(newsroomApi, { prefix: '/newsroom', services: opts.newsroom });
}
