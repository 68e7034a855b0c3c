// Table types for Kysely. Times are ISO 8601 UTC strings ("2025-08-18T13:19:00.000Z"), which
// sort correctly as text on both databases; flags are 0/1 integers; JSON is stored as text.
import type { Generated, Insertable, Selectable } from 'kysely';

export interface StoriesTable {
  id: Generated<number>;
  created_at: string;
}

export interface SectionsTable {
  id: Generated<number>;
  key: string;
  parent_id: number | null;
  position: number;
}

export interface SectionNamesTable {
  section_id: number;
  edition: string;
  name: string;
  slug: string;
}

export interface TagsTable {
  id: Generated<number>;
  key: string;
}

export interface TagNamesTable {
  tag_id: number;
  edition: string;
  name: string;
  slug: string;
}

export interface AuthorsTable {
  id: Generated<number>;
  key: string;
  slug: string;
  photo_asset_id: number | null;
  user_id: number | null;
}

export interface AuthorNamesTable {
  author_id: number;
  edition: string;
  name: string;
  role: string;
  bio: string;
}

export interface MediaAssetsTable {
  id: Generated<number>;
  /** Base name of the stored files: `{file_key}-{width}.{webp|jpg}` under DATA_DIR/media. */
  file_key: string;
  mime: string;
  width: number;
  height: number;
  focal_x: number;
  focal_y: number;
  bytes: number;
  created_at: string;
  /** The uploaded file's name, for the media library ('' for demo photos). */
  original_name: Generated<string>;
  /** The kept original: `{file_key}-original.{ext}` under DATA_DIR/media/originals ('' when none). */
  original_ext: Generated<string>;
  uploaded_by: number | null;
  /** The desk (written edition) it was uploaded for; null for demo photos and older uploads. */
  desk: Generated<string | null>;
}

/** An article's own caption and credit of its lead photo (win over the library's for that article). */
export interface ArticlePhotoTextsTable {
  article_id: number;
  /** The lead photo the texts were written for: they count only while it is the lead photo. */
  asset_id: number;
  caption: string;
  credit: string;
  updated_at: string;
}

export interface MediaTextsTable {
  asset_id: number;
  edition: string;
  caption: string;
  credit: string;
}

export type ArticleStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'scheduled' | 'published' | 'unpublished';

export interface ArticlesTable {
  id: Generated<number>;
  /** Short public id, 6 hex characters, stable for life. */
  public_id: string;
  story_id: number;
  edition: string;
  section_id: number;
  status: ArticleStatus;
  slug: string;
  headline: string;
  lead: string;
  /** Body blocks as JSON (content/body.ts), version in `body_version`. */
  body: string;
  body_version: number;
  source_line: Generated<string>;
  hero_asset_id: number | null;
  breaking: Generated<number>;
  pinned: Generated<number>;
  seo_title: Generated<string>;
  seo_description: Generated<string>;
  /** First publication time (what readers see as the time stamp). */
  published_at: string | null;
  /** Time of the last visible change after publishing ("updated"), null when never changed. */
  updated_at: string | null;
  created_at: string;
  /** Time of the last save of any kind. */
  modified_at: string;
  revision: Generated<number>;
  /** The user who created it (journalists may edit only their own drafts). */
  created_by: number | null;
  /** When a scheduled article is published (status `scheduled`). */
  scheduled_at: string | null;
  /** 1 when the scheduled time is an embargo: shown nowhere, API and feeds included, until then. */
  embargo: Generated<number>;
  /** The correction note shown with the "updated" time, '' when none. */
  correction_note: Generated<string>;
  /** The article this one was translated from (same story), null for an original. */
  translated_from: number | null;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
  position: number;
}

export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  position: number;
}

export interface RevisionsTable {
  id: Generated<number>;
  article_id: number;
  revision: number;
  user_id: number | null;
  created_at: string;
  /** The whole saved article as JSON. */
  data: string;
}

export interface SlugHistoryTable {
  article_id: number;
  slug: string;
  created_at: string;
}

export interface ViewCountsTable {
  article_id: number;
  /** Edition the view was counted in (derived editions count separately). */
  edition: string;
  /** Hours since the Unix epoch (UTC). */
  hour: number;
  views: number;
}

export interface DerivedOverridesTable {
  article_id: number;
  /** The derived edition (qz, tote, uz-latn). */
  edition: string;
  /** headline, lead, source_line, seo_title, seo_description, or body (JSON). */
  field: string;
  value: string;
  updated_at: string;
}

export interface LexiconTable {
  id: Generated<number>;
  scheme: string;
  /** Source word, lower case. */
  word: string;
  /** Target spelling, lower case. */
  spelling: string;
  created_at: string;
}

export type WebhookEvent = 'article.published' | 'article.updated' | 'article.unpublished';

export interface WebhookSubscribersTable {
  id: Generated<number>;
  url: string;
  /** HMAC-SHA256 key for the signature header (kept readable: it must sign every delivery). */
  secret: string;
  /** Comma-separated WebhookEvent names the subscriber wants. */
  events: string;
  active: Generated<number>;
  created_at: string;
}

