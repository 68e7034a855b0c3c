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
  /** The article sitemaps of a written edition's month (`yyyy-mm`): any visible article of it changed. */
  sitemapMonth: (written: WrittenEditionCode, month: string) => `sm-${written}-${month}`,
  /** Every static page, its language menu and the pages sitemap: any page published or unpublished. */
  pages: () => 'pages',
  /** The sitemap index (its months, counts and lastmod). */
  sitemapIndex: () => 'sm',
  /**
   * Any article changed: sent with every change, carried only by pages whose own tags would make a
   * Surrogate-Key header too long (surrogateKey below).
   */
  anyArticle: () => 'articles',
};

/** Longest Surrogate-Key header sent, in bytes (curl, Node, Varnish and CDNs refuse 8 KB+ headers). */
export const SURROGATE_KEY_MAX = 4096;

/** Tags naming one article or story: every change that purges them also purges `articles`. */
const FINE = /^[as]\d+$/;
/** Tags naming one tag or author: dropped only as a last resort (see surrogateKey). */
const NAMED = /^(t|au)\d+$/;

/**
 * The Surrogate-Key header of a page with these tags. Past SURROGATE_KEY_MAX bytes the tags of
 * single articles and stories give way to `articles`, which every article change purges, so the
 * edge still drops the page whenever it should (more often, never less). Still too long (thousands
 * of tags or authors on one page), their tags go too: such a page then follows renames of a tag or
 * author only through its Cache-Control lifetime at the edge (the in-memory cache keeps every tag).
 */
export function surrogateKey(tags: Iterable<string>): string {
  const unique = [...new Set(tags)];
  const all = unique.join(' ');
  if (Buffer.byteLength(all) <= SURROGATE_KEY_MAX) return all;
  const broad = [...unique.filter((t) => !FINE.test(t)), cacheTags.anyArticle()];
  if (Buffer.byteLength(broad.join(' ')) <= SURROGATE_KEY_MAX) return broad.join(' ');
  const broadest = broad.filter((t) => !NAMED.test(t)).join(' ');
  return Buffer.byteLength(broadest) <= SURROGATE_KEY_MAX ? broadest : broadest.slice(0, broadest.lastIndexOf(' ', SURROGATE_KEY_MAX));
}
