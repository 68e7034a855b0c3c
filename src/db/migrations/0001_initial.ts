// Migration 0001: the content model of DESIGN.md §2. Frozen: never edit once merged.
import { PostgresAdapter, type Kysely, type CreateTableBuilder } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function withId<T extends string>(db: AnyDb, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  return pg
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('stories'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('sections'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('parent_id', 'integer', (c) => c.references('sections.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('section_names')
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id').onDelete('cascade'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('section_names_pk', ['section_id', 'edition'])
    .addUniqueConstraint('section_names_slug', ['edition', 'slug'])
    .execute();

  await withId(db, db.schema.createTable('tags'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createTable('tag_names')
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tag_names_pk', ['tag_id', 'edition'])
    .addUniqueConstraint('tag_names_slug', ['edition', 'slug'])
    .execute();

  await withId(db, db.schema.createTable('media_assets'))
    .addColumn('file_key', 'text', (c) => c.notNull().unique())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('focal_x', 'real', (c) => c.notNull().defaultTo(0.5))
    .addColumn('focal_y', 'real', (c) => c.notNull().defaultTo(0.5))
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('media_texts')
    .addColumn('asset_id', 'integer', (c) => c.notNull().references('media_assets.id').onDelete('cascade'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('credit', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('media_texts_pk', ['asset_id', 'edition'])
    .execute();

  await withId(db, db.schema.createTable('authors'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('photo_asset_id', 'integer', (c) => c.references('media_assets.id'))
    .addColumn('user_id', 'integer')
    .execute();
  await db.schema
    .createTable('author_names')
    .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('cascade'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('bio', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('author_names_pk', ['author_id', 'edition'])
    .execute();

  await withId(db, db.schema.createTable('articles'))
    .addColumn('public_id', 'text', (c) => c.notNull().unique())
    .addColumn('story_id', 'integer', (c) => c.notNull().references('stories.id'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_version', 'integer', (c) => c.notNull())
    .addColumn('source_line', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('hero_asset_id', 'integer', (c) => c.references('media_assets.id'))
    .addColumn('breaking', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('seo_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('seo_description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('articles_story_edition', ['story_id', 'edition'])
    .execute();
  await db.schema.createIndex('articles_edition_published').on('articles').columns(['edition', 'status', 'published_at']).execute();
  await db.schema
    .createIndex('articles_section_published')
    .on('articles')
    .columns(['section_id', 'edition', 'status', 'published_at'])
    .execute();

  await db.schema
    .createTable('article_tags')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('article_tags_tag').on('article_tags').columns(['tag_id', 'article_id']).execute();

  await db.schema
    .createTable('article_authors')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_id'])
    .execute();
  await db.schema.createIndex('article_authors_author').on('article_authors').columns(['author_id', 'article_id']).execute();

  await withId(db, db.schema.createTable('revisions'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addUniqueConstraint('revisions_article_revision', ['article_id', 'revision'])
    .execute();

  await db.schema
    .createTable('slug_history')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('slug_history_pk', ['article_id', 'slug'])
    .execute();

  await db.schema
    .createTable('view_counts')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('view_counts_pk', ['article_id', 'edition', 'hour'])
    .execute();
  await db.schema.createIndex('view_counts_edition_hour').on('view_counts').columns(['edition', 'hour']).execute();

  await db.schema
    .createTable('derived_overrides')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('derived_overrides_pk', ['article_id', 'edition', 'field'])
    .execute();

  await withId(db, db.schema.createTable('lexicon'))
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('spelling', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('lexicon_scheme_word', ['scheme', 'word'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'lexicon',
    'derived_overrides',
    'view_counts',
    'slug_history',
    'revisions',
    'article_authors',
    'article_tags',
    'articles',
    'author_names',
    'authors',
    'media_texts',
    'media_assets',
    'tag_names',
    'tags',
    'section_names',
    'sections',
    'stories',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
