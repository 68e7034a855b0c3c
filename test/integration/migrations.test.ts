// Migrations run up, down and up again on both databases, and the migrated schema matches the
// table types of src/db/tables.ts (the constant below is checked against them by the compiler).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Database } from '../../src/db/tables.ts';
import { sql } from 'kysely';
import type { Db } from '../../src/db/connect.ts';
import { migrateAllDown, migrateDown, migrateToLatest } from '../../src/db/migrate.ts';
import { dialects, freshDatabase } from '../support/databases.ts';

type Columns = { [T in keyof Database]: readonly (keyof Database[T])[] };
/** Exactly the columns of each table type: a missing or extra name fails to compile. */
const EXPECTED = {
  stories: ['id', 'created_at'],
  sections: ['id', 'key', 'parent_id', 'position'],
  section_names: ['section_id', 'edition', 'name', 'slug'],
  tags: ['id', 'key'],
  tag_names: ['tag_id', 'edition', 'name', 'slug'],
  authors: ['id', 'key', 'slug', 'photo_asset_id', 'user_id'],
  author_names: ['author_id', 'edition', 'name', 'role', 'bio'],
  media_assets: [
    'id',
    'file_key',
    'mime',
    'width',
    'height',
    'focal_x',
    'focal_y',
    'bytes',
    'created_at',
    'original_name',
    'original_ext',
    'uploaded_by',
    'desk',
  ],
  media_texts: ['asset_id', 'edition', 'caption', 'credit'],
  article_photo_texts: ['article_id', 'asset_id', 'caption', 'credit', 'updated_at'],
  articles: [
    'id',
    'public_id',
    'story_id',
    'edition',
    'section_id',
    'status',
    'slug',
    'headline',
    'lead',
    'body',
    'body_version',
    'source_line',
    'hero_asset_id',
    'breaking',
    'pinned',
    'seo_title',
    'seo_description',
    'published_at',
    'updated_at',
    'created_at',
    'modified_at',
    'revision',
    'created_by',
    'scheduled_at',
    'embargo',
    'correction_note',
    'translated_from',
  ],
  article_tags: ['article_id', 'tag_id', 'position'],
  article_authors: ['article_id', 'author_id', 'position'],
  revisions: ['id', 'article_id', 'revision', 'user_id', 'created_at', 'data'],
  slug_history: ['article_id', 'slug', 'created_at'],
  view_counts: ['article_id', 'edition', 'hour', 'views'],
  derived_overrides: ['article_id', 'edition', 'field', 'value', 'updated_at'],
  lexicon: ['id', 'scheme', 'word', 'spelling', 'created_at'],
  api_keys: ['id', 'name', 'prefix', 'hash', 'created_at', 'revoked_at', 'last_used_at', 'requests'],
  webhook_subscribers: ['id', 'url', 'secret', 'events', 'active', 'created_at'],
  outbox: [
    'id',
    'event_id',
    'subscriber_id',
    'article_id',
    'event',
    'payload',
    'created_at',
    'attempts',
    'next_attempt_at',
    'delivered_at',
    'last_error',
    'dead_at',
  ],
  ingest_sources: ['id', 'url', 'edition', 'section_id', 'poll_seconds', 'name', 'active', 'last_polled_at', 'last_error'],
  ingest_items: ['source_id', 'guid', 'link', 'article_id', 'seen_at'],
  users: [
    'id',
    'email',
    'name',
    'password_hash',
    'role',
    'desks',
    'ui_lang',
    'must_change_password',
    'disabled',
    'mail_notifications',
    'created_at',
    'updated_at',
  ],
  sessions: ['id', 'user_id', 'csrf_token', 'created_at', 'seen_at', 'expires_at', 'ip', 'user_agent'],
  login_failures: ['id', 'key', 'at'],
  article_transitions: ['id', 'article_id', 'action', 'from_status', 'to_status', 'user_id', 'at', 'comment', 'revision'],
  audit_log: ['id', 'at', 'user_id', 'action', 'target_type', 'target_id', 'detail'],
  article_presence: ['article_id', 'user_id', 'seen_at'],
  article_autosaves: ['article_id', 'user_id', 'base_revision', 'data', 'saved_at'],
  tag_redirects: ['edition', 'slug', 'tag_id'],
  job_leases: ['name', 'holder', 'acquired_at', 'expires_at'],
  edge_purges: ['id', 'keys', 'created_at', 'attempts', 'next_attempt_at', 'purged_at', 'last_error', 'dead_at'],
  search_documents: ['article_id', 'edition', 'headline', 'lead', 'body', 'extra'],
  sitemap_months: ['edition', 'month', 'articles', 'lastmod'],
  assignments: [
    'id',
    'headline',
    'edition',
    'section_id',
    'due_at',
    'note',
    'assignee_id',
    'assigned_by',
    'status',
    'article_id',
    'created_at',
    'updated_at',
  ],
  article_comments: ['id', 'article_id', 'parent_id', 'user_id', 'body', 'mentions', 'created_at', 'edited_at', 'deleted_at'],
  notifications: [
    'id',
    'user_id',
    'kind',
    'actor_id',
    'article_id',
    'assignment_id',
    'comment_id',
    'text',
    'created_at',
    'read_at',
    'mail_state',
    'mail_attempts',
    'mail_next_at',
  ],
  pages: ['id', 'edition', 'slug', 'revision', 'published_revision', 'published_at', 'updated_at', 'created_at', 'modified_at'],
  page_revisions: ['page_id', 'revision', 'title', 'body', 'user_id', 'created_at'],
} as const satisfies Columns;
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _every: { [T in keyof Database]: Exact<(typeof EXPECTED)[T][number], keyof Database[T]> } = Object.fromEntries(
  Object.keys(EXPECTED).map((k) => [k, true]),
) as never;
void _every;

