// The editor's one door to the newsroom API (docs/newsroom-api.md): JSON in and out, the CSRF
// header on every change, errors as ApiError with the API's code and details. The answers' types
// are the contract's (src/contracts/newsroom), re-exported for the screens by ./types.ts.
import type { Session } from '../../contracts/newsroom/index.ts';

const BASE = '/api/newsroom';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

/** The session's token, as the login answer or GET /session gives it (null after logout). */
export function setCsrfToken(value: string | null): void {
  csrfToken = value;
}

async function token(): Promise<string> {
  if (csrfToken) return csrfToken;
  const res = await fetch(`${BASE}/session`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!res.ok) throw await toError(res);
  csrfToken = ((await res.json()) as Session).csrfToken;
  return csrfToken;
}

async function toError(res: Response): Promise<ApiError> {
  let error: { code?: string; message?: string; details?: unknown } = {};
  try {
    error = ((await res.json()) as { error?: typeof error }).error ?? {};
  } catch {
    /* not JSON: the status says enough */
  }
  return new ApiError(res.status, error.code ?? `HTTP_${res.status}`, error.message ?? res.statusText, error.details);
}

export interface CallOptions {
  keepalive?: boolean;
}

export async function call<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = await token();
  const res = await fetch(`${BASE}${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    keepalive: options.keepalive ?? false,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const get = <T>(path: string) => call<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {});
export const put = <T>(path: string, body: unknown, options?: CallOptions) => call<T>('PUT', path, body, options);
export const del = (path: string) => call<void>('DELETE', path);
