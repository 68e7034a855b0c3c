// Where the feeds of an edition live, and their titles (shared by the feeds and the pages that
// announce them with `<link rel="alternate">`).
import type { EditionCode } from '../editions/editions.ts';
import { fill, type UiStrings } from '../editions/uiStrings.ts';
import { paths } from './urls.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** Format names are proper names: the same in every edition. */
export const FEED_FORMAT_NAMES: Readonly<Record<FeedFormat, string>> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

const FILE: Readonly<Record<FeedFormat, string>> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

/** What a feed lists: an edition's newest articles, or those of one section, tag or author. */
export type FeedScope =
  | { readonly kind: 'edition' }
  | { readonly kind: 'section'; readonly slug: string; readonly name: string }
  | { readonly kind: 'tag'; readonly slug: string; readonly name: string }
  | { readonly kind: 'author'; readonly slug: string; readonly name: string };

/** The formats a scope is offered in: JSON Feed for editions, RSS and Atom for every scope. */
export function feedFormats(scope: FeedScope): FeedFormat[] {
  return scope.kind === 'edition' ? ['rss', 'atom', 'json'] : ['rss', 'atom'];
}

/** The page a feed follows (its `link`). */
export function feedPagePath(code: EditionCode, scope: FeedScope): string {
  switch (scope.kind) {
    case 'edition':
      return paths.home(code);
    case 'section':
      return paths.section(code, scope.slug);
    case 'tag':
      return paths.tag(code, scope.slug);
    case 'author':
      return paths.author(code, scope.slug);
  }
}

export function feedPath(code: EditionCode, scope: FeedScope, format: FeedFormat): string {
  switch (scope.kind) {
    case 'edition':
      return `/${code}/${FILE[format]}`;
    case 'section':
      return `${paths.section(code, scope.slug)}${FILE[format]}`;
    case 'tag':
      return `${paths.tag(code, scope.slug)}/${FILE[format]}`;
    case 'author':
      return `${paths.author(code, scope.slug)}/${FILE[format]}`;
  }
}

/** The feed's title in the edition's language (strings and names already converted). */
export function feedTitle(strings: UiStrings, scope: FeedScope): string {
  switch (scope.kind) {
    case 'edition':
      return `${strings.siteName} — ${strings.latest}`;
    case 'section':
      return `${scope.name} — ${strings.siteName}`;
    case 'tag':
      return `${fill(strings.tagTitle, { tag: scope.name })} — ${strings.siteName}`;
    case 'author':
      return `${fill(strings.articlesBy, { name: scope.name })} — ${strings.siteName}`;
  }
}

export interface FeedLink {
  readonly type: string;
  readonly title: string;
  readonly href: string;
}

/** The `<link rel="alternate">` entries of a page that has feeds; `abs` makes a path absolute. */
export function feedLinks(code: EditionCode, strings: UiStrings, scope: FeedScope, abs: (path: string) => string): FeedLink[] {
  const title = feedTitle(strings, scope);
  return feedFormats(scope).map((f) => ({
    type: FEED_TYPES[f],
    title: `${title} (${FEED_FORMAT_NAMES[f]})`,
    href: abs(feedPath(code, scope, f)),
  }));
}
