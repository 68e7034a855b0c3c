// Errors of the newsroom's services: a stable domain code and a message for the user, plus
// optional client-safe details (the newer revision of a conflict, the first invalid field). No
// HTTP status here: the web layer looks the code up in its one table (ERROR_STATUS in
// web/plugins/errors.ts) and sends `{error: {code, message, details}}`.
export class NewsroomError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'NewsroomError';
  }
}

export const invalid = (message: string, details?: unknown) => new NewsroomError('VALIDATION', message, details);
export const notFound = (what = 'No such item') => new NewsroomError('NOT_FOUND', what);
/** A conflict with the stored state (answered 409): the code names which (SLUG_TAKEN, CONFLICT…). */
export const conflict = (code: ConflictCode, message: string, details?: unknown) => new NewsroomError(code, message, details);

/** 409: an article without text (src/content/emptyBody.ts) cannot be published, scheduled or corrected to nothing. */
export const emptyBody = () => conflict('EMPTY_BODY', 'An article without text cannot be published: write the body first');

/** The codes of conflicts with the stored state. */
export type ConflictCode =
  | 'CONFLICT'
  | 'SLUG_TAKEN'
  | 'EDITION_EXISTS'
  | 'KEY_TAKEN'
  | 'TAG_EXISTS'
  | 'INVALID_TRANSITION'
  | 'MEDIA_IN_USE'
  | 'EMAIL_TAKEN'
  | 'EMPTY_BODY';
