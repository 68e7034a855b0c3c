// Opaque cursors of the API's article lists: base64url of "published_at|id" of the last item
// shown. Keyset pagination: a page never repeats or skips an item when new articles appear.

export interface ListCursor {
  readonly publishedAt: string;
  readonly id: number;
}

const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor(c: ListCursor): string {
  return Buffer.from(`${c.publishedAt}|${c.id}`, 'utf8').toString('base64url');
}

/** The cursor a client sent back, or null when it is not one of ours. */
export function decodeCursor(raw: string): ListCursor | null {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(raw)) return null;
  const text = Buffer.from(raw, 'base64url').toString('utf8');
  const m = /^([^|]+)\|(\d{1,15})$/.exec(text);
  if (!m) return null;
  const publishedAt = m[1]!;
  const id = Number(m[2]);
  if (!UTC_ISO.test(publishedAt) || Number.isNaN(Date.parse(publishedAt)) || !Number.isSafeInteger(id) || id < 1) return null;
  // Only the canonical encoding is accepted (base64url has several spellings of the same bytes).
  if (encodeCursor({ publishedAt, id }) !== raw) return null;
  return { publishedAt, id };
}