/** sitemap_months as a full count over the articles would give it (months with no article left dropped). */
async function monthCounts(db: Db): Promise<{ kept: string[]; counted: string[] }> {
  const kept = await db.selectFrom('sitemap_months').select(['edition', 'month', 'articles']).where('articles', '>', 0).execute();
  const counted = await db
    .selectFrom('articles')
    .select((eb) => ['edition', sql<string>`substr(published_at, 1, 7)`.as('month'), eb.fn.countAll<number>().as('articles')])
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
    .groupBy(['edition', sql`substr(published_at, 1, 7)`])
    .execute();
  const key = (r: { edition: string; month: string; articles: number | string | bigint }) =>
    `${r.edition} ${r.month} ${Number(r.articles)}`;
  return { kept: kept.map(key).sort(), counted: counted.map(key).sort() };
}

async function addArticles(
  db: Db,
  rows: { edition: string; status: 'draft' | 'published'; published_at: string | null }[],
): Promise<number[]> {
  const now = '2026-01-01T00:00:00.000Z';
  const section =
    (await db.selectFrom('sections').select('id').executeTakeFirst()) ??
    (await db.insertInto('sections').values({ key: 'world', parent_id: null, position: 1 }).returning('id').executeTakeFirstOrThrow());
  const ids: number[] = [];
  for (const r of rows) {
    const { id: storyId } = await db.insertInto('stories').values({ created_at: now }).returning('id').executeTakeFirstOrThrow();
    const { id } = await db
      .insertInto('articles')
      .values({
        public_id: `p${storyId}`,
        story_id: storyId,
        edition: r.edition,
        section_id: section.id,
        status: r.status,
        slug: 's',
        headline: 'h',
        lead: 'l',
        body: '{"version":1,"blocks":[]}',
        body_version: 1,
        created_at: now,
        modified_at: now,
        published_at: r.published_at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(id);
  }
  return ids;
}

for (const dialect of dialects()) {
  describe(`migrations on ${dialect}`, () => {
    test('up, down and up again; the schema matches the table types', async () => {
      const t = await freshDatabase(dialect, { migrate: false });
      try {
        const applied = await migrateToLatest(t.handle.db);
        assert.equal(applied[0], 'applied 0001_initial');
        assert.ok(applied.includes('applied 0003_distribution'));
        assert.ok(applied.includes('applied 0002_api_keys'));
        assert.deepEqual(applied, [...applied].sort(), 'applied in order');
        assert.deepEqual(await migrateToLatest(t.handle.db), [], 're-running is a no-op');
        // The engines' own search indexes (FTS5 tables on SQLite, the tsvector column on PostgreSQL) are not in the model.
        const tables = (await t.handle.db.introspection.getTables()).filter(
          (x) => !x.name.startsWith('kysely_') && !/^search_(fts|vocab)/.test(x.name),
        );
        const actual = Object.fromEntries(
          tables.map((x) => [
            x.name,
            x.columns
              .map((c) => c.name)
              .filter((c) => !(x.name === 'search_documents' && c === 'document'))
              .sort(),
          ]),
        );
        const expected = Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [k, [...v].sort()]));
        assert.deepEqual(actual, expected);
        assert.deepEqual(await migrateAllDown(t.handle.db), applied.map((x) => x.replace('applied', 'reverted')).reverse());
        const left = (await t.handle.db.introspection.getTables()).filter((x) => !x.name.startsWith('kysely_'));
        assert.deepEqual(left, []);
        assert.deepEqual(await migrateToLatest(t.handle.db), applied);
      } finally {
        await t.drop();
      }
    });

    test('the sitemap month counts are backfilled and follow every publish, unpublish, date change and delete', async () => {
      const t = await freshDatabase(dialect);
      try {
        const db = t.handle.db;
        // Back to before 0010 (later migrations are reverted first).
        const reverted: string[] = [];
        while (!reverted.includes('reverted 0010_scale')) reverted.push(...(await migrateDown(db)));
        assert.equal(reverted.at(-1), 'reverted 0010_scale');
        await addArticles(db, [
          { edition: 'en', status: 'published', published_at: '2025-07-03T10:00:00.000Z' },
          { edition: 'en', status: 'published', published_at: '2025-07-30T10:00:00.000Z' },
          { edition: 'ru', status: 'published', published_at: '2025-07-03T10:00:00.000Z' },
          { edition: 'en', status: 'draft', published_at: null },
        ]);
        await migrateToLatest(db);
        let c = await monthCounts(db);
        assert.deepEqual(c.kept, ['en 2025-07 2', 'ru 2025-07 1'], 'backfilled by the migration');
        const [a, b, draft] = await addArticles(db, [
          { edition: 'kz', status: 'published', published_at: '2025-08-01T00:00:00.000Z' },
          { edition: 'kz', status: 'published', published_at: '2025-08-31T23:59:59.999Z' },
          { edition: 'kz', status: 'draft', published_at: null },
        ]);
        await db
          .updateTable('articles')
          .set({ status: 'published', published_at: '2025-09-02T08:00:00.000Z' })
          .where('id', '=', draft!)
          .execute();
        await db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', a!).execute();
        await db
          .updateTable('articles')
          .set({ published_at: '2025-06-15T08:00:00.000Z', updated_at: '2025-10-01T00:00:00.000Z' })
          .where('id', '=', b!)
          .execute();
        c = await monthCounts(db);
        assert.deepEqual(c.kept, c.counted);
        assert.deepEqual(c.kept, ['en 2025-07 2', 'kz 2025-06 1', 'kz 2025-09 1', 'ru 2025-07 1']);
        const june = await db
          .selectFrom('sitemap_months')
          .select('lastmod')
          .where('edition', '=', 'kz')
          .where('month', '=', '2025-06')
          .executeTakeFirstOrThrow();
        assert.equal(june.lastmod, '2025-10-01T00:00:00.000Z', 'the newest change of the month');
        await db.deleteFrom('articles').where('id', '=', b!).execute();
        c = await monthCounts(db);
        assert.deepEqual(c.kept, c.counted);
        assert.deepEqual(c.kept, ['en 2025-07 2', 'kz 2025-09 1', 'ru 2025-07 1']);
      } finally {
        await t.drop();
      }
    });

    test('the database refuses what the model forbids: duplicate public ids and slugs', async () => {
      const t = await freshDatabase(dialect);
      try {
        const db = t.handle.db;
        const now = new Date().toISOString();
        const { id: storyId } = await db.insertInto('stories').values({ created_at: now }).returning('id').executeTakeFirstOrThrow();
        const { id: sectionId } = await db
          .insertInto('sections')
          .values({ key: 'world', parent_id: null, position: 1 })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db.insertInto('section_names').values({ section_id: sectionId, edition: 'en', name: 'World', slug: 'world' }).execute();
        await assert.rejects(
          db.insertInto('section_names').values({ section_id: sectionId, edition: 'en', name: 'Other', slug: 'world' }).execute(),
        );
        const article = {
          public_id: 'abc123',
          story_id: storyId,
          edition: 'en',
          section_id: sectionId,
          status: 'draft' as const,
          slug: 's',
          headline: 'h',
          lead: 'l',
          body: '{"version":1,"blocks":[]}',
          body_version: 1,
          created_at: now,
          modified_at: now,
        };
        await db.insertInto('articles').values(article).execute();
        await assert.rejects(
          db
            .insertInto('articles')
            .values({ ...article, edition: 'ru' })
            .execute(),
          'public ids are unique',
        );
        await assert.rejects(
          db
            .insertInto('articles')
            .values({ ...article, public_id: 'abc124' })
            .execute(),
          'one article per story and edition',
        );
      } finally {
        await t.drop();
      }
    });
  });
}
