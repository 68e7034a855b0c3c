// The newsroom API's shapes the editor uses: the contract's (src/contracts/newsroom, docs/newsroom-api.md),
// with the editor's own reading of a few (a draft without a section, the autosave's fields).
import { derivedFrom, SCRIPT_SOURCES, WRITTEN_EDITIONS } from '../../editions/editions.ts';
import type { Body } from '../../content/body.ts';

export type {
  UiLang,
  WrittenEdition,
  DerivedEdition,
  User,
  ArticleStatus,
  PersonRef,
  ArticleSummary,
  Story,
  TimelineItem,
  RevisionItem,
  DiffPart,
  Presence,
  Override,
  Section,
  Asset,
} from '../../contracts/newsroom/index.ts';
import type {
  Article as ArticleOut,
  ArticleFields as ArticleFieldsOut,
  Author as AuthorOut,
  ConvertedEdition as ConvertedOut,
  Diff,
  Tag as TagOut,
  DerivedEdition,
} from '../../contracts/newsroom/index.ts';

/** What a save may change: the API's editable fields (a new draft may have no section yet). */
export interface ArticleFields extends Omit<ArticleFieldsOut, 'sectionId' | 'body'> {
  body: Body;
  sectionId: number | null;
}

export const FIELD_NAMES: readonly (keyof ArticleFields)[] = [
  'headline',
  'lead',
  'body',
  'sectionId',
  'tagIds',
  'authorIds',
  'sourceLine',
  'slug',
  'seoTitle',
  'seoDescription',
  'breaking',
  'pinned',
  'heroAssetId',
  'correctionNote',
];

/** The caller's own unsaved work, as the editor keeps it. */
export interface Autosave {
  baseRevision: number;
  savedAt: string;
  data: Partial<ArticleFields>;
}

/** The contract's Article, with the editor's reading of its autosave. */
export interface Article extends Omit<ArticleOut, 'autosave' | 'sectionId' | 'body'>, ArticleFields {
  autosave: Autosave | null;
}

export type DiffAnswer = Diff;
export type ConvertedEdition = ConvertedOut;
/** Tags as the pickers use them (the contract's Tag; the slug is not needed). */
export type Tag = Omit<TagOut, 'names'> & { names: Record<string, { name: string; slug?: string }> };
/** Authors as the pickers use them. */
export type Author = Omit<AuthorOut, 'names' | 'key' | 'slug' | 'photoAssetId'> & {
  key?: string;
  slug?: string;
  photoAssetId?: number | null;
  names: Record<string, { name: string; role?: string; bio?: string }>;
};

/** The lexicon scheme of each derived edition (src/editions/editions.ts). */
export const DERIVED_OF: Readonly<
  Record<string, readonly { edition: DerivedEdition; scheme: string; dir: 'ltr' | 'rtl'; lang: string }[]>
> = Object.fromEntries(
  SCRIPT_SOURCES.map((w) => [w, derivedFrom(w).map((d) => ({ edition: d.code, scheme: d.scheme, dir: d.dir, lang: d.lang }))]),
);

export { WRITTEN_EDITIONS };
