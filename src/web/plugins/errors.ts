// Coded errors with one envelope: {error: {code, message}}. The cause goes to the log, never a
// stack or SQL text to a client.
import { failureOf } from '../../services/database.ts';
import { xmlEscape } from '../../services/xmlEscape.ts';
import type { AuthErrorCode } from '../../services/newsroom/auth.ts';
import type { ConflictCode } from '../../services/newsroom/errors.ts';

/**
 * The one table from the domain's error codes to HTTP statuses. Services throw errors with a
 * `code` and no status (ApiInputError, the newsroom's NewsroomError, AuthError, ForbiddenError);
 * the web layer answers them with the status named here. HttpError (the web layer's own) and
 * Fastify's errors carry theirs.
 */
export const ERROR_STATUS = {
  VALIDATION: 400,
  BAD_REQUEST: 400,
  BAD_CURSOR: 400,
  BAD_RANGE: 400,
  UNKNOWN_SECTION: 400,
  UNKNOWN_TAG: 400,
  UNKNOWN_AUTHOR: 400,
  BAD_BEACON: 400,
  BAD_MULTIPART: 400,
  WEAK_PASSWORD: 400,
  SLUG_RESERVED: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  INVALID_KEY: 401,
  REVOKED_KEY: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  BAD_ORIGIN: 403,
  DISABLED: 403,
  /** A password change with a wrong current password: the session stays (not 401). */
  WRONG_PASSWORD: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SLUG_TAKEN: 409,
  EDITION_EXISTS: 409,
  KEY_TAKEN: 409,
  TAG_EXISTS: 409,
  INVALID_TRANSITION: 409,
  MEDIA_IN_USE: 409,
  EMAIL_TAKEN: 409,
  EMPTY_BODY: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BAD_IMAGE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  STORAGE_FULL: 507,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

// Every code the services' typed errors can carry has its status here (checked by the compiler).
const _everyDomainCodeHasAStatus: [AuthErrorCode, ConflictCode] extends [ErrorCode, ErrorCode] ? true : never = true;
void _everyDomainCodeHasAStatus;

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_STATUS, code);

/** The HTTP status of a domain error code (ERROR_STATUS). */
export const statusOf = (code: ErrorCode): number => ERROR_STATUS[code];

export class HttpError extends Error {
  /** `details`: extra, client-safe facts sent as `error.details` (e.g. the newer revision of a 409). */
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (code: string, message: string) => new HttpError(400, code, message);
export const notFound = (code = 'NOT_FOUND', message = 'Not found') => new HttpError(404, code, message);

export interface ErrorEnvelope {
  error: { code: string; message: string; details?: unknown };
}

/** Seconds a client is asked to wait after a 503 (the database away, busy or too slow). */
export const RETRY_AFTER_SECONDS = 5;

/** busboy's errors for a malformed multipart body are plain Errors with only a message. */
const MULTIPART_ERROR =
  /^(Multipart: Boundary not found|Unexpected end of (multipart data|form|file)|(Part|Preamble) terminated early due to unexpected end of multipart data|Malformed part header|Malformed content type|Unsupported content type)/;

export interface EnvelopeAnswer {
  status: number;
  body: ErrorEnvelope;
  /** Headers the answer needs (Retry-After on a 503). */
  headers?: Record<string, string>;
}

/** Maps any thrown value to a status and a client-safe envelope. */
export function toEnvelope(error: unknown): EnvelopeAnswer {
  const failure = error instanceof HttpError ? null : failureOf(error);
  if (failure === 'unavailable') {
    return {
      status: 503,
      body: { error: { code: 'UNAVAILABLE', message: `The service is briefly unavailable; retry in ${RETRY_AFTER_SECONDS} seconds` } },
      headers: { 'retry-after': String(RETRY_AFTER_SECONDS) },
    };
  }
  if (failure === 'full')
    return { status: 507, body: { error: { code: 'STORAGE_FULL', message: "The server's storage is full; nothing was saved" } } };
  const m = (error as { message?: unknown } | null)?.message;
  if (!(error instanceof HttpError) && typeof m === 'string' && MULTIPART_ERROR.test(m)) {
    return { status: 400, body: { error: { code: 'BAD_MULTIPART', message: `Malformed multipart/form-data body: ${m}` } } };
  }
  // A service's error: a domain code, its status from the one table, client-safe details if any.
  const domain = error as { code?: unknown; statusCode?: unknown; message?: unknown; details?: unknown } | null;
  if (!(error instanceof HttpError) && error instanceof Error && domain?.statusCode === undefined && isErrorCode(domain?.code)) {
    const body = { code: domain.code, message: error.message, ...(domain.details !== undefined ? { details: domain.details } : {}) };
    return { status: ERROR_STATUS[domain.code], body: { error: body } };
  }
  if (error instanceof HttpError) {
    const body = { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) };
    return { status: error.statusCode, body: { error: body } };
  }
  const e = error as { statusCode?: unknown; code?: unknown; message?: unknown; validation?: unknown; details?: unknown };
  const status = typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 600 ? e.statusCode : 500;
  if (status >= 500) return { status, body: { error: { code: 'INTERNAL', message: 'Internal error' } } };
  const code = e.validation ? 'VALIDATION' : typeof e.code === 'string' ? e.code.replace(/^FST_ERR_/, '') : 'BAD_REQUEST';
  const message = typeof e.message === 'string' ? e.message : 'Bad request';
  return { status, body: { error: { code, message, ...(e.details !== undefined ? { details: e.details } : {}) } } };
}

/** How an error is logged: user mistakes (4xx) at info without a stack, outages at warn, the rest at error. */
export function logError(
  log: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void; error: (o: object, m: string) => void },
  error: unknown,
  status: number,
  what: string,
): void {
  if (status < 500) {
    const e = error as { code?: unknown; message?: unknown } | null;
    log.info({ statusCode: status, code: e?.code, reason: e?.message }, `${what}: ${status}`);
  } else if (status === 503 || status === 507) {
    log.warn(
      { statusCode: status, reason: (error as { message?: unknown } | null)?.message },
      `${what}: ${status === 503 ? 'database unavailable' : 'storage full'}`,
    );
  } else {
    log.error({ err: error }, what);
  }
}

/** How a route writes its answers, errors included: feeds and sitemaps in XML, robots.txt in text. */
export type AnswerFormat = 'json' | 'xml' | 'text';

/** The format of a URL's answers, from its path: `….xml` is XML, `….txt` text, the rest JSON. */
export function formatOfUrl(url: string): AnswerFormat {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.xml') ? 'xml' : path.endsWith('.txt') ? 'text' : 'json';
}

/** The envelope written in the route's format: `<error><code/><message/></error>` in XML. */
export function errorBody(format: AnswerFormat, envelope: ErrorEnvelope): { contentType: string; body: string } {
  const { code, message } = envelope.error;
  if (format === 'xml') {
    return {
      contentType: 'application/xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<error><code>${xmlEscape(code)}</code><message>${xmlEscape(message)}</message></error>\n`,
    };
  }
  if (format === 'text') return { contentType: 'text/plain; charset=utf-8', body: `${code}: ${message}\n` };
  return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(envelope) };
}
