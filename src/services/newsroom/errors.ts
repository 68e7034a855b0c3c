// Errors of the newsroom's services: a status, a stable code and a message for the user, plus
// optional client-safe details (the newer revision of a 409, the first invalid field). The web
// layer sends them as `{error: {code, message, details}}`.
export class NewsroomError extends Error {
  constructor(readonly statusCode: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
    this.name = 'NewsroomError';
  }
}

export const invalid = (message: string, details?: unknown) => new NewsroomError(400, 'VALIDATION', message, details);
export const notFound = (what = 'No such item') => new NewsroomError(404, 'NOT_FOUND', what);
export const conflict = (code: string, message: string, details?: unknown) => new NewsroomError(409, code, message, details);
