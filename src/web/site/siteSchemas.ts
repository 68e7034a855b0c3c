// The reader site's params and queries as TypeBox schemas: routes are typed by them. A param that
// fails its schema names no page (404); a query that fails is a bad request (400) — sitePlugin's
// error handler tells them apart by the validation context.
import { Type } from '@sinclair/typebox';
import { EDITION_CODES, type EditionCode } from '../../editions/editions.ts';
import { PERIODS } from '../../services/search.ts';

const Edition = Type.Unsafe<EditionCode>({ type: 'string', enum: [...EDITION_CODES] });
/** Slugs are lower-case Latin letters, digits and hyphens: anything else cannot exist. */
const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,99}$' });
/** `?page=`: a positive whole number of at most six digits (leading zeros allowed, as always). */
const Page = Type.Optional(Type.String({ pattern: '^(?!0+$)\\d{1,6}$' }));

/** The page number of a validated `?page=` (1 when absent). */
export const pageNumber = (page: string | undefined): number => (page === undefined ? 1 : Number(page));

export const EditionParams = Type.Object({ edition: Edition });
export const SectionParams = Type.Object({ edition: Edition, section: Slug });
export const SlugParams = Type.Object({ edition: Edition, slug: Slug });
/** `{slug}-{id}`: the slug may be empty or stale, the 6-hex public id decides. */
export const ArticleParams = Type.Object({ edition: Edition, slugId: Type.String({ pattern: '^(?:.*-)?[0-9a-f]{6}$' }) });
export const DayParams = Type.Object({
  edition: Edition,
  year: Type.String({ pattern: '^\\d{4}$' }),
  month: Type.String({ pattern: '^\\d{2}$' }),
  day: Type.String({ pattern: '^\\d{2}$' }),
});

export const PageQuery = Type.Object({ page: Page });

/** Search: an empty `order`, `section` or `period` means none (the form sends them empty). */
export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String()),
  page: Page,
  order: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('newest'), Type.Literal('')])),
  section: Type.Optional(Type.String({ maxLength: 200 })),
  period: Type.Optional(Type.Union([...PERIODS.map((p) => Type.Literal(p)), Type.Literal('')])),
});

/** The view beacon: an article's public id and the edition it was read in. */
export const BeaconQuery = Type.Object({ a: Type.String({ pattern: '^[0-9a-f]{6}$' }), e: Edition });
