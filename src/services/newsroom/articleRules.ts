// What the newsroom's article services share: their dependencies, the field limits, the body's
// checks, the read rule and the mapping of the publishing layer's errors.
import type { Db } from '../../db/connect.ts';
import { InvalidBodyError, parseBody, BODY_VERSION, type Body } from '../../content/body.ts';
import { WRITTEN_EDITIONS } from '../../editions/editions.ts';
import type { PublishRow } from '../../store/publishing.ts';
import type { WrittenEdition } from '../../contracts/newsroom/common.ts';
import type { Article, SaveArticle } from '../../contracts/newsroom/articles.ts';
import { PublishingError, type PublishingService } from '../publishing.ts';
import type { EditionHosts } from '../hosts.ts';
import { existingIds } from '../../store/newsroom.ts';
import { conflict, invalid, notFound } from './errors.ts';
import { authorize, type Actor } from './permissions.ts';
import type { SessionUser } from './auth.ts';

export interface CreateInput {
  edition: string;
  sectionId: number;
  headline?: string;
  lead?: string;
  body?: unknown;
  tagIds?: number[];
  authorIds?: number[];
  storyId?: number;
  translatedFrom?: number;
  /** The lead photo (a translation starts with the source's) and its own caption and credit. */
  heroAssetId?: number | null;
  heroTexts?: { caption: string; credit: string } | null;
}

export interface NewsroomArticlesDeps {
  readonly db: Db;
  readonly publishing: PublishingService;
  readonly hosts: EditionHosts;
  readonly timeZone: string;
  readonly clock: () => Date;
  /** Notifications are also queued for e-mail (SMTP_URL is set). */
  readonly mail?: boolean;
}

export const LIMITS = {
  headline: 300,
  lead: 1000,
  sourceLine: 300,
  seoTitle: 200,
  seoDescription: 400,
  correctionNote: 1000,
  tags: 30,
  authors: 10,
};
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const EMPTY_BODY: Body = { version: BODY_VERSION, blocks: [] };

export function bodyOf(row: PublishRow): Body {
  try {
    return JSON.parse(row.body) as Body;
  } catch {
    return EMPTY_BODY;
  }
}

export function validBody(value: unknown): Body {
  try {
    return parseBody(value);
  } catch (e) {
    if (e instanceof InvalidBodyError) throw invalid(`body: ${e.message}`, { path: e.path });
    throw e;
  }
}

export function checkText(name: keyof typeof LIMITS, value: string | undefined): void {
  if (value !== undefined && value.length > LIMITS[name]) throw invalid(`${name}: at most ${LIMITS[name]} characters`);
}

export const target = (row: PublishRow) => ({ edition: row.edition, createdBy: row.created_by, status: row.status });

/** Published articles are open to every newsroom user (translators work from them); the rest to their desks. */
export function authorizeRead(user: Actor, row: PublishRow): void {
  if (row.status !== 'published') authorize(user, 'article.read', target(row));
}

/** Maps the publishing layer's errors to the newsroom's. */
export function fromPublishing(e: unknown, current?: () => Promise<unknown>): Promise<never> {
  if (e instanceof PublishingError) {
    if (e.code === 'NOT_FOUND') throw notFound('No such article');
    if (e.code === 'CONFLICT') {
      return (current ? current() : Promise.resolve(undefined)).then((article) => {
        throw conflict(
          'CONFLICT',
          'Someone saved this article after you opened it: compare and merge',
          article ? { current: article } : undefined,
        );
      });
    }
    throw conflict('INVALID_TRANSITION', e.message);
  }
  throw e;
}

/** How deep an autosaved draft may nest (objects and arrays). */
export const AUTOSAVE_MAX_DEPTH = 200;

/** Whether a parsed JSON value nests deeper than `max` levels, walked with an explicit stack. */
export function deeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** A stored article's edition, which is always a written one. */
export function writtenEdition(edition: string): WrittenEdition {
  const found = WRITTEN_EDITIONS.find((e) => e === edition);
  if (found === undefined) throw new Error(`Article in an unknown edition: ${edition}`);
  return found;
}

/** What a save carries besides the contract's fields (a restore's lead-photo texts). */
export interface SaveExtra {
  /** The article's own caption and credit of its lead photo (null: the library's). */
  heroTexts?: { caption: string; credit: string } | null;
}

/** What the article services ask of the core (NewsroomArticles): the row, the article, a save. */
export interface ArticleCore {
  row(id: number): Promise<PublishRow>;
  get(user: SessionUser | Actor, id: number): Promise<Article>;
  save(user: SessionUser | Actor, id: number, patch: SaveArticle, extra?: SaveExtra): Promise<Article>;
}

/** 400 naming the field when a section, tag, author or photo the input names does not exist. */
export async function checkRefs(
  db: Db,
  p: { sectionId?: number; tagIds?: number[]; authorIds?: number[]; heroAssetId?: number | null },
): Promise<void> {
  if (p.sectionId !== undefined && !(await existingIds(db, 'sections', [p.sectionId])).has(p.sectionId))
    throw invalid('sectionId: no such section');
  if (p.tagIds) {
    if (p.tagIds.length > LIMITS.tags) throw invalid(`tagIds: at most ${LIMITS.tags}`);
    const found = await existingIds(db, 'tags', p.tagIds);
    const missing = p.tagIds.find((t) => !found.has(t));
    if (missing !== undefined) throw invalid(`tagIds: no tag ${missing}`);
  }
  if (p.authorIds) {
    if (p.authorIds.length > LIMITS.authors) throw invalid(`authorIds: at most ${LIMITS.authors}`);
    const found = await existingIds(db, 'authors', p.authorIds);
    const missing = p.authorIds.find((t) => !found.has(t));
    if (missing !== undefined) throw invalid(`authorIds: no author ${missing}`);
  }
  if (
    p.heroAssetId !== undefined &&
    p.heroAssetId !== null &&
    !(await existingIds(db, 'media_assets', [p.heroAssetId])).has(p.heroAssetId)
  ) {
    throw invalid('heroAssetId: no such photo');
  }
}
