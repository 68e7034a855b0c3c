// Management: sections, tags, authors, users and the audit log. `names` is keyed by written edition.
import { Type, type Static } from '@sinclair/typebox';
import { Closed, Id, Items, Json, LocalDay, NoContent, Nullable, PersonRef, Role } from './common.ts';
import { User } from './session.ts';
import { route } from './route.ts';

const SectionName = Type.Object({ name: Type.String({ maxLength: 120 }), slug: Type.Optional(Type.String({ maxLength: 80 })) });
export const SectionPatch = Type.Object({ names: Type.Record(Type.String(), SectionName) }, { ...Closed, title: 'SectionPatch' });
export const SectionIn = Type.Object(
  { key: Type.String({ maxLength: 40 }), names: Type.Record(Type.String(), SectionName) },
  { ...Closed, title: 'SectionIn' },
);
export type SectionIn = Static<typeof SectionIn>;
export const Order = Type.Object({ ids: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 200 }) }, { ...Closed, title: 'Order' });
export const TagQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    edition: Type.Optional(Type.String({ maxLength: 10 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { ...Closed, title: 'TagQuery' },
);
export type TagQuery = Static<typeof TagQuery>;
export const TagNames = Type.Object(
  { names: Type.Record(Type.String(), Type.Object({ name: Type.String({ maxLength: 80 }) })) },
  { ...Closed, title: 'TagNames' },
);
export const Merge = Type.Object({ into: Type.Integer({ minimum: 1 }) }, { ...Closed, title: 'Merge' });
export const AuthorIn = Type.Object(
  {
    names: Type.Record(
      Type.String(),
      Type.Object({
        name: Type.String({ maxLength: 120 }),
        role: Type.Optional(Type.String({ maxLength: 120 })),
        bio: Type.Optional(Type.String({ maxLength: 2000 })),
      }),
    ),
    photoAssetId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  },
  { ...Closed, title: 'AuthorIn' },
);
export type AuthorIn = Static<typeof AuthorIn>;
const Desks = Type.Array(Type.String({ maxLength: 10 }), { maxItems: 5 });
export const UserIn = Type.Object(
  {
    email: Type.String({ maxLength: 254 }),
    name: Type.String({ maxLength: 200 }),
    password: Type.String({ maxLength: 256 }),
    role: Role,
    desks: Type.Optional(Desks),
    uiLang: Type.Optional(Type.String({ maxLength: 2 })),
  },
  { ...Closed, title: 'UserIn' },
);
export type UserIn = Static<typeof UserIn>;
export const UserPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    role: Type.Optional(Role),
    desks: Type.Optional(Desks),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String({ maxLength: 256, description: 'A new password the user must change at the next login' })),
  },
  { ...Closed, title: 'UserPatch' },
);
export type UserPatch = Static<typeof UserPatch>;
export const AuditQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    action: Type.Optional(Type.String({ maxLength: 50, description: 'An action (article.publish) or a family (article)' })),
    userId: Type.Optional(Type.Integer({ minimum: 1, description: 'Who' })),
    targetType: Type.Optional(Type.String({ maxLength: 20 })),
    targetId: Type.Optional(Type.String({ maxLength: 320 })),
    from: Type.Optional({ ...LocalDay, description: 'First day (agency time)' }),
    to: Type.Optional({ ...LocalDay, description: 'Last day (agency time, included)' }),
  },
  { ...Closed, title: 'AuditQuery' },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const Section = Type.Object(
  {
    id: Type.Integer(),
    key: Type.String(),
    position: Type.Integer(),
    names: Type.Record(Type.String(), Type.Object({ name: Type.String(), slug: Type.String() })),
  },
  { title: 'Section' },
);
export type Section = Static<typeof Section>;
export const Tag = Type.Object(
  {
    id: Type.Integer(),
    key: Type.String(),
    names: Type.Record(Type.String(), Type.Object({ name: Type.String(), slug: Type.String() })),
  },
  { title: 'Tag' },
);
export type Tag = Static<typeof Tag>;
export const Merged = Type.Object({ into: Tag, articlesMoved: Type.Integer() }, { title: 'Merged' });
export const Author = Type.Object(
  {
    id: Type.Integer(),
    key: Type.String(),
    slug: Type.String(),
    photoAssetId: Nullable(Type.Integer()),
    names: Type.Record(Type.String(), Type.Object({ name: Type.String(), role: Type.String(), bio: Type.String() })),
  },
  { title: 'Author' },
);
export type Author = Static<typeof Author>;
export const ManagedUser = Type.Composite([User, Type.Object({ disabled: Type.Boolean(), createdAt: Type.String() })], {
  title: 'ManagedUser',
});
export type ManagedUser = Static<typeof ManagedUser>;
export const AuditEntry = Type.Object(
  {
    id: Type.Integer(),
    at: Type.String(),
    user: Nullable(PersonRef),
    action: Type.String(),
    targetType: Type.String(),
    targetId: Type.String(),
    targetName: Nullable(Type.String({ description: "The article's headline or the user's name, while it exists" })),
    detail: Json,
  },
  { title: 'AuditEntry' },
);
export type AuditEntry = Static<typeof AuditEntry>;

export const manageRoutes = {
  sections: route('GET', '/sections', 'Sections with their names and slugs per edition, in menu order', {
    response: { 200: Items(Section) },
  }),
  createSection: route('POST', '/sections', 'Create a section at the end of the menu', { body: SectionIn, response: { 201: Section } }),
  renameSection: route('PATCH', '/sections/:id', 'Rename a section in some editions', {
    params: Id,
    body: SectionPatch,
    response: { 200: Section },
  }),
  orderSections: route('PUT', '/sections/order', 'Set the menu order (every section exactly once)', {
    body: Order,
    response: { 204: NoContent },
  }),
  tags: route('GET', '/tags', 'Tags, searched by name in any script', { querystring: TagQuery, response: { 200: Items(Tag) } }),
  createTag: route('POST', '/tags', 'Create a tag (any writer may, while writing)', { body: TagNames, response: { 201: Tag } }),
  renameTag: route('PATCH', '/tags/:id', 'Rename a tag (its old pages redirect)', { params: Id, body: TagNames, response: { 200: Tag } }),
  mergeTag: route('POST', '/tags/:id/merge', 'Merge this tag into another: its articles move, its pages redirect', {
    params: Id,
    body: Merge,
    response: { 200: Merged },
  }),
  authors: route('GET', '/authors', 'Authors with names, roles and bios per edition', { response: { 200: Items(Author) } }),
  createAuthor: route('POST', '/authors', 'Create an author', { body: AuthorIn, response: { 201: Author } }),
  editAuthor: route('PATCH', '/authors/:id', 'Edit an author', { params: Id, body: AuthorIn, response: { 200: Author } }),
  users: route('GET', '/users', 'Users (admin)', { response: { 200: Items(ManagedUser) } }),
  createUser: route('POST', '/users', 'Create a user (admin); they change the password at first login', {
    body: UserIn,
    response: { 201: ManagedUser },
  }),
  updateUser: route('PATCH', '/users/:id', "Change a user's name, role, desks; disable; reset the password (admin; audited)", {
    params: Id,
    body: UserPatch,
    response: { 200: ManagedUser },
  }),
  audit: route('GET', '/audit', 'The audit log, newest first', { querystring: AuditQuery, response: { 200: Items(AuditEntry) } }),
} as const;
