// Short public ids: 6 lower-case hex characters, random, stable for life.
import { randomBytes } from 'node:crypto';

export const PUBLIC_ID_PATTERN = /^[0-9a-f]{6}$/;

export function newPublicId(): string {
  return randomBytes(3).toString('hex');
}

export function isPublicId(value: string): boolean {
  return PUBLIC_ID_PATTERN.test(value);
}

/** Splits an article path segment "{slug}-{id}" into its parts; null when it has no valid id. */
export function splitSlugId(segment: string): { slug: string; publicId: string } | null {
  const m = /^(?:(.*)-)?([0-9a-f]{6})$/.exec(segment);
  if (!m) return null;
  return { slug: m[1] ?? '', publicId: m[2]! };
}
