// What a database error means for the caller, whichever driver raised it: the database is
// unreachable, overloaded or too slow (`unavailable`: retry later, 503), or its disk is full
// (`full`: 507). Anything else is a plain failure (null).

export type DatabaseFailure = 'unavailable' | 'full';

/** PostgreSQL SQLSTATEs: connection exceptions (class 08), shutdown and cancel (57…), resources (53…). */
const PG_UNAVAILABLE = /^(08...|57P0[1-4]|57014|53000|53200|53300|53400|55P03)$/;
const PG_FULL = '53100';
const NET_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
]);
/** pg's own errors carry no code, only these messages. */
const PG_MESSAGES =
  /^(Connection terminated|Query read timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|terminating connection)/;

export function databaseFailure(error: unknown): DatabaseFailure | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    const message = (e as { message?: unknown }).message;
    if (typeof code === 'string') {
      if (code === PG_FULL || code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'full';
      if (PG_UNAVAILABLE.test(code) || NET_UNAVAILABLE.has(code) || /^SQLITE_(BUSY|LOCKED)/.test(code)) return 'unavailable';
    }
    if (typeof message === 'string' && PG_MESSAGES.test(message)) return 'unavailable';
  }
  return null;
}
