// Uploads one photo as multipart/form-data with the session's CSRF token.
import { ApiError, call } from '../editor/net.ts';
import type { Asset } from '../editor/types.ts';

export async function uploadPhoto(file: File, texts: { edition: string; caption: string; credit: string }): Promise<Asset> {
  const form = new FormData();
  form.set('edition', texts.edition);
  form.set('caption', texts.caption);
  form.set('credit', texts.credit);
  form.set('file', file);
  const { csrfToken } = await call<{ csrfToken: string }>('GET', '/session');
  const res = await fetch('/api/newsroom/media', {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { 'x-csrf-token': csrfToken, accept: 'application/json' },
  });
  if (!res.ok) {
    const error = ((await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } }).error ?? {};
    throw new ApiError(res.status, error.code ?? `HTTP_${res.status}`, error.message ?? res.statusText);
  }
  return (await res.json()) as Asset;
}
