// The newsroom API's shapes the editor uses (docs/newsroom-api.md, sections B1, B2, C, D).
import type { Body } from '../../content/body.ts';
import { derivedFrom, SCRIPT_SOURCES, WRITTEN_EDITIONS, type DerivedEditionCode, type UiLangCode, type WrittenEditionCode } from '../../editions/editions.ts';

export type UiLang = UiLangCode;
export type WrittenEdition = WrittenEditionCode;
export type DerivedEdition = DerivedEditionCode;

/** The `user` of GET /api/newsroom/session. */
export interface User {
  id: number;
  email: string;
  name: string;
  role: 'admin' | 'chief' | 'editor' | 'journalist';
  desks: string[];
  uiLang: string;
  mustChangePassword: boolean;
}

export type ArticleStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'scheduled' | 'published' | 'unpublished';

/** What a save may change: the API's editable fields. */
export interface ArticleFields {
  headline: string;
  lead: string;
  body: Body;
  sectionId: number | null;
  tagIds: number[];
  authorIds: number[];
  sourceLine: string;
  slug: string;
  seoTitle: string;
  seoDescription: string;
  breaking: boolean;
  pinned: boolean;
  heroAssetId: number | null;
  correctionNote: string;
}

export const FIELD_NAMES: readonly (keyof ArticleFields)[] = [
  'headline', 'lead', 'body', 'sectionId', 'tagIds', 'authorIds', 'sourceLine', 'slug',
  'seoTitle', 'seoDescription', 'breaking', 'pinned', 'heroAssetId', 'correctionNote',
];

export interface PersonRef { id: number; name: string }

export interface Autosave { baseRevision: number; savedAt: string; data: Partial<ArticleFields> }

export interface Article extends ArticleFields {
  id: number;
  publicId: string;
  storyId: number;
  edition: WrittenEdition;
  status: ArticleStatus;
  revision: number;
  scheduledAt: string | null;
  embargo: boolean;
  publishedAt: string | null;
  updatedAt: string | null;
  createdAt: string;
  modifiedAt: string;
  createdBy: PersonRef | null;
  translatedFrom: number | null;
  url: string | null;
  previewUrl: string;
  allowed: string[];
  autosave: Autosave | null;
}

export interface ArticleSummary {
  id: number;
  publicId: string;
  storyId: number;
  edition: WrittenEdition;
  sectionId: number | null;
  status: ArticleStatus;
  headline: string;
  createdBy: PersonRef | null;
  modifiedAt: string;
  publishedAt: string | null;
  scheduledAt: string | null;
  embargo: boolean;
  revision: number;
}

/** A story's written editions; `closed`: the edition has an article the user may not open (nothing of it is shown). */
export interface Story { id: number; editions: { edition: WrittenEdition; article: ArticleSummary | null; closed?: boolean }[] }

export interface TimelineItem {
  action: string;
  from: string | null;
  to: string;
  at: string;
  user: PersonRef | null;
  comment: string | null;
  revision: number;
}

export interface RevisionItem { revision: number; at: string; user: PersonRef | null }

export interface DiffPart { op: 'eq' | 'ins' | 'del'; text: string }
export interface DiffAnswer { from: number; to: number; fields: { field: string; parts: DiffPart[] }[] }

export interface Presence { id: number; name: string; since: string }

export interface ConvertedEdition {
  edition: DerivedEdition;
  headline: string;
  lead: string;
  body: Body;
  unsure: { word: string; reason: string }[];
}

export interface Override { edition: DerivedEdition; field: string; value: string }

export interface Section { id: number; key: string; position: number; names: Record<string, { name: string; slug: string }> }
export interface Tag { id: number; key: string; names: Record<string, { name: string }> }
export interface Author { id: number; names: Record<string, { name: string; role?: string; bio?: string }>; photoAssetId?: number | null }

export interface Asset {
  id: number;
  width: number;
  height: number;
  /** The user who uploaded it (null for demo photos). */
  uploadedBy: number | null;
  texts: Record<string, { caption: string; credit: string }>;
  urls: { webp: Record<string, string>; avif: Record<string, string>; original: string };
}

/** The lexicon scheme of each derived edition (src/editions/editions.ts). */
export const DERIVED_OF: Readonly<Record<string, readonly { edition: DerivedEdition; scheme: string; dir: 'ltr' | 'rtl'; lang: string }[]>> = Object.fromEntries(
  SCRIPT_SOURCES.map((w) => [w, derivedFrom(w).map((d) => ({ edition: d.code, scheme: d.scheme, dir: d.dir, lang: d.lang }))]),
);

export { WRITTEN_EDITIONS };
