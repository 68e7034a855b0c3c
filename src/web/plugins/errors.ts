// Coded errors with one envelope: {error: {code, message}}. The cause goes to the log, never a
// stack or SQL text to a client.
export class HttpError extends Error {
  /** `details`: extra, client-safe facts sent as `error.details` (e.g. the newer revision of a 409). */
  constructor(readonly statusCode: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (code: string, message: string) => new HttpError(400, code, message);
export const notFound = (code = 'NOT_FOUND', message = 'Not found') => new HttpError(404, code, message);

export interface ErrorEnvelope {
  error: { code: string; message: string; details?: unknown };
}

/** Maps any thrown value to a status and a client-safe envelope. */
export function toEnvelope(error: unknown): { status: number; body: ErrorEnvelope } {
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
