// Restoring a revision restores everything the revision held (issue 13): text, section, slug, lead
// photo, breaking and pinned flags, correction note, tags and authors. A reference that no longer
// exists (a deleted tag, author, section or photo) is left out rather than refusing the restore.
// The result is a save patch: ArticlesService.restore saves it on top of the current revision.
import type { Db } from '../../db/connect.ts';
import { existingIds } from '../../store/newsroom.ts';

/** The fields of a save (ArticlesService's SavePatch). */
export interface RestorePatch {
  revision: number;
  headline: string; lead: string; body: unknown; sectionId?: number; tagIds: number[]; authorIds: number[];
  sourceLine: string; slug: string; seoTitle: string; seoDescription: string; breaking: boolean; pinned: boolean;
  heroAssetId: number | null; correctionNote: string;
}

const ids = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => Number.isSafeInteger(x)) : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const flag = (v: unknown): boolean => v === 1 || v === true;

/** The save patch that puts `snapshot` (a revision's stored data) back, guarded by revision `current`. */
export async function restorePatch(db: Db, snapshot: Record<string, unknown>, current: number, emptyBody: unknown): Promise<RestorePatch> {
  const hero = typeof snapshot['hero_asset_id'] === 'number' ? snapshot['hero_asset_id'] : null;
  const section = Number(snapshot['section_id']);
  const [tags, authors, sections, assets] = await Promise.all([
    existingIds(db, 'tags', ids(snapshot['tagIds'])),
    existingIds(db, 'authors', ids(snapshot['authorIds'])),
    existingIds(db, 'sections', Number.isSafeInteger(section) ? [section] : []),
    existingIds(db, 'media_assets', hero === null ? [] : [hero]),
  ]);
  const body: unknown = JSON.parse(text(snapshot['body']) || 'null');
  return {
    revision: current,
    headline: text(snapshot['headline']), lead: text(snapshot['lead']), body: body ?? emptyBody,
    ...(sections.has(section) ? { sectionId: section } : {}),
    tagIds: ids(snapshot['tagIds']).filter((t) => tags.has(t)),
    authorIds: ids(snapshot['authorIds']).filter((a) => authors.has(a)),
    sourceLine: text(snapshot['source_line']), slug: text(snapshot['slug']),
    seoTitle: text(snapshot['seo_title']), seoDescription: text(snapshot['seo_description']),
    breaking: flag(snapshot['breaking']), pinned: flag(snapshot['pinned']),
    heroAssetId: hero !== null && assets.has(hero) ? hero : null,
    correctionNote: text(snapshot['correction_note']),
  };
}
