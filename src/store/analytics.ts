// Views for the newsroom's analytics: sums of the beacon's hourly counts (view_counts), limited to
// articles of the desks (written editions) a user works on. Hours are hours since the Unix epoch (UTC).
import type { Db } from '../db/connect.ts';

export interface HourRange {
  /** First hour, inclusive. */
  readonly from: number;
  /** Last hour, inclusive. */
  readonly to: number;
}

/** Views per reading edition and hour, for the desks' articles (or one article). */
export async function viewsByEditionHour(
  db: Db,
  desks: readonly string[],
  range: HourRange,
  articleId?: number,
): Promise<{ edition: string; hour: number; views: number }[]> {
  if (desks.length === 0) return [];
  const rows = await db
    .selectFrom('view_counts')
    .innerJoin('articles', 'articles.id', 'view_counts.article_id')
    .select(['view_counts.edition', 'view_counts.hour', (eb) => eb.fn.sum<number>('view_counts.views').as('views')])
    .where('articles.edition', 'in', [...desks])
    .where('view_counts.hour', '>=', range.from)
    .where('view_counts.hour', '<=', range.to)
    .$if(articleId !== undefined, (qb) => qb.where('view_counts.article_id', '=', articleId!))
    .groupBy(['view_counts.edition', 'view_counts.hour'])
    .execute();
  return rows.map((r) => ({ edition: r.edition, hour: Number(r.hour), views: Number(r.views) }));
}

/** The most-read articles of the desks in one reading edition over a range. */
export async function topInEdition(
  db: Db,
  desks: readonly string[],
  edition: string,
  range: HourRange,
  limit: number,
): Promise<{ id: number; headline: string; views: number }[]> {
  if (desks.length === 0) return [];
  const rows = await db
    .selectFrom('view_counts')
    .innerJoin('articles', 'articles.id', 'view_counts.article_id')
    .select(['articles.id', 'articles.headline', (eb) => eb.fn.sum<number>('view_counts.views').as('views')])
    .where('view_counts.edition', '=', edition)
    .where('articles.edition', 'in', [...desks])
    .where('view_counts.hour', '>=', range.from)
    .where('view_counts.hour', '<=', range.to)
    .groupBy(['articles.id', 'articles.headline'])
    .orderBy('views', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, headline: r.headline, views: Number(r.views) }));
}

/** Views of some articles in one reading edition over a range (the previous period of a top list). */
export async function viewsOfArticles(db: Db, edition: string, ids: readonly number[], range: HourRange): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('view_counts')
    .select(['article_id', (eb) => eb.fn.sum<number>('views').as('views')])
    .where('edition', '=', edition)
    .where('article_id', 'in', [...ids])
    .where('hour', '>=', range.from)
    .where('hour', '<=', range.to)
    .groupBy('article_id')
    .execute();
  return new Map(rows.map((r) => [r.article_id, Number(r.views)]));
}

/** Views per section of the desks' articles over a range, with the section's name in `nameEdition`. */
export async function viewsBySection(
  db: Db,
  desks: readonly string[],
  range: HourRange,
  nameEdition: string,
): Promise<{ sectionId: number; key: string; name: string | null; views: number }[]> {
  if (desks.length === 0) return [];
  const rows = await db
    .selectFrom('view_counts')
    .innerJoin('articles', 'articles.id', 'view_counts.article_id')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('section_names', (join) =>
      join.onRef('section_names.section_id', '=', 'sections.id').on('section_names.edition', '=', nameEdition),
    )
    .select(['sections.id', 'sections.key', 'section_names.name', (eb) => eb.fn.sum<number>('view_counts.views').as('views')])
    .where('articles.edition', 'in', [...desks])
    .where('view_counts.hour', '>=', range.from)
    .where('view_counts.hour', '<=', range.to)
    .groupBy(['sections.id', 'sections.key', 'section_names.name'])
    .orderBy('views', 'desc')
    .orderBy('sections.id')
    .execute();
  return rows.map((r) => ({ sectionId: r.id, key: r.key, name: r.name, views: Number(r.views) }));
}

/** Headlines an editor set by hand in a derived edition (derived_overrides), by article id. */
export async function headlineOverrides(db: Db, edition: string, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('derived_overrides')
    .select(['article_id', 'value'])
    .where('edition', '=', edition)
    .where('field', '=', 'headline')
    .where('article_id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.article_id, r.value]));
}
