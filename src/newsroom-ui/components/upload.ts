// Uploads a photo as multipart/form-data with the session's CSRF token, through XMLHttpRequest so
// that the upload's progress can be shown per file; also a new file for an existing photo (PUT).
import { ApiError, call } from '../editor/net.ts';
import type { Asset } from '../editor/types.ts';

/** Sends a form; `onProgress` gets 0..100 as the bytes leave. */
function send(
  method: 'POST' | 'PUT',
  url: string,
  form: FormData,
  csrfToken: string,
  onProgress?: (percent: number) => void,
): Promise<Asset> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(100);
        resolve(body as Asset);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error ?? {};
      reject(new ApiError(xhr.status, error.code ?? `HTTP_${xhr.status}`, error.message ?? xhr.statusText, error.details));
    };
    xhr.onerror = () => reject(new TypeError('network'));
    xhr.send(form);
  });
}

export async function uploadPhoto(
  file: File,
  texts: { edition: string; caption: string; credit: string },
  onProgress?: (percent: number) => void,
): Promise<Asset> {
  const form = new FormData();
  form.set('edition', texts.edition);
  form.set('caption', texts.caption);
  form.set('credit', texts.credit);
  form.set('file', file);
  const { csrfToken } = await call<{ csrfToken: string }>('GET', '/session');
  return send('POST', '/api/newsroom/media', form, csrfToken, onProgress);
}

/** A new file for a photo: same id, captions, credits and articles. */
export async function replacePhoto(id: number, file: File, onProgress?: (percent: number) => void): Promise<Asset> {
  const form = new FormData();
  form.set('file', file);
  const { csrfToken } = await call<{ csrfToken: string }>('GET', '/session');
  return send('PUT', `/api/newsroom/media/${id}/file`, form, csrfToken, onProgress);
}
