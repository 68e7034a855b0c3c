// Which cached pages a content change touches. The page cache drops them; the same tags can be
// sent to a CDN and, on PostgreSQL, to the other processes.
import { cacheTags } from '../cache/tags.ts';
import type { WrittenEditionCode } from '../editions/editions.ts';

export interface ArticleFacts {
  readonly id: number;
  readonly storyId: number;
  readonly edition: WrittenEditionCode;
  readonly sectionId: number;
  readonly tagIds: readonly number[];
  readonly authorIds: readonly number[];
  /** Its publication time (its month's article sitemap lists it). */
  readonly publishedAt?: string | null;
  /** The written edition and publication time of the story's other visible editions (their sitemap entries name it as an alternate). */
  readonly siblings?: readonly { readonly edition: WrittenEditionCode; readonly publishedAt: string | null }[];
}

/** The sitemap tags of an article published at `publishedAt` in a written edition. */
function sitemapTags(tags: Set<string>, edition: WrittenEditionCode, publishedAt: string | null | undefined): void {
  if (!publishedAt) return;
  tags.add(cacheTags.sitemapMonth(edition, publishedAt.slice(0, 7)));
  tags.add(cacheTags.sitemapIndex());
}

/**
 * Tags to drop when an article changes. An edit touches the pages that show the article; a change
 * of visibility (publish, unpublish, embargo lifted) or of placement also touches the lists it
 * enters or leaves, and the story's other editions (their language menu and hreflang). Every
 * change of a visible article touches its month's article sitemaps (lastmod, slug, photo) and the
 * sitemap index, a change of visibility also the months of the story's other editions (hreflang);
 * and every one sends `articles`, which pages too large to name each article carry instead.
 */
export function tagsForArticleChange(before: ArticleFacts | null, after: ArticleFacts | null, visibilityChanged: boolean): string[] {
  const tags = new Set<string>();
  for (const a of [before, after]) {
    if (!a) continue;
    tags.add(cacheTags.article(a.id));
    if (
      visibilityChanged ||
      before?.sectionId !== after?.sectionId ||
      String(before?.tagIds) !== String(after?.tagIds) ||
      String(before?.authorIds) !== String(after?.authorIds)
    ) {
      tags.add(cacheTags.list(a.edition));
      tags.add(cacheTags.section(a.sectionId, a.edition));
      a.tagIds.forEach((t) => tags.add(cacheTags.tag(t)));
      a.authorIds.forEach((t) => tags.add(cacheTags.author(t)));
    }
    if (visibilityChanged) tags.add(cacheTags.story(a.storyId));
    sitemapTags(tags, a.edition, a.publishedAt);
    if (visibilityChanged) for (const s of a.siblings ?? []) sitemapTags(tags, s.edition, s.publishedAt);
  }
  if (tags.size > 0) tags.add(cacheTags.anyArticle());
  return [...tags];
}
