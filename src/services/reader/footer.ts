// The footer of an edition's pages: the agency's static pages, its sections, the edition's RSS
// feeds (the whole edition and each section), social links and apps. Every text is final (the
// edition's UI strings, already converted for derived editions; section names converted).
import type { EditionCode } from '../../editions/editions.ts';
import type { UiStrings } from '../../editions/uiStrings.ts';
import { feedPath } from '../feedPaths.ts';
import type { Link } from '../pageModels.ts';
import { paths } from '../urls.ts';
import { APP_LINKS, FOOTER_PAGES, SOCIAL_LINKS, type OutsideLink } from './footerLinks.ts';

export interface Footer {
  readonly pages: readonly Link[];
  readonly sections: readonly Link[];
  readonly feeds: readonly Link[];
  readonly social: readonly Link[];
  readonly apps: readonly Link[];
}

export function footerFor(code: EditionCode, strings: UiStrings, sections: readonly { slug: string; name: string }[]): Footer {
  const outside = (links: readonly OutsideLink[]): Link[] =>
    links.filter((l) => !l.editions || l.editions.includes(code)).map((l) => ({ href: l.href, text: l.name }));
  return {
    pages: FOOTER_PAGES.map((p) => ({ href: paths.page(code, p.slug), text: strings[p.key] })),
    sections: sections.map((s) => ({ href: paths.section(code, s.slug), text: s.name })),
    feeds: [
      { href: feedPath(code, { kind: 'edition' }, 'rss'), text: strings.footerAllNews },
      ...sections.map((s) => ({ href: feedPath(code, { kind: 'section', slug: s.slug, name: s.name }, 'rss'), text: s.name })),
    ],
    social: outside(SOCIAL_LINKS),
    apps: outside(APP_LINKS),
  };
}