/** One delivery of one event to one subscriber (the durable outbox, docs/webhooks.md). */
export interface OutboxTable {
  id: Generated<number>;
  /** UUID sent as `Habarshy-Delivery`; receivers dedupe by it. */
  event_id: string;
  subscriber_id: number;
  article_id: number;
  event: string;
  /** The JSON body, fixed when the event is recorded (retries send the same bytes). */
  payload: string;
  created_at: string;
  attempts: Generated<number>;
  /** When the row is due; while a worker delivers it, the end of its lease. */
  next_attempt_at: string;
  delivered_at: string | null;
  last_error: string | null;
  /** Set when 24 hours of retries failed. */
  dead_at: string | null;
}

export interface IngestSourcesTable {
  id: Generated<number>;
  /** An RSS 2.0 or Atom feed (http or https). */
  url: string;
  /** The written edition its drafts go to. */
  edition: string;
  section_id: number;
  poll_seconds: number;
  name: string;
  active: Generated<number>;
  last_polled_at: string | null;
  /** Why the last poll failed, null when it succeeded. */
  last_error: string | null;
}

export interface IngestItemsTable {
  source_id: number;
  /** The item's guid (Atom id), or its link when it has none. */
  guid: string;
  link: string | null;
  /** The draft made from it (null once that draft is deleted). */
  article_id: number | null;
  seen_at: string;
}

/** A partner's API key: only its SHA-256 is stored (the key itself is shown once, at creation). */
export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  /** The key's first characters, to recognise it in lists (`hbk_1a2b3c4d`). */
  prefix: string;
  /** SHA-256 of the whole key, hex. */
  hash: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
  /** Requests made with the key (flushed from memory in batches). */
  requests: Generated<number>;
}

export type Role = 'admin' | 'chief' | 'editor' | 'journalist';

export interface UsersTable {
  id: Generated<number>;
  /** Lower case. */
  email: string;
  name: string;
  /** `scrypt$N$r$p$salt$hash` (base64url parts). */
  password_hash: string;
  role: Role;
  /** Comma-separated written editions the user works on ('' = none; chief and admin work on all). */
  desks: Generated<string>;
  /** The newsroom's interface language: kz, ru or en. */
  ui_lang: Generated<string>;
  must_change_password: Generated<number>;
  disabled: Generated<number>;
  /** 1 (the default): the user's notifications are also mailed when SMTP is configured (migration 0015). */
  mail_notifications: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie's token: a stolen database does not give working sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  seen_at: string;
  expires_at: string;
  ip: Generated<string>;
  user_agent: Generated<string>;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  /** `pair:{ip}|{email}` (or `pair:device:{id}|{email}`), `ip:{ip}` or `email:{email}` (services/newsroom/loginThrottle.ts). */
  key: string;
  at: string;
}

export interface ArticleTransitionsTable {
  id: Generated<number>;
  article_id: number;
  /** submit, return, approve, schedule, publish, update, unpublish, … (the workflow's action). */
  action: string;
  from_status: string;
  to_status: string;
  user_id: number | null;
  at: string;
  comment: Generated<string>;
  /** The article's revision after the transition. */
  revision: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  /** article.publish, article.unpublish, article.delete, user.role, user.disable, tag.merge, … */
  action: string;
  target_type: string;
  target_id: string;
  /** JSON object with the details (old and new role, the tag merged into, …). */
  detail: Generated<string>;
}

export interface ArticlePresenceTable {
  article_id: number;
  user_id: number;
  seen_at: string;
}

export interface ArticleAutosavesTable {
  article_id: number;
  user_id: number;
  base_revision: number;
  /** The editor's unsaved fields as JSON. */
  data: string;
  saved_at: string;
}

export interface TagRedirectsTable {
  edition: string;
  /** A slug of a tag merged away. */
  slug: string;
  /** The tag it was merged into. */
  tag_id: number;
}

/** Migration 0006: which server process runs the jobs that must run once (src/jobs/lease.ts). */
export interface JobLeasesTable {
  /** The lease's name, e.g. `jobs`. */
  name: string;
  /** The process holding it: `host/pid/random`. */
  holder: string;
  /** When this holder took it (ISO). */
  acquired_at: string;
  /** Renewed every few seconds by the holder; once passed, any process may take the lease (ISO). */
  expires_at: string;
}

/** One purge of edge-cache keys waiting for EDGE_PURGE_URL (src/services/edgePurge.ts). */
export interface EdgePurgesTable {
  id: Generated<number>;
  /** The Surrogate-Key values to purge, space-separated (the page cache's tags). */
  keys: string;
  created_at: string;
  attempts: Generated<number>;
  /** When the row is due; while a worker sends it, the end of its lease. */
  next_attempt_at: string;
  purged_at: string | null;
  last_error: string | null;
  /** Set when 24 hours of retries failed. */
  dead_at: string | null;
}

