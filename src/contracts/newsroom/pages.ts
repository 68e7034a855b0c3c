// The agency's static pages ("About", "Contacts", "Editorial staff", "Terms of reuse"): one per
// written edition and slug, edited with the article body blocks, every save a revision, and one
// revision published at a time (ADR 0016). Admins only (action `page.manage`).
import { Type, type Static } from '@sinclair/typebox';
import { BodyValue, Closed, Id, IdRev, Items, Nullable, WrittenEdition } from './common.ts';
import { route } from './route.ts';

/** A page's slug: lower-case Latin letters, digits and hyphens, the same in every edition. */
export const PageSlug = Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', minLength: 1, maxLength: 60 });
export const PageTitle = Type.String({ minLength: 1, maxLength: 200 });

export const PageSummary = Type.Object(
  {
    id: Type.Integer(),
    edition: WrittenEdition,
    slug: Type.String(),
    title: Type.String(),
    revision: Type.Integer(),
    /** The revision readers see; null while unpublished. */
    publishedRevision: Nullable(Type.Integer()),
    modifiedAt: Type.String(),
    /** The reader's URL of the page (path on the edition's site). */
    url: Type.String(),
  },
  { title: 'PageSummary' },
);
export type PageSummary = Static<typeof PageSummary>;

export const Page = Type.Object(
  {
    id: Type.Integer(),
    edition: WrittenEdition,
    slug: Type.String(),
    title: Type.String(),
    body: BodyValue,
    revision: Type.Integer(),
    publishedRevision: Nullable(Type.Integer()),
    publishedAt: Nullable(Type.String()),
    updatedAt: Nullable(Type.String()),
    modifiedAt: Type.String(),
    url: Type.String(),
  },
  { title: 'Page' },
);
export type Page = Static<typeof Page>;

export const PageRevision = Type.Object(
  {
    revision: Type.Integer(),
    title: Type.String(),
    body: BodyValue,
    by: Nullable(Type.String()),
    at: Type.String(),
    published: Type.Boolean(),
  },
  { title: 'PageRevision' },
);
export type PageRevision = Static<typeof PageRevision>;

export const NewPage = Type.Object(
  { edition: WrittenEdition, slug: PageSlug, title: PageTitle, body: BodyValue },
  { ...Closed, title: 'NewPage' },
);
export type NewPage = Static<typeof NewPage>;

/** A save names the revision it started from; a stale one is refused (409 CONFLICT with the newer page). */
export const PageSave = Type.Object(
  { baseRevision: Type.Integer({ minimum: 1 }), title: PageTitle, body: BodyValue },
  { ...Closed, title: 'PageSave' },
);
export type PageSave = Static<typeof PageSave>;

/** Publish the newest revision: `revision` must be it (a newer save since is a 409). */
export const PagePublish = Type.Object({ revision: Type.Integer({ minimum: 1 }) }, { ...Closed, title: 'PagePublish' });
export const PageRestore = Type.Object({ baseRevision: Type.Integer({ minimum: 1 }) }, { ...Closed, title: 'PageRestore' });

export const pageRoutes = {
  list: route('GET', '/pages', 'Every static page of every written edition, with its state', { response: { 200: Items(PageSummary) } }),
  create: route('POST', '/pages', 'Create a page (unpublished, revision 1)', { body: NewPage, response: { 201: Page } }),
  get: route('GET', '/pages/:id', 'A page: its newest revision and which one readers see', { params: Id, response: { 200: Page } }),
  save: route('PUT', '/pages/:id', 'Save a new revision (409 CONFLICT when the base is stale)', {
    params: Id,
    body: PageSave,
    response: { 200: Page },
  }),
  publish: route('POST', '/pages/:id/publish', 'Publish the newest revision: readers see it at once', {
    params: Id,
    body: PagePublish,
    response: { 200: Page },
  }),
  unpublish: route('POST', '/pages/:id/unpublish', 'Withdraw the page from readers (its URL answers 404)', {
    params: Id,
    response: { 200: Page },
  }),
  revisions: route('GET', '/pages/:id/revisions', 'Every saved revision, newest first', {
    params: Id,
    response: { 200: Items(PageRevision) },
  }),
  restore: route('POST', '/pages/:id/revisions/:n/restore', 'Save revision n again as the newest revision', {
    params: IdRev,
    body: PageRestore,
    response: { 200: Page },
  }),
} as const;
