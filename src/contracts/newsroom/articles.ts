// Articles: lists and the dashboard, drafts, saves, autosave, transitions, timeline, revisions,
// diffs and restore.
import { Type, type Static } from '@sinclair/typebox';
import { BodyValue, Closed, Id, IdRev, Ids, Items, Json, LocalDay, NoContent, Nullable, PersonRef, WrittenEdition } from './common.ts';
import { route } from './route.ts';

export const ARTICLE_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'scheduled', 'published', 'unpublished'] as const;
export const ArticleStatus = Type.Union(
  ARTICLE_STATUSES.map((s) => Type.Literal(s)),
  { title: 'ArticleStatus' },
);
export type ArticleStatus = Static<typeof ArticleStatus>;

/** What a save may change: the editable fields. */
export const ArticleFields = Type.Object(
  {
    headline: Type.String(),
    lead: Type.String(),
    body: BodyValue,
    sectionId: Type.Integer(),
    tagIds: Type.Array(Type.Integer()),
    authorIds: Type.Array(Type.Integer()),
    sourceLine: Type.String(),
    slug: Type.String(),
    seoTitle: Type.String(),
    seoDescription: Type.String(),
    breaking: Type.Boolean(),
    pinned: Type.Boolean(),
    heroAssetId: Nullable(Type.Integer()),
    correctionNote: Type.String(),
  },
  { title: 'ArticleFields' },
);
export type ArticleFields = Static<typeof ArticleFields>;

/** The caller's own unsaved work on an article (not a revision). */
export const AutosaveOut = Type.Object({ baseRevision: Type.Integer(), savedAt: Type.String(), data: Json }, { title: 'Autosave' });
export type AutosaveOut = Static<typeof AutosaveOut>;

/** The newsroom's view of one article. */
export const Article = Type.Composite(
  [
    ArticleFields,
    Type.Object({
      id: Type.Integer(),
      publicId: Type.String(),
      storyId: Type.Integer(),
      edition: WrittenEdition,
      status: ArticleStatus,
      revision: Type.Integer({ description: 'The revision this state is; send it back with every change' }),
      scheduledAt: Nullable(Type.String()),
      embargo: Type.Boolean(),
      publishedAt: Nullable(Type.String()),
      updatedAt: Nullable(Type.String()),
      createdAt: Type.String(),
      modifiedAt: Type.String(),
      createdBy: Nullable(PersonRef),
      translatedFrom: Nullable(Type.Integer({ description: 'The article this one was translated from' })),
      url: Nullable(Type.String({ description: 'The reader URL once published' })),
      previewUrl: Type.String(),
      allowed: Type.Array(Type.String(), {
        description: 'What the caller may do now: edit, correct, the transitions, delete, translate, restore',
      }),
      autosave: Nullable(AutosaveOut),
    }),
  ],
  { title: 'Article' },
);
export type Article = Static<typeof Article>;

export const ArticleSummary = Type.Object(
  {
    id: Type.Integer(),
    publicId: Type.String(),
    storyId: Type.Integer(),
    edition: WrittenEdition,
    sectionId: Type.Integer(),
    status: ArticleStatus,
    headline: Type.String(),
    createdBy: Nullable(PersonRef),
    modifiedAt: Type.String(),
    publishedAt: Nullable(Type.String()),
    scheduledAt: Nullable(Type.String()),
    embargo: Type.Boolean(),
    revision: Type.Integer(),
    views: Type.Optional(Type.Integer({ description: 'Views today (most read only)' })),
  },
  { title: 'ArticleSummary' },
);
export type ArticleSummary = Static<typeof ArticleSummary>;

export const ArticleList = Type.Object({ items: Type.Array(ArticleSummary), total: Type.Integer() }, { title: 'ArticleList' });
export type ArticleList = Static<typeof ArticleList>;

export const Dashboard = Type.Object(
  {
    myDrafts: Type.Array(ArticleSummary),
    waiting: Type.Array(ArticleSummary),
    scheduled: Type.Array(ArticleSummary),
    publishedToday: Type.Array(ArticleSummary),
    mostReadToday: Type.Array(ArticleSummary),
  },
  { title: 'Dashboard' },
);
export type Dashboard = Static<typeof Dashboard>;

