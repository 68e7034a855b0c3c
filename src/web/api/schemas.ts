// JSON Schemas (TypeBox) of the public API: params, queries and responses of every route. The
// OpenAPI document (/api/v1/openapi.json) is generated from them; tests validate real responses
// against the same schemas.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Divider, Embed, Heading, List, Paragraph, Quote, Table } from '../../content/body.ts';
import { EDITION_CODES, type EditionCode } from '../../editions/editions.ts';
import { NINJS_VERSIONS, type NinjsVersion } from '../../services/ninjs.ts';

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Edition = Type.Unsafe<EditionCode>({
  type: 'string',
  enum: [...EDITION_CODES],
  description: 'Edition code: kz, qz, ru, en, cn, uz, uz-latn, tote (qz, tote and uz-latn are derived by script conversion).',
});
const Slug = (what: string) =>
  Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,99}$', description: `${what} slug in the edition (as in its page URL)` });
const IsoTime = (description: string) => Type.String({ format: 'date-time', description });
const Url = Type.String({ format: 'uri' });

// ---- parameters --------------------------------------------------------------------------------

export const EditionFilter = Type.Object(
  {
    edition: Type.Optional(Edition),
  },
  { additionalProperties: false },
);

export const ArticleParams = Type.Object({
  edition: Edition,
  id: Type.String({ pattern: '^[0-9a-f]{6}$', description: 'Public id of the article (6 hex characters; derived editions share it)' }),
});

export const EditionParams = Type.Object({ edition: Edition });

export const StoryParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'Story id' }) });

const Paging = {
  since: Type.Optional(IsoTime('Only articles published at or after this time (ISO 8601 with offset)')),
  until: Type.Optional(IsoTime('Only articles published before this time (ISO 8601 with offset)')),
  limit: Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, description: `Items per page, 1 to ${MAX_LIMIT}` }),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'The `cursor` of the previous page (opaque)' })),
};

export const ArticlesQuery = Type.Object({
  edition: Edition,
  section: Type.Optional(Slug('Section')),
  tag: Type.Optional(Slug('Tag')),
  author: Type.Optional(Slug('Author')),
  story: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'Only articles of this story' })),
  ...Paging,
});
export type ArticlesQueryT = Static<typeof ArticlesQuery>;

export const SearchQuery = Type.Object({
  edition: Edition,
  q: Type.String({
    minLength: 1,
    maxLength: 200,
    description:
      'What to look for, in any script of the edition\'s language: words (all must match, the last also as a prefix), "phrases in quotes"',
  }),
  section: Type.Optional(Slug('Section')),
  order: Type.Optional(
    Type.Union([Type.Literal('relevance'), Type.Literal('newest')], {
      default: 'relevance',
      description: 'Best match first (default) or newest first',
    }),
  ),
  page: Type.Integer({ minimum: 1, maximum: 500, default: 1, description: 'Page number, from 1' }),
  limit: Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, description: `Items per page, 1 to ${MAX_LIMIT}` }),
});
export type SearchQueryT = Static<typeof SearchQuery>;

export const NinjsVersionQuery = Type.Object({
  version: Type.Unsafe<NinjsVersion>({
    type: 'string',
    enum: [...NINJS_VERSIONS],
    default: '2.2',
    description: 'ninjs version: 2.2 (default) or 3.1',
  }),
});

export const NinjsListQuery = Type.Object({
  version: Type.Unsafe<NinjsVersion>({
    type: 'string',
    enum: [...NINJS_VERSIONS],
    default: '2.2',
    description: 'ninjs version: 2.2 (default) or 3.1',
  }),
  ...Paging,
});
export type NinjsListQueryT = Static<typeof NinjsListQuery>;

// ---- responses ---------------------------------------------------------------------------------

export const ErrorEnvelope = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable, machine-readable: VALIDATION, NOT_FOUND, BAD_CURSOR, INVALID_KEY, RATE_LIMITED, …' }),
      message: Type.String({ description: 'Human-readable; may change' }),
    }),
  },
  { description: 'Every error has this shape' },
);

const Name = Type.Object({ name: Type.String(), slug: Type.String(), url: Url });
const namesPerEdition = <T extends TSchema>(t: T) =>
  Type.Record(Type.String(), t, { description: "Per edition code: names in that edition's script" });

export const EditionItem = Type.Object({
  code: Edition,
  lang: Type.String({ description: 'BCP 47' }),
  label: Type.String(),
  dir: Type.Union([Type.Literal('ltr'), Type.Literal('rtl')]),
  kind: Type.Union([Type.Literal('written'), Type.Literal('derived')]),
  source: Nullable(Edition),
  name: Type.String(),
  url: Url,
});
export const SectionItem = Type.Object({ key: Type.String(), names: namesPerEdition(Name) });
export const TagItem = Type.Object({ key: Type.String(), names: namesPerEdition(Name) });
export const AuthorItem = Type.Object({
  slug: Type.String(),
  names: namesPerEdition(Type.Object({ name: Type.String(), role: Type.String(), url: Url })),
});

