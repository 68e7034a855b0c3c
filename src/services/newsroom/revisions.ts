// A revision's stored snapshot (the article's row and its tag and author ids, written by
// store/publishing.ts revisionSnapshot at every save), read through one schema: every reader of a
// snapshot gets typed fields, never `String(d['headline'] ?? '')`. Fields are optional because a
// snapshot keeps the shape of the day it was written; a field of the wrong type is a corrupt row.
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const Ids = Type.Array(Type.Integer());

export const StoredSnapshot = Type.Object(
  {
    headline: Type.Optional(Type.String()),
    lead: Type.Optional(Type.String()),
    /** The body as stored in the row: blocks as JSON text. */
    body: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    section_id: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    status: Type.Optional(Type.String()),
    slug: Type.Optional(Type.String()),
    source_line: Type.Optional(Type.String()),
    seo_title: Type.Optional(Type.String()),
    seo_description: Type.Optional(Type.String()),
    tagIds: Type.Optional(Ids),
    authorIds: Type.Optional(Ids),
    hero_asset_id: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    breaking: Type.Optional(Type.Union([Type.Integer(), Type.Boolean()])),
    pinned: Type.Optional(Type.Union([Type.Integer(), Type.Boolean()])),
    correction_note: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    /** The article's own caption and credit of its lead photo (null: the library's); absent before issue 13. */
    hero_texts: Type.Optional(Type.Union([Type.Object({ caption: Type.String(), credit: Type.String() }), Type.Null()])),
  },
  { additionalProperties: true },
);

export type StoredSnapshot = Static<typeof StoredSnapshot>;

/** A snapshot as the newsroom uses it: every text present, the body still unvalidated JSON. */
export interface RevisionSnapshot {
  readonly headline: string;
  readonly lead: string;
  /** The parsed body JSON (null when the snapshot has none); validated where it is saved again. */
  readonly body: unknown;
  readonly sectionId: number | undefined;
  readonly status: string | undefined;
  readonly slug: string;
  readonly sourceLine: string;
  readonly seoTitle: string;
  readonly seoDescription: string;
  readonly tagIds: readonly number[];
  readonly authorIds: readonly number[];
  readonly heroAssetId: number | null;
  readonly breaking: boolean;
  readonly pinned: boolean;
  readonly correctionNote: string;
  /** The article's own caption and credit of its lead photo: null for the library's, undefined when the snapshot predates them. */
  readonly heroTexts: { readonly caption: string; readonly credit: string } | null | undefined;
  /** The snapshot as stored, for the revision comparison. */
  readonly raw: Readonly<Record<string, unknown>>;
}

export class CorruptSnapshotError extends Error {
  constructor(detail: string) {
    super(`revision snapshot does not match its schema: ${detail}`);
    this.name = 'CorruptSnapshotError';
  }
}

/** Parses and checks a stored snapshot (`revisions.data`, as text or already parsed). Throws CorruptSnapshotError. */
export function parseRevisionSnapshot(stored: string | Readonly<Record<string, unknown>>): RevisionSnapshot {
  let raw: unknown = stored;
  if (typeof stored === 'string') {
    try {
      raw = JSON.parse(stored);
    } catch {
      throw new CorruptSnapshotError('not JSON');
    }
  }
  if (!Value.Check(StoredSnapshot, raw)) {
    const first = Value.Errors(StoredSnapshot, raw).First();
    throw new CorruptSnapshotError(first ? `${first.path || '/'} ${first.message}` : 'not an object');
  }
  let body: unknown;
  try {
    body = raw.body ? JSON.parse(raw.body) : null;
  } catch {
    throw new CorruptSnapshotError('/body is not JSON');
  }
  return {
    headline: raw.headline ?? '',
    lead: raw.lead ?? '',
    body,
    sectionId: raw.section_id ?? undefined,
    status: raw.status,
    slug: raw.slug ?? '',
    sourceLine: raw.source_line ?? '',
    seoTitle: raw.seo_title ?? '',
    seoDescription: raw.seo_description ?? '',
    tagIds: raw.tagIds ?? [],
    authorIds: raw.authorIds ?? [],
    heroAssetId: raw.hero_asset_id ?? null,
    breaking: raw.breaking === 1 || raw.breaking === true,
    pinned: raw.pinned === 1 || raw.pinned === true,
    correctionNote: raw.correction_note ?? '',
    heroTexts:
      raw.hero_texts === undefined ? undefined : raw.hero_texts && { caption: raw.hero_texts.caption, credit: raw.hero_texts.credit },
    raw: raw as Record<string, unknown>,
  };
}
