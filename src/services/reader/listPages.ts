// The reader's lists of cards: section, tag, author, latest, a day's archive and most popular.
import { contentEdition, EDITION_CODES, type EditionCode } from '../../editions/editions.ts';
import { fill } from '../../editions/uiStrings.ts';
import { cacheTags } from '../../cache/tags.ts';
import { zonedDate, zonedDayRange } from '../../content/dates.ts';
import * as articles from '../../store/articles.ts';
import * as taxonomy from '../../store/taxonomy.ts';
import type { ArchivePage, AuthorView, ListPage, PageData } from '../pageModels.ts';
import { formatDateLine } from '../../content/dateLine.ts';
import { paths } from '../urls.ts';
import type { PageKit } from './kit.ts';

type List = Promise<PageData<ListPage> | null>;

export function sectionPage(kit: PageKit, code: EditionCode, slug: string, page: number): List {
  const text = kit.deps.texts.get(code);
  const section = kit.deps.sections.bySlugIn(text.written, slug);
  if (!section) return Promise.resolve(null);
  const name = text.tx(section.names.get(text.written)!.name);
  const path = paths.section(code, slug);
  const codes = EDITION_CODES.filter((c) => section.names.has(contentEdition(c)));
  return kit.listPage(
    code,
    { sectionId: section.id },
    page,
    path,
    name,
    [cacheTags.section(section.id, text.written)],
    {
      title: name,
      description: `${name} — ${text.strings.siteName}`,
      alternates: kit.alternates(codes, (c) => paths.section(c, section.names.get(contentEdition(c))!.slug)),
      feeds: kit.feeds(code, { kind: 'section', slug, name }),
    },
    {
      currentSectionId: section.id,
      // The same section in every edition that has it (its slug there), else that edition's home.
      languageHref: (c) => {
        const there = section.names.get(contentEdition(c));
        return there ? paths.section(c, there.slug) : null;
      },
    },
  );
}

export async function tagPage(kit: PageKit, code: EditionCode, slug: string, page: number): List {
  const text = kit.deps.texts.get(code);
  const tag = await taxonomy.tagBySlug(kit.deps.db, text.written, slug);
  if (!tag) return null;
  const name = text.tx(tag.name);
  const heading = fill(text.strings.tagTitle, { tag: name });
  // Its slug in every written edition, in one query: the alternates of the editions that name it.
  const names = await taxonomy.tagNamesEverywhere(kit.deps.db, tag.id);
  const slugs = new Map(names.map((n) => [n.edition, n.slug]));
  const codes = EDITION_CODES.filter((c) => slugs.has(contentEdition(c)));
  return kit.listPage(
    code,
    { tagId: tag.id },
    page,
    paths.tag(code, slug),
    heading,
    [cacheTags.tag(tag.id), cacheTags.list(text.written)],
    {
      title: heading,
      description: heading,
      alternates: kit.alternates(codes, (c) => paths.tag(c, slugs.get(contentEdition(c))!)),
      feeds: kit.feeds(code, { kind: 'tag', slug, name }),
    },
    // The same tag where it is named, else the edition's home (a tag may live in some editions only).
    { languageHref: (c) => (slugs.has(contentEdition(c)) ? paths.tag(c, slugs.get(contentEdition(c))!) : null) },
  );
}

/** Where the page of a merged or renamed tag lives now, null when the slug never was a tag's. */
export async function tagMovedTo(kit: PageKit, code: EditionCode, slug: string): Promise<string | null> {
  const written = kit.deps.texts.get(code).written;
  const moved = await taxonomy.tagRedirect(kit.deps.db, written, slug);
  if (!moved) return null;
  const now = (await taxonomy.tagNames(kit.deps.db, written, [moved]))[0];
  return now ? paths.tag(code, now.slug) : null;
}

export async function authorPage(kit: PageKit, code: EditionCode, slug: string, page: number): List {
  const text = kit.deps.texts.get(code);
  const a = await taxonomy.authorBySlug(kit.deps.db, text.written, slug);
  if (!a) return null;
  const photos = await kit.deps.content.assets(code, [a.photo_asset_id]);
  const photo = a.photo_asset_id !== null ? photos.get(a.photo_asset_id) : undefined;
  const author: AuthorView = {
    href: paths.author(code, slug),
    name: text.tx(a.name),
    role: text.tx(a.role),
    bio: text.tx(a.bio),
    photo: photo ? kit.deps.content.image(code, photo, { caption: '', credit: '', alt: '' }) : null,
  };
  const heading = fill(text.strings.articlesBy, { name: author.name });
  // The author's page exists in the editions that name the author (one slug for all of them).
  const named = new Set(await taxonomy.authorEditions(kit.deps.db, a.id));
  return kit.listPage(
    code,
    { authorId: a.id },
    page,
    paths.author(code, slug),
    author.name,
    [cacheTags.author(a.id), cacheTags.list(text.written)],
    {
      title: heading,
      description: author.bio || heading,
      alternates: kit.alternates(EDITION_CODES, (c) => paths.author(c, slug)),
      feeds: kit.feeds(code, { kind: 'author', slug, name: author.name }),
    },
    { languageHref: (c) => (named.has(contentEdition(c)) ? paths.author(c, slug) : null) },
    { author },
  );
}

export function latestPage(kit: PageKit, code: EditionCode, page: number): List {
  const text = kit.deps.texts.get(code);
  return kit.listPage(
    code,
    {},
    page,
    paths.latest(code),
    text.strings.latest,
    [cacheTags.list(text.written)],
    {
      title: text.strings.latest,
      description: text.strings.siteDescription,
      alternates: kit.alternates(EDITION_CODES, paths.latest),
      feeds: kit.feeds(code, { kind: 'edition' }),
    },
    { languageHref: paths.latest },
    { archive: { href: paths.archive(code), text: text.strings.archive } },
  );
}

