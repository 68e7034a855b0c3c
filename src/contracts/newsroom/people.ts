// Work among people: assignments ("My work"), notifications inside the newsroom and comments on
// articles (threaded, with @mentions; never part of what readers or the public API see).
import { Type, type Static } from '@sinclair/typebox';
import { Article } from './articles.ts';
import { Closed, Id, NoContent, Nullable, PersonRef, WrittenEdition } from './common.ts';
import { route } from './route.ts';

export const ASSIGNMENT_STATUSES = ['open', 'done', 'cancelled'] as const;
export const AssignmentStatus = Type.Union(
  ASSIGNMENT_STATUSES.map((s) => Type.Literal(s)),
  { title: 'AssignmentStatus' },
);

export const NewAssignment = Type.Object(
  {
    headline: Type.String({ minLength: 1, maxLength: 300, description: 'The planned headline' }),
    edition: WrittenEdition,
    sectionId: Type.Integer({ minimum: 1 }),
    due: Type.String({ maxLength: 40, description: 'YYYY-MM-DDTHH:mm in the agency time zone (Almaty), or ISO 8601 with an offset' }),
    assigneeId: Type.Integer({ minimum: 1 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { ...Closed, title: 'NewAssignment' },
);
export type NewAssignment = Static<typeof NewAssignment>;

export const AssignmentChange = Type.Object(
  { status: Type.Union([Type.Literal('done'), Type.Literal('cancelled')]) },
  { ...Closed, title: 'AssignmentChange' },
);

export const Assignment = Type.Object(
  {
    id: Type.Integer(),
    headline: Type.String(),
    edition: WrittenEdition,
    sectionId: Type.Integer(),
    dueAt: Type.String({ description: 'UTC, ISO 8601' }),
    note: Type.String(),
    assignee: PersonRef,
    assignedBy: PersonRef,
    status: AssignmentStatus,
    articleId: Nullable(Type.Integer({ description: 'The draft started from it' })),
    createdAt: Type.String(),
  },
  { title: 'Assignment' },
);
export type Assignment = Static<typeof Assignment>;

export const AssignmentQuery = Type.Object(
  {
    scope: Type.Optional(
      Type.Union([Type.Literal('mine'), Type.Literal('open')], {
        description: 'mine (default): my open assignments; open: every open assignment of my desks (editors)',
      }),
    ),
  },
  { ...Closed, title: 'AssignmentQuery' },
);
export const AssignmentList = Type.Object({ items: Type.Array(Assignment) }, { title: 'AssignmentList' });
export type AssignmentList = Static<typeof AssignmentList>;

export const People = Type.Object(
  { items: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), desks: Type.Array(Type.String()) })) },
  { title: 'People' },
);
export type People = Static<typeof People>;

export const NOTIFICATION_KINDS = ['assigned', 'returned', 'approved', 'published', 'mentioned', 'replied'] as const;
export const NotificationKind = Type.Union(
  NOTIFICATION_KINDS.map((k) => Type.Literal(k)),
  { title: 'NotificationKind' },
);
export type NotificationKind = Static<typeof NotificationKind>;

export const Notification = Type.Object(
  {
    id: Type.Integer(),
    kind: NotificationKind,
    actor: Nullable(PersonRef),
    articleId: Nullable(Type.Integer()),
    headline: Type.String({ description: "The article's or the assignment's headline" }),
    assignmentId: Nullable(Type.Integer()),
    commentId: Nullable(Type.Integer()),
    text: Type.String({ description: "The return comment, the assignment's note, or the start of the comment that mentions" }),
    createdAt: Type.String(),
    read: Type.Boolean(),
  },
  { title: 'Notification' },
);
export type Notification = Static<typeof Notification>;

export const Unread = Type.Object({ unread: Type.Integer() }, { title: 'Unread' });
export type Unread = Static<typeof Unread>;
export const NotificationList = Type.Object(
  {
    unread: Type.Integer(),
    items: Type.Array(Notification),
    mail: Type.Boolean({ description: 'The server e-mails notifications (SMTP is configured); the user chooses with PATCH /me' }),
  },
  { title: 'NotificationList' },
);
export type NotificationList = Static<typeof NotificationList>;

export const NewComment = Type.Object(
  {
    body: Type.String({ maxLength: 4000 }),
    parentId: Type.Optional(Type.Integer({ minimum: 1, description: 'The comment this one answers' })),
  },
  { ...Closed, title: 'NewComment' },
);
export const CommentEdit = Type.Object({ body: Type.String({ maxLength: 4000 }) }, { ...Closed, title: 'CommentEdit' });

export const Comment = Type.Object(
  {
    id: Type.Integer(),
    articleId: Type.Integer(),
    parentId: Nullable(Type.Integer()),
    author: PersonRef,
    body: Type.String({ description: 'Plain text; empty once deleted' }),
    mentions: Type.Array(PersonRef, { description: 'The users the body mentions as @Name' }),
    createdAt: Type.String(),
    editedAt: Nullable(Type.String()),
    deleted: Type.Boolean(),
  },
  { title: 'Comment' },
);
export type Comment = Static<typeof Comment>;
export const CommentList = Type.Object({ items: Type.Array(Comment) }, { title: 'CommentList' });
export type CommentList = Static<typeof CommentList>;

export const peopleRoutes = {
  people: route('GET', '/people', 'Active newsroom users (id, name, desks): assignees and @mentions', { response: { 200: People } }),
  assignments: route('GET', '/assignments', 'Open assignments: mine ("My work") or every one of my desks (editors)', {
    querystring: AssignmentQuery,
    response: { 200: AssignmentList },
  }),
  assign: route('POST', '/assignments', 'Assign a story (editors, in their desks); the assignee is notified', {
    body: NewAssignment,
    response: { 201: Assignment },
  }),
  changeAssignment: route(
    'PATCH',
    '/assignments/:id',
    'Mark an assignment done (its assignee or an editor of the desk) or cancel it (an editor of the desk)',
    {
      params: Id,
      body: AssignmentChange,
      response: { 200: Assignment },
    },
  ),
  startDraft: route('POST', '/assignments/:id/draft', 'Start the draft of an assignment (its assignee): linked to it', {
    params: Id,
    response: { 201: Article },
  }),
  notifications: route('GET', '/notifications', 'My latest notifications (50) and the unread count', {
    response: { 200: NotificationList },
  }),
  unread: route('GET', '/notifications/unread', 'How many of my notifications are unread (the header polls this)', {
    response: { 200: Unread },
  }),
  read: route('POST', '/notifications/:id/read', 'Mark one of my notifications read', { params: Id, response: { 200: Unread } }),
  readAll: route('POST', '/notifications/read', 'Mark all my notifications read', { response: { 200: Unread } }),
  comments: route('GET', '/articles/:id/comments', "An article's comments, oldest first (threads by parentId)", {
    params: Id,
    response: { 200: CommentList },
  }),
  comment: route('POST', '/articles/:id/comments', 'Comment on an article or answer a comment; @Name notifies that user', {
    params: Id,
    body: NewComment,
    response: { 201: Comment },
  }),
  editComment: route('PUT', '/comments/:id', 'Edit my comment', { params: Id, body: CommentEdit, response: { 200: Comment } }),
  deleteComment: route('DELETE', '/comments/:id', 'Delete my comment (its answers stay)', { params: Id, response: { 204: NoContent } }),
} as const;
