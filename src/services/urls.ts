// Canonical paths of the reader site (DESIGN.md §3). The id decides; the slug is decoration.
import type { EditionCode } from '../editions/editions.ts';

export const paths = {
  home: (e: EditionCode) => `/${e}/`,
  article: (e: EditionCode, slug: string, publicId: string) => `/${e}/news/${slug ? `${slug}-` : ''}${publicId}`,
  section: (e: EditionCode, slug: string) => `/${e}/${slug}/`,
  tag: (e: EditionCode, slug: string) => `/${e}/tag/${slug}`,
  author: (e: EditionCode, slug: string) => `/${e}/author/${slug}`,
  latest: (e: EditionCode) => `/${e}/latest`,
  /** A static page ("About", "Contacts", …): one Latin slug in every edition. */
  page: (e: EditionCode, slug: string) => `/${e}/page/${slug}`,
  popular: (e: EditionCode) => `/${e}/popular`,
  /** The list of recent days, each leading to its day archive. */
  archive: (e: EditionCode) => `/${e}/archive`,
  day: (e: EditionCode, y: number, m: number, d: number) => `/${e}/${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`,
  media: (fileKey: string, width: number) => `/media/${fileKey}-${width}.webp`,
  withPage: (path: string, page: number) => (page <= 1 ? path : `${path}?page=${page}`),
};

/** Words a section slug may not take because other pages live there (`/{edition}/tag/…`): enforced by NewsroomManage. */
export const RESERVED_SLUGS = new Set([
  'news',
  'tag',
  'author',
  'latest',
  'popular',
  'archive',
  'search',
  'page',
  'beacon',
  'feed',
  'rss',
  'sitemap',
]);

export const IMAGE_WIDTHS = [480, 800, 1200] as const;