/**
 * A day's archive, or null (404, never cached) for a day without articles: before the first
 * article, after today and every quiet day between. Otherwise any of ~60,000 past dates would be
 * a distinct, cacheable empty page. Its links lead to the nearest days that have articles.
 */
export async function dayPage(kit: PageKit, code: EditionCode, y: number, m: number, d: number, page: number): List {
  const { db, timeZone } = kit.deps;
  const range = zonedDayRange(y, m, d, timeZone);
  const now = kit.now();
  if (!range || range.start.toISOString() > now) return null;
  const text = kit.deps.texts.get(code);
  const filter = { from: range.start.toISOString(), to: range.end.toISOString() };
  if ((await articles.listPublished(db, { ...filter, edition: text.written, now }, 1)).length === 0) return null;
  const dayText = text.day(new Date(range.start.getTime() + 12 * 3_600_000));
  const heading = fill(text.strings.archiveTitle, { date: dayText });
  const [before, after] = await Promise.all([
    articles.nearestPublished(db, { edition: text.written, now, to: range.start.toISOString() }, 'before'),
    articles.nearestPublished(db, { edition: text.written, now, from: range.end.toISOString() }, 'after'),
  ]);
  const dayPath = (c: EditionCode, iso: string) => {
    const z = zonedDate(new Date(iso), timeZone);
    return paths.day(c, z.y, z.m, z.d);
  };
  const dayNav = {
    prev: before ? { href: dayPath(code, before), text: text.strings.previousDay } : null,
    next: after ? { href: dayPath(code, after), text: text.strings.nextDay } : null,
  };
  const path = paths.day(code, y, m, d);
  // The same day in the editions that have articles on it; the others' archive of recent days.
  const written = [...new Set(EDITION_CODES.map(contentEdition))];
  const has = await Promise.all(
    written.map(async (w) => w === text.written || (await articles.listPublished(db, { ...filter, edition: w, now }, 1)).length > 0),
  );
  const withArticles = new Set(written.filter((_, i) => has[i]));
  // Neighbouring days' links change when the first article of a quiet day is published: any
  // publication in the edition invalidates the list tag, which this page carries.
  return kit.listPage(
    code,
    filter,
    page,
    path,
    heading,
    // Other editions' lists too: their first article of the day changes where the menu leads.
    written.map(cacheTags.list),
    { title: heading, description: heading, alternates: kit.alternates(EDITION_CODES, (c) => paths.day(c, y, m, d)) },
    { languageHref: (c) => (withArticles.has(contentEdition(c)) ? paths.day(c, y, m, d) : paths.archive(c)) },
    { dayNav, archive: { href: paths.archive(code), text: text.strings.archive } },
  );
}

export function popularPage(kit: PageKit, code: EditionCode): PageData<ListPage> {
  const text = kit.deps.texts.get(code);
  const cards = kit.deps.popular.ranking(code, 'day');
  const week = kit.deps.popular.ranking(code, 'week');
  const path = paths.popular(code);
  return {
    chrome: kit.chrome(code, { switchHref: kit.switchPath(code, path), languageHref: paths.popular }),
    head: {
      title: `${text.strings.popular} | ${text.strings.siteName}`,
      description: text.strings.siteDescription,
      canonical: kit.abs(code, path),
      alternates: kit.alternates(EDITION_CODES, paths.popular),
      ogType: 'website',
      image: null,
    },
    body: { heading: text.strings.popular, cards, week, pager: null },
    tags: kit.baseTags(code),
  };
}

/** How many days (with articles) the archive page lists. */
export const ARCHIVE_DAYS = 30;

/**
 * The edition's recent days that have articles, newest first, each leading to its day archive:
 * one indexed query per day (the newest article before the start of the last day found).
 */
export async function archivePage(kit: PageKit, code: EditionCode): Promise<PageData<ArchivePage>> {
  const { db, timeZone } = kit.deps;
  const text = kit.deps.texts.get(code);
  const edition = text.edition;
  const now = kit.now();
  const style = { locale: edition.intlLocale, order: edition.dateOrder, timeZone };
  const days: ArchivePage['days'][number][] = [];
  let before: string | undefined;
  while (days.length < ARCHIVE_DAYS) {
    const at = await articles.nearestPublished(db, { edition: text.written, now, ...(before ? { to: before } : {}) }, 'before');
    if (!at) break;
    const z = zonedDate(new Date(at), timeZone);
    const range = zonedDayRange(z.y, z.m, z.d, timeZone)!;
    const noon = new Date(range.start.getTime() + 12 * 3_600_000);
    days.push({
      href: paths.day(code, z.y, z.m, z.d),
      text: text.tx(formatDateLine(noon, style)),
      iso: `${z.y}-${String(z.m).padStart(2, '0')}-${String(z.d).padStart(2, '0')}`,
    });
    before = range.start.toISOString();
  }
  const path = paths.archive(code);
  const heading = text.strings.archive;
  return {
    chrome: kit.chrome(code, { switchHref: kit.switchPath(code, path), languageHref: paths.archive }),
    head: {
      title: `${heading} | ${text.strings.siteName}`,
      description: heading,
      canonical: kit.abs(code, path),
      alternates: kit.alternates(EDITION_CODES, paths.archive),
      ogType: 'website',
      image: null,
    },
    body: { heading, days },
    // A new day appears with its first article: any publication in the edition.
    tags: [...kit.baseTags(code), cacheTags.list(text.written)],
  };
}