const Rendition = Type.Object({ url: Url, width: Type.Integer(), height: Type.Integer() });
export const Image = Type.Object({
  url: Url,
  width: Type.Integer(),
  height: Type.Integer(),
  caption: Type.String(),
  credit: Type.String({ description: 'The credit holder ("Akorda")' }),
  alt: Type.String(),
  renditions: Type.Array(Rendition),
});
const LinkRef = Type.Object({
  key: Type.String({ description: 'Stable across editions' }),
  slug: Type.String(),
  name: Type.String(),
  url: Url,
});
const AuthorRef = Type.Object({ slug: Type.String(), name: Type.String(), role: Type.String(), url: Url });

export const ApiBlock = Type.Union([
  Paragraph,
  Heading,
  Quote,
  List,
  Embed,
  Table,
  Divider,
  Type.Object({ type: Type.Literal('image'), image: Image }),
  Type.Object({ type: Type.Literal('gallery'), images: Type.Array(Image) }),
]);

const summaryFields = {
  id: Type.String({ pattern: '^[0-9a-f]{6}$' }),
  edition: Edition,
  lang: Type.String(),
  storyId: Type.Integer(),
  url: Url,
  headline: Type.String(),
  lead: Type.String(),
  section: Nullable(LinkRef),
  tags: Type.Array(LinkRef),
  authors: Type.Array(AuthorRef),
  publishedAt: IsoTime('First publication, Asia/Almaty offset'),
  updatedAt: Nullable(IsoTime('Last visible update')),
  breaking: Type.Boolean(),
  image: Nullable(Image),
};
export const ArticleSummary = Type.Object(summaryFields);

const StoryEdition = Type.Object({
  edition: Edition,
  lang: Type.String(),
  id: Type.String(),
  url: Url,
  api: Url,
  headline: Type.String(),
  publishedAt: IsoTime('First publication'),
});

export const Article = Type.Object({
  ...summaryFields,
  sourceLine: Type.String(),
  body: Type.Object({
    blocks: Type.Array(ApiBlock),
    html: Type.String({ description: 'The blocks rendered as HTML (escaped, absolute image URLs)' }),
  }),
  editions: Type.Array(StoryEdition),
  createdAt: IsoTime('When the article was created'),
  revision: Type.Integer(),
});

export const Story = Type.Object({ id: Type.Integer(), editions: Type.Array(StoryEdition) });

const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    cursor: Nullable(Type.String({ description: 'Pass as `cursor` for the next page; null on the last page' })),
    next: Nullable(Type.String({ format: 'uri', description: "The next page's URL; null on the last page" })),
  });

export const ListOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });
export const ArticlePage = Page(ArticleSummary);
export const SearchPage = Type.Object({
  items: Type.Array(ArticleSummary),
  total: Type.Integer({ description: 'How many articles match, counted up to 500 (see `more`)' }),
  more: Type.Boolean({ description: 'More articles match than `total` says: the count stopped at 500' }),
  page: Type.Integer(),
  corrected: Nullable(Type.String({ description: 'The corrected spelling searched when the query as typed found nothing' })),
  next: Nullable(Type.String({ format: 'uri', description: "The next page's URL; null on the last page" })),
});

export const NinjsObject = Type.Object(
  {},
  {
    additionalProperties: true,
    description:
      'An IPTC ninjs object, valid against http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json (default) or ninjs-schema_3.1.json',
  },
);
export const NinjsPage = Page(NinjsObject);

export const OpenApiDocument = Type.Object({ openapi: Type.String() }, { additionalProperties: true, description: 'This document' });

/** The error responses a route can give, for its schema. */
export function errors(...statuses: (400 | 401 | 404 | 429)[]): Record<string, typeof ErrorEnvelope> {
  const descriptions: Record<number, string> = {
    400: 'Bad input: VALIDATION (names the field), BAD_CURSOR, BAD_RANGE, UNKNOWN_SECTION, UNKNOWN_TAG, UNKNOWN_AUTHOR',
    401: 'INVALID_KEY or REVOKED_KEY: the Authorization header names no live key',
    404: 'NOT_FOUND',
    429: 'RATE_LIMITED: too many requests in the window (see Retry-After)',
  };
  return Object.fromEntries(statuses.map((s) => [String(s), { ...ErrorEnvelope, description: descriptions[s]! }]));
}
