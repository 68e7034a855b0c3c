// Cache tags: what a page shows. A change invalidates exactly the tags it touches; the same
// strings go out as `Surrogate-Key` so a CDN can purge the same way.
import type { EditionCode, WrittenEditionCode } from '../editions/editions.ts';

export const cacheTags = {
  /** The page shows this article (its page, or a card of it in a list). */
  article: (articleId: number) => `a${articleId}`,
  /** The page's language menu and hreflang depend on this story's editions. */
  story: (storyId: number) => `s${storyId}`,
  /** The page lists the newest articles of a written edition (home, latest, day archive). */
  list: (written: WrittenEditionCode) => `l-${written}`,
  /** The page lists the newest articles of a section in a written edition. */
  section: (sectionId: number, written: WrittenEditionCode) => `sec${sectionId}-${written}`,
  tag: (tagId: number) => `t${tagId}`,
  author: (authorId: number) => `au${authorId}`,
  /** The page shows the most-popular block of an edition. */
  popular: (code: EditionCode) => `p-${code}`,
  /** Every page of an edition (UI strings, lexicon, converter changes). */
  edition: (code: EditionCode) => `e-${code}`,
  /** Every page with the section menu. */
  sections: () => 'sections',
};
