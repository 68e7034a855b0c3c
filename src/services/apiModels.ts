// Plain data of the public JSON API (documented by the TypeBox schemas in src/web/api/schemas.ts).
// Every text is final: in the edition's language and script, derived editions converted.
import type { Block } from '../content/body.ts';
import type { EditionCode } from '../editions/editions.ts';

export interface ApiEdition {
  readonly code: EditionCode;
  readonly lang: string;
  readonly label: string;
  readonly dir: 'ltr' | 'rtl';
  readonly kind: 'written' | 'derived';
  /** The written edition a derived edition converts (null for written ones). */
  readonly source: EditionCode | null;
  readonly name: string;
  readonly url: string;
}

export interface ApiName {
  readonly name: string;
  readonly slug: string;
  readonly url: string;
}

export interface ApiSection {
  readonly key: string;
  readonly names: Partial<Record<EditionCode, ApiName>>;
}
export interface ApiTag {
  readonly key: string;
  readonly names: Partial<Record<EditionCode, ApiName>>;
}
export interface ApiAuthor {
  readonly slug: string;
  readonly names: Partial<Record<EditionCode, { readonly name: string; readonly role: string; readonly url: string }>>;
}

export interface ApiRendition {
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

export interface ApiImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly caption: string;
  /** The credit holder as written ("Akorda"), not framed by "Photo credit:". */
  readonly credit: string;
  readonly alt: string;
  readonly renditions: readonly ApiRendition[];
}

export type ApiBlock =
  | Exclude<Block, { type: 'image' } | { type: 'gallery' }>
  | { readonly type: 'image'; readonly image: ApiImage }
  | { readonly type: 'gallery'; readonly images: readonly ApiImage[] };

export interface ApiLinkRef {
  readonly key: string;
  readonly slug: string;
  readonly name: string;
  readonly url: string;
}
export interface ApiAuthorRef {
  readonly slug: string;
  readonly name: string;
  readonly role: string;
  readonly url: string;
}

export interface ApiArticleSummary {
  /** The public id (6 hex characters); derived editions share their source article's id. */
  readonly id: string;
  readonly edition: EditionCode;
  readonly lang: string;
  readonly storyId: number;
  readonly url: string;
  readonly headline: string;
  readonly lead: string;
  readonly section: ApiLinkRef | null;
  readonly tags: readonly ApiLinkRef[];
  readonly authors: readonly ApiAuthorRef[];
  /** ISO 8601 with the agency's offset (+05:00). */
  readonly publishedAt: string;
  readonly updatedAt: string | null;
  readonly breaking: boolean;
  readonly image: ApiImage | null;
}

export interface ApiStoryEdition {
  readonly edition: EditionCode;
  readonly lang: string;
  readonly id: string;
  readonly url: string;
  readonly api: string;
  readonly headline: string;
  readonly publishedAt: string;
}

export interface ApiArticle extends ApiArticleSummary {
  readonly sourceLine: string;
  readonly body: { readonly blocks: readonly ApiBlock[]; readonly html: string };
  /** The same story in every edition that shows it (derived editions included). */
  readonly editions: readonly ApiStoryEdition[];
  /** When the article was first made (ISO 8601 with offset), for ninjs `firstcreated`. */
  readonly createdAt: string;
  /** Counts the saves of the article: the ninjs `version`. */
  readonly revision: number;
}

export interface ApiStory {
  readonly id: number;
  readonly editions: readonly ApiStoryEdition[];
}

export interface ApiArticleList {
  readonly items: readonly ApiArticleSummary[];
  /** The cursor of the next page, null on the last one. */
  readonly cursor: string | null;
}

/** A result with the cache tags of what it shows (sent as Surrogate-Key). */
export interface Tagged<T> {
  readonly data: T;
  readonly tags: readonly string[];
}
