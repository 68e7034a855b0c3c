// An edition's home: the breaking strip, the top story and leads, the time-stamped news feed,
// the section blocks, and the sidebar's most popular and editor's picks.
//
// No story is shown in more than two places. The blocks are filled in order of importance, each
// taking only stories shown fewer times than it allows: breaking strip and top/leads first (the
// editors' choices are never dropped), then the feed (the agency's signature), the section blocks
// (stories not shown yet, topped up with some shown once), most popular (a ranking leaves out what
// is shown twice) and editor's picks (stories not shown yet).
import { EDITIONS, EDITION_CODES, type EditionCode } from '../../editions/editions.ts';
import { cacheTags } from '../../cache/tags.ts';
import { formatTime } from '../../content/dates.ts';
import * as articles from '../../store/articles.ts';
import type { ArticleCard, FeedItem, HomePage, PageData } from '../pageModels.ts';
import { searchPath } from '../search.ts';
import { webSiteJsonLd } from '../structuredData.ts';
import { paths } from '../urls.ts';
import type { PageKit } from './kit.ts';

/** The newest articles the home chooses from. */
const RECENT = 60;
const LEADS = 4;
const BREAKING = 3;
const FEED = 15;
const POPULAR_SHOWN = 5;
const PER_SECTION = 4;
const MIN_PER_SECTION = 2;
const PICKS = 4;
/** A story appears in at most this many places of the home. */
export const MAX_PLACES = 2;

export async function homePage(kit: PageKit, code: EditionCode): Promise<PageData<HomePage>> {
  const { db, content, sections, popular, timeZone } = kit.deps;
  const text = content.text(code);
  const written = text.written;
  const now = kit.now();
  const sectionList = sections.list(written);
  const [recent, perSection] = await Promise.all([
    articles.listPublished(db, { edition: written, now }, RECENT),
    // Three times a block's cards: the newest of a section are often shown above already.
    articles.latestPerSection(
      db,
      written,
      now,
      sectionList.map((s) => s.id),
      PER_SECTION * 3,
    ),
  ]);

  const places = new Map<number, number>();
  const shown = (id: number) => places.get(id) ?? 0;
  const place = (ids: Iterable<number>) => {
    for (const id of new Set(ids)) places.set(id, shown(id) + 1);
  };

  const breakingRows = recent.filter((r) => r.breaking === 1).slice(0, BREAKING);
  place(breakingRows.map((r) => r.id));
  const byPriority = [...recent.filter((r) => r.pinned === 1), ...recent.filter((r) => r.pinned !== 1)];
  const topRows = byPriority.slice(0, 1 + LEADS);
  place(topRows.map((r) => r.id));

  const feedRows = recent.filter((r) => shown(r.id) < MAX_PLACES).slice(0, FEED);
  place(feedRows.map((r) => r.id));

  // A section whose newest stories are all shown above still gets its block: topped up to
  // MIN_PER_SECTION with stories shown once, newest first.
  const blocks = sectionList.map((s) => {
    const own = perSection.filter((r) => r.section_id === s.id);
    const fresh = own.filter((r) => shown(r.id) === 0).slice(0, PER_SECTION);
    const topUp = own.filter((r) => shown(r.id) > 0 && shown(r.id) < MAX_PLACES).slice(0, Math.max(0, MIN_PER_SECTION - fresh.length));
    const chosen = new Set([...fresh, ...topUp]);
    const rows = own.filter((r) => chosen.has(r));
    place(rows.map((r) => r.id));
    return { section: s, rows };
  });

  // Rankings keep their order; a story already shown twice is left out of them here.
  const ranked = (list: readonly ArticleCard[]) => list.filter((c) => shown(c.articleId) < MAX_PLACES).slice(0, POPULAR_SHOWN);
  const today = ranked(popular.ranking(code, 'day'));
  const week = ranked(popular.ranking(code, 'week'));
  place([...today, ...week].map((c) => c.articleId));

  // Every card of the page in one batch: overrides and photos in one query each.
  const candidates = byPriority.filter((r) => shown(r.id) === 0);
  const unique = new Map([...breakingRows, ...topRows, ...feedRows, ...blocks.flatMap((b) => b.rows), ...candidates].map((r) => [r.id, r]));
  const cards = new Map((await content.cards(code, [...unique.values()])).map((c) => [c.articleId, c]));
  const card = (id: number) => cards.get(id)!;

  // Editor's picks: pinned stories first, then recent ones with a photo, not shown elsewhere.
  const picks = candidates
    .filter((r) => r.pinned === 1 || card(r.id).image)
    .slice(0, PICKS)
    .map((r) => card(r.id));

  const style = { locale: 'en', order: 'time-day-month-year', timeZone } as const;
  const item = (id: number): FeedItem => {
    const c = card(id);
    return { clock: formatTime(new Date(c.time.iso), style), card: c };
  };
  const todayLine = text.day(new Date(now));
  const feed: { day: string; items: FeedItem[] }[] = [];
  for (const r of feedRows) {
    const dayLine = text.day(new Date(r.published_at ?? now));
    const day = dayLine === todayLine ? text.strings.today : dayLine;
    const last = feed.at(-1);
    if (last?.day === day) last.items.push(item(r.id));
    else feed.push({ day, items: [item(r.id)] });
  }

  const strings = text.strings;
  const path = paths.home(code);
  const top = topRows[0] ? card(topRows[0].id) : null;
  const shownIds = [...places.keys(), ...picks.map((c) => c.articleId)];
  return {
    chrome: kit.chrome(code, { switchHref: kit.switchPath(code, path) }),
    head: {
      title: strings.siteName,
      description: strings.siteDescription,
      canonical: kit.abs(code, path),
      alternates: kit.alternates(EDITION_CODES, (c) => paths.home(c), '/'),
      ogType: 'website',
      image: top?.image ? kit.abs(code, top.image.src) : null,
      feeds: kit.feeds(code, { kind: 'edition' }),
      jsonLd: [
        webSiteJsonLd({
          name: strings.siteName,
          description: strings.siteDescription,
          url: kit.abs(code, path),
          inLanguage: EDITIONS[code].lang,
          searchUrlTemplate: `${kit.abs(code, searchPath(code))}?q={search_term_string}`,
          publisher: kit.publisher(code),
        }),
      ],
    },
    body: {
      breaking: breakingRows.map((r) => item(r.id)),
      top,
      leads: topRows.slice(1).map((r) => card(r.id)),
      feed,
      sections: blocks
        .filter((b) => b.rows.length > 0)
        .map((b) => {
          const n = b.section.names.get(written)!;
          return { section: { href: paths.section(code, n.slug), text: text.tx(n.name) }, cards: b.rows.map((r) => card(r.id)) };
        }),
      popular: { today, week },
      picks,
      latestHref: paths.latest(code),
    },
    tags: [...kit.baseTags(code), cacheTags.list(written), ...shownIds.map((id) => cacheTags.article(id))],
  };
}
