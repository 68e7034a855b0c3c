// The newsroom API's shared pieces: ids in paths, editions, roles, people, bodies, answers without
// content. Types only flow to the newsroom client (src/newsroom-ui imports these with `import type`).
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Body } from '../../content/body.ts';
import { DERIVED_EDITIONS, UI_LANGS, WRITTEN_EDITIONS } from '../../editions/editions.ts';

/** A closed object: a request field it does not name is refused (400, naming it). */
export const Closed = { additionalProperties: false } as const;

export const Id = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { title: 'Id' });
export const IdRev = Type.Object({ id: Type.Integer({ minimum: 1 }), n: Type.Integer({ minimum: 1 }) }, { title: 'IdRev' });
export const Ids = Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50 });

export const WrittenEdition = Type.Union(
  WRITTEN_EDITIONS.map((e) => Type.Literal(e)),
  { title: 'WrittenEdition' },
);
export type WrittenEdition = Static<typeof WrittenEdition>;
export const DerivedEdition = Type.Union(
  DERIVED_EDITIONS.map((e) => Type.Literal(e)),
  { title: 'DerivedEdition' },
);
export type DerivedEdition = Static<typeof DerivedEdition>;

export const ROLES = ['admin', 'chief', 'editor', 'journalist'] as const;
export const Role = Type.Union(
  ROLES.map((r) => Type.Literal(r)),
  { title: 'Role' },
);
export type Role = Static<typeof Role>;

export const UiLang = Type.Union(
  UI_LANGS.map((l) => Type.Literal(l)),
  { title: 'UiLang' },
);
export type UiLang = Static<typeof UiLang>;

/** Who did something: a user's id and name (null where no user did it: wire ingest, the scheduler). */
export const PersonRef = Type.Object({ id: Type.Integer(), name: Type.String() }, { title: 'PersonRef' });
export type PersonRef = Static<typeof PersonRef>;

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * An article body as blocks (docs/body-schema.md, src/content/body.ts). Validated by the services,
 * not by the route; answered as stored (an empty schema: the serializer writes it whole).
 */
export const BodyValue = Type.Unsafe<Body>({ title: 'Body', description: 'The body as blocks (docs/body-schema.md)' });

/** Any JSON value, written whole (autosaved drafts, audit details). */
export const Json = Type.Unknown();

/** The answer of a request that changes something and has nothing to say: 204, no body. */
export const NoContent = Type.Null({ description: 'No content' });

/** A list answer. */
export const Items = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });

/** A day in the agency's time zone (Almaty), as a date input gives it. */
export const LocalDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, a day in agency time' });