export const ListQuery = Type.Object(
  {
    edition: Type.Optional(WrittenEdition),
    sectionId: Type.Optional(Type.Integer({ minimum: 1 })),
    status: Type.Optional(ArticleStatus),
    authorId: Type.Optional(Type.Integer({ minimum: 1 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    mine: Type.Optional(Type.Boolean()),
    from: Type.Optional({
      ...LocalDay,
      description: 'First day (agency time) of the sorted date: modified, or published when sort=published',
    }),
    to: Type.Optional({ ...LocalDay, description: 'Last day (agency time, included) of the sorted date' }),
    sort: Type.Optional(
      Type.Union([Type.Literal('modified'), Type.Literal('oldest'), Type.Literal('published'), Type.Literal('headline')], {
        description: 'modified (newest change first, the default), oldest (oldest change first), published (newest first), headline (A–Z)',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { ...Closed, title: 'ArticleListQuery' },
);
export type ListQuery = Static<typeof ListQuery>;

export const CreateArticle = Type.Object(
  {
    edition: WrittenEdition,
    sectionId: Type.Integer({ minimum: 1 }),
    headline: Type.Optional(Type.String({ maxLength: 300 })),
    lead: Type.Optional(Type.String({ maxLength: 1000 })),
    body: Type.Optional(Type.Unknown({ description: 'The body as blocks (docs/body-schema.md)' })),
    tagIds: Type.Optional(Ids),
    authorIds: Type.Optional(Ids),
  },
  { ...Closed, title: 'CreateArticle' },
);
export type CreateArticle = Static<typeof CreateArticle>;

export const SaveArticle = Type.Object(
  {
    revision: Type.Integer({ minimum: 1 }),
    headline: Type.Optional(Type.String({ maxLength: 300 })),
    lead: Type.Optional(Type.String({ maxLength: 1000 })),
    body: Type.Optional(Type.Unknown({ description: 'The body as blocks (docs/body-schema.md)' })),
    sectionId: Type.Optional(Type.Integer({ minimum: 1 })),
    tagIds: Type.Optional(Ids),
    authorIds: Type.Optional(Ids),
    sourceLine: Type.Optional(Type.String({ maxLength: 300 })),
    slug: Type.Optional(Type.String({ maxLength: 80 })),
    seoTitle: Type.Optional(Type.String({ maxLength: 200 })),
    seoDescription: Type.Optional(Type.String({ maxLength: 400 })),
    breaking: Type.Optional(Type.Boolean()),
    pinned: Type.Optional(Type.Boolean()),
    heroAssetId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    correctionNote: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { ...Closed, title: 'SaveArticle' },
);
export type SaveArticle = Static<typeof SaveArticle>;

export const AutosaveIn = Type.Object(
  { baseRevision: Type.Integer({ minimum: 1 }), data: Type.Unknown() },
  { ...Closed, title: 'AutosaveIn' },
);

export const Transition = Type.Object(
  {
    action: Type.String({ maxLength: 20, description: 'submit, return, approve, schedule, unschedule, publish, unpublish' }),
    revision: Type.Integer({ minimum: 1 }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
    at: Type.Optional(Type.String({ maxLength: 40, description: 'schedule: ISO 8601 with an offset, or YYYY-MM-DDTHH:mm in agency time' })),
    embargo: Type.Optional(Type.Boolean()),
  },
  { ...Closed, title: 'Transition' },
);
export type Transition = Static<typeof Transition>;

export const TimelineItem = Type.Object(
  {
    action: Type.String(),
    from: Nullable(Type.String()),
    to: Type.String(),
    at: Type.String(),
    comment: Type.String(),
    revision: Type.Integer(),
    user: Nullable(PersonRef),
  },
  { title: 'TimelineItem' },
);
export type TimelineItem = Static<typeof TimelineItem>;

export const RevisionItem = Type.Object(
  { revision: Type.Integer(), at: Type.String(), user: Nullable(PersonRef) },
  { title: 'RevisionItem' },
);
export type RevisionItem = Static<typeof RevisionItem>;

/** One revision's content, as its snapshot holds it. */
export const Revision = Type.Object(
  {
    revision: Type.Integer(),
    at: Type.String(),
    user: Nullable(PersonRef),
    headline: Type.String(),
    lead: Type.String(),
    body: BodyValue,
    sectionId: Nullable(Type.Integer()),
    tagIds: Type.Array(Type.Integer()),
    authorIds: Type.Array(Type.Integer()),
    sourceLine: Type.String(),
    slug: Type.String(),
    status: Nullable(Type.String()),
  },
  { title: 'Revision' },
);
export type Revision = Static<typeof Revision>;

export const DiffPart = Type.Object(
  { op: Type.Union([Type.Literal('eq'), Type.Literal('ins'), Type.Literal('del')]), text: Type.String() },
  { title: 'DiffPart' },
);
export type DiffPart = Static<typeof DiffPart>;
export const FieldDiff = Type.Object({ field: Type.String(), parts: Type.Array(DiffPart) }, { title: 'FieldDiff' });
export type FieldDiff = Static<typeof FieldDiff>;
/** A change the words alone do not show: a link's target, marks, a photo, a caption, an embed's address. */
export const BodyChange = Type.Object(
  {
    kind: Type.Union((['link', 'marks', 'image', 'gallery', 'embed'] as const).map((k) => Type.Literal(k))),
    op: Type.Union((['added', 'removed', 'changed'] as const).map((k) => Type.Literal(k))),
    block: Type.Integer({ description: 'Position of the block (from 1) in the newer revision; in the older one when removed' }),
    text: Type.String(),
    field: Type.Optional(
      Type.Union((['photo', 'caption', 'credit', 'alt', 'items', 'url', 'provider'] as const).map((k) => Type.Literal(k))),
    ),
    before: Type.String(),
    after: Type.String(),
  },
  { title: 'BodyChange' },
);
export type BodyChange = Static<typeof BodyChange>;
export const Diff = Type.Object(
  {
    from: Type.Integer(),
    to: Type.Integer(),
    fields: Type.Array(FieldDiff),
    changes: Type.Array(BodyChange),
    limited: Type.Boolean({ description: 'Some text was too different to compare word by word; it is shown whole' }),
  },
  { title: 'Diff' },
);
export type Diff = Static<typeof Diff>;

export const DiffQuery = Type.Object(
  { from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) },
  { ...Closed, title: 'DiffQuery' },
);
export const Restore = Type.Object(
  { revision: Type.Integer({ minimum: 1, description: 'The current revision' }) },
  { ...Closed, title: 'Restore' },
);

export const BULK_ACTIONS = ['section', 'unpublish', 'delete', 'assign'] as const;
export const Bulk = Type.Object(
  {
    action: Type.Union(
      BULK_ACTIONS.map((a) => Type.Literal(a)),
      {
        description:
          'section: move to `sectionId`; unpublish: take published articles off; delete: delete drafts; assign: give to `assigneeId`, due `due` (the open assignment of the article changes hands, or one is made)',
      },
    ),
    ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 100, uniqueItems: true }),
    sectionId: Type.Optional(Type.Integer({ minimum: 1 })),
    assigneeId: Type.Optional(Type.Integer({ minimum: 1, description: 'assign: the user the articles are given to' })),
    due: Type.Optional(
      Type.String({ maxLength: 40, description: 'assign: YYYY-MM-DDTHH:mm in the agency time zone (Almaty), or ISO 8601 with an offset' }),
    ),
  },
  { ...Closed, title: 'Bulk' },
);
export type Bulk = Static<typeof Bulk>;
export const BulkResult = Type.Object(
  {
    id: Type.Integer(),
    ok: Type.Boolean(),
    error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
  },
  { title: 'BulkResult' },
);
export type BulkResult = Static<typeof BulkResult>;
export const BulkAnswer = Type.Object({ results: Type.Array(BulkResult) }, { title: 'BulkAnswer' });
export type BulkAnswer = Static<typeof BulkAnswer>;

export const articleRoutes = {
  list: route('GET', '/articles', "Articles in the user's desks, newest change first; filters and headline search", {
    querystring: ListQuery,
    response: { 200: ArticleList },
  }),
  bulk: route(
    'POST',
    '/articles/bulk',
    'One action on many articles, each checked and done on its own: the answer says, per article, done or why not',
    { body: Bulk, response: { 200: BulkAnswer } },
  ),
  dashboard: route('GET', '/dashboard', 'My drafts, waiting for review, scheduled, published today, most read today', {
    response: { 200: Dashboard },
  }),
  create: route('POST', '/articles', 'Create a draft of a new story', { body: CreateArticle, response: { 201: Article } }),
  get: route('GET', '/articles/:id', 'One article, with what the caller may do and their autosave', {
    params: Id,
    response: { 200: Article },
  }),
  save: route(
    'PUT',
    '/articles/:id',
    'Save (a new revision; a correction when published). 409 CONFLICT when saved on top of a newer revision',
    { params: Id, body: SaveArticle, response: { 200: Article } },
  ),
  autosave: route('PUT', '/articles/:id/autosave', "Keep the caller's unsaved work (not a revision)", {
    params: Id,
    body: AutosaveIn,
    response: { 204: NoContent },
  }),
  remove: route('DELETE', '/articles/:id', 'Delete an article that was never published', { params: Id, response: { 204: NoContent } }),
  transition: route(
    'POST',
    '/articles/:id/transitions',
    'Move the article: submit, return, approve, schedule, unschedule, publish, unpublish',
    { params: Id, body: Transition, response: { 200: Article } },
  ),
  timeline: route('GET', '/articles/:id/timeline', 'Every transition: who, when, comment', {
    params: Id,
    response: { 200: Items(TimelineItem) },
  }),
  revisions: route('GET', '/articles/:id/revisions', 'Every saved revision, newest first', {
    params: Id,
    response: { 200: Items(RevisionItem) },
  }),
  revision: route('GET', '/articles/:id/revisions/:n', "One revision's content", { params: IdRev, response: { 200: Revision } }),
  diff: route('GET', '/articles/:id/diff', 'Word-level differences between two revisions', {
    params: Id,
    querystring: DiffQuery,
    response: { 200: Diff },
  }),
  restore: route(
    'POST',
    '/articles/:id/revisions/:n/restore',
    'Save everything revision n held (text, section, slug, lead photo and its own caption and credit, flags, correction note, tags, authors) as a new revision; a tag, author, section or photo deleted since is left out',
    { params: IdRev, body: Restore, response: { 200: Article } },
  ),
} as const;
