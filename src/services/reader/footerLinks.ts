// The footer's outside links: the agency's social accounts and mobile apps. Configuration, like the
// edition table: one typed constant, edited here (demo values). Names are brands, the same in every
// edition; `editions` limits a link to some editions (omitted: all).
import type { EditionCode } from '../../editions/editions.ts';

export interface OutsideLink {
  readonly name: string;
  readonly href: string;
  readonly editions?: readonly EditionCode[];
}

export const SOCIAL_LINKS: readonly OutsideLink[] = [
  { name: 'Telegram', href: 'https://t.me/habarshy_demo' },
  { name: 'Facebook', href: 'https://www.facebook.com/habarshy.demo' },
  { name: 'X', href: 'https://x.com/habarshy_demo' },
  { name: 'Instagram', href: 'https://www.instagram.com/habarshy.demo' },
  { name: 'YouTube', href: 'https://www.youtube.com/@habarshy-demo' },
];

export const APP_LINKS: readonly OutsideLink[] = [
  { name: 'App Store', href: 'https://apps.apple.com/app/id0000000000' },
  { name: 'Google Play', href: 'https://play.google.com/store/apps/details?id=example.habarshy.demo' },
];

/** The four pages every written edition has, in the footer's order: slug and UI string of the link. */
export const FOOTER_PAGES = [
  { slug: 'about', key: 'pageAbout' },
  { slug: 'contacts', key: 'pageContacts' },
  { slug: 'staff', key: 'pageStaff' },
  { slug: 'terms', key: 'pageTerms' },
] as const;