/** The analyzed text of one article (src/search/analyze.ts): what the full-text indexes read. */
export interface SearchDocumentsTable {
  article_id: number;
  /** The article's written edition. */
  edition: string;
  headline: string;
  lead: string;
  /** Paragraphs, headings, quotes, lists, tables and captions. */
  body: string;
  /** Tag and author names. */
  extra: string;
}

/** Published articles per written edition and month of `published_at` (the sitemap index), kept by triggers (migration 0010). */
export interface SitemapMonthsTable {
  edition: string;
  /** `yyyy-mm` (UTC). */
  month: string;
  /** Published articles (with a publication time, possibly still in the future); 0 once all left. */
  articles: number;
  /** The newest `coalesce(updated_at, published_at)` the month has seen. */
  lastmod: string;
}

// --- migration 0014: work among people

export type AssignmentStatus = 'open' | 'done' | 'cancelled';

/** A story an editor gives to someone: planned headline, desk and section, due time, assignee. */
export interface AssignmentsTable {
  id: Generated<number>;
  headline: string;
  /** The written edition (the desk). */
  edition: string;
  section_id: number;
  due_at: string;
  note: Generated<string>;
  assignee_id: number;
  assigned_by: number;
  status: Generated<AssignmentStatus>;
  /** The draft started from it (null until then). */
  article_id: number | null;
  created_at: string;
  updated_at: string;
}

/** A comment on an article (newsroom only): threaded by `parent_id`; soft-deleted by `deleted_at`. */
export interface ArticleCommentsTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  user_id: number;
  body: string;
  /** JSON array of the ids of the users the body mentions. */
  mentions: Generated<string>;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

export type NotificationKind = 'assigned' | 'returned' | 'approved' | 'published' | 'mentioned' | 'replied';

/** One event for one recipient; unread while `read_at` is null. */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: NotificationKind;
  actor_id: number | null;
  article_id: number | null;
  assignment_id: number | null;
  comment_id: number | null;
  /** What the recipient reads: the return comment, the assignment's note, the comment's start. */
  text: Generated<string>;
  created_at: string;
  read_at: string | null;
  /** The mail outbox (migration 0015): null = not to be mailed; see NotificationMailState. */
  mail_state: NotificationMailState | null;
  /** Attempts to mail it so far. */
  mail_attempts: Generated<number>;
  /** When the next attempt is due (while pending). */
  mail_next_at: string | null;
}

/** `pending`: to be mailed at `mail_next_at`; `sent`; `failed`: given up after the last attempt. */
export type NotificationMailState = 'pending' | 'sent' | 'failed';

/** A static page of a written edition ("About", "Contacts", …): migration 0012. */
export interface PagesTable {
  id: Generated<number>;
  edition: string;
  /** One Latin slug, the same in every edition for the same page: `/{edition}/page/{slug}`. */
  slug: string;
  /** The newest saved revision (the newsroom's working copy). */
  revision: number;
  /** The revision readers see; null while the page is not published. */
  published_revision: number | null;
  /** First publication. */
  published_at: string | null;
  /** The last publication after the first one. */
  updated_at: string | null;
  created_at: string;
  modified_at: string;
}

/** Every save of a page: its title and body blocks (JSON). */
export interface PageRevisionsTable {
  page_id: number;
  revision: number;
  title: string;
  body: string;
  user_id: number | null;
  created_at: string;
}

export interface Database {
  stories: StoriesTable;
  sections: SectionsTable;
  section_names: SectionNamesTable;
  tags: TagsTable;
  tag_names: TagNamesTable;
  authors: AuthorsTable;
  author_names: AuthorNamesTable;
  media_assets: MediaAssetsTable;
  media_texts: MediaTextsTable;
  article_photo_texts: ArticlePhotoTextsTable;
  articles: ArticlesTable;
  article_tags: ArticleTagsTable;
  article_authors: ArticleAuthorsTable;
  revisions: RevisionsTable;
  slug_history: SlugHistoryTable;
  view_counts: ViewCountsTable;
  derived_overrides: DerivedOverridesTable;
  lexicon: LexiconTable;
  api_keys: ApiKeysTable;
  webhook_subscribers: WebhookSubscribersTable;
  outbox: OutboxTable;
  ingest_sources: IngestSourcesTable;
  ingest_items: IngestItemsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  article_transitions: ArticleTransitionsTable;
  audit_log: AuditLogTable;
  article_presence: ArticlePresenceTable;
  article_autosaves: ArticleAutosavesTable;
  tag_redirects: TagRedirectsTable;
  job_leases: JobLeasesTable;
  edge_purges: EdgePurgesTable;
  search_documents: SearchDocumentsTable;
  sitemap_months: SitemapMonthsTable;
  assignments: AssignmentsTable;
  article_comments: ArticleCommentsTable;
  notifications: NotificationsTable;
  pages: PagesTable;
  page_revisions: PageRevisionsTable;
}

export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;
