// Migration 0013: photos per article and per desk. Frozen: never edit once merged.
//
// - `article_photo_texts`: an article's own caption and credit of its lead photo, which win over the
//   library's for that article only (body photo blocks carry theirs in the block). One row per
//   article, for the photo `asset_id`: it counts only while that photo is the lead photo (choosing
//   another one leaves the new photo's texts alone); removed with the article.
// - `media_assets.desk`: the desk (written edition) a photo was uploaded for, for the library's desk
//   filter; null for demo photos and uploads made before it (their captions' editions count).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('article_photo_texts')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('asset_id', 'integer', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('credit', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('media_assets').addColumn('desk', 'text').execute();
  await db.schema.createIndex('media_assets_desk').on('media_assets').columns(['desk', 'id']).execute();
  await db.schema.createIndex('media_assets_uploaded_by').on('media_assets').columns(['uploaded_by', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('media_assets_uploaded_by').execute();
  await db.schema.dropIndex('media_assets_desk').execute();
  await db.schema.alterTable('media_assets').dropColumn('desk').execute();
  await db.schema.dropTable('article_photo_texts').execute();
}
