// Restoring a revision restores everything the revision held (issue 13): text, section, slug, lead
// photo, breaking and pinned flags, correction note, tags and authors. A reference that no longer
// exists (a deleted tag, author, section or photo) is left out rather than refusing the restore.
// The result is a save patch: ArticlesService.restore saves it on top of the current revision.
import type { Db } from '../../db/connect.ts';
import { existingIds } from '../../store/newsroom.ts';
import type { RevisionSnapshot } from './revisions.ts';

/** The fields of a save (ArticlesService's SavePatch). */
export interface RestorePatch {
  revision: number;
  headline: string;
  lead: string;
  body: unknown;
  sectionId?: number;
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

/** The save patch that puts a revision's snapshot back, guarded by revision `current`. */
export async function restorePatch(db: Db, snapshot: RevisionSnapshot, current: number, emptyBody: unknown): Promise<RestorePatch> {
  const hero = snapshot.heroAssetId;
  const section = snapshot.sectionId;
  const [tags, authors, sections, assets] = await Promise.all([
    existingIds(db, 'tags', [...snapshot.tagIds]),
    existingIds(db, 'authors', [...snapshot.authorIds]),
    existingIds(db, 'sections', section === undefined ? [] : [section]),
    existingIds(db, 'media_assets', hero === null ? [] : [hero]),
  ]);
  return {
    revision: current,
    headline: snapshot.headline,
    lead: snapshot.lead,
    body: snapshot.body ?? emptyBody,
    ...(section !== undefined && sections.has(section) ? { sectionId: section } : {}),
    tagIds: snapshot.tagIds.filter((t) => tags.has(t)),
    authorIds: snapshot.authorIds.filter((a) => authors.has(a)),
    sourceLine: snapshot.sourceLine,
    slug: snapshot.slug,
    seoTitle: snapshot.seoTitle,
    seoDescription: snapshot.seoDescription,
    breaking: snapshot.breaking,
    pinned: snapshot.pinned,
    heroAssetId: hero !== null && assets.has(hero) ? hero : null,
    correctionNote: snapshot.correctionNote,
  };
}
