// View counts per article, edition and hour.
import type { Db } from '../db/connect.ts';

export interface ViewIncrement {
  articleId: number;
  edition: string;
  hour: number;
  views: number;
}

/** Adds a batch of counts in one transaction. */
export async function addViews(db: Db, batch: readonly ViewIncrement[]): Promise<void> {
  if (batch.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < batch.length; i += 200) {
      const chunk = batch.slice(i, i + 200);
      await trx
        .insertInto('view_counts')
        .values(chunk.map((v) => ({ article_id: v.articleId, edition: v.edition, hour: v.hour, views: v.views })))
        .onConflict((oc) =>
          oc
            .columns(['article_id', 'edition', 'hour'])
            .doUpdateSet((eb) => ({ views: eb('view_counts.views', '+', eb.ref('excluded.views')) })),
        )
        .execute();
    }
  });
}

/** Article ids ranked by views in an edition since an hour (inclusive). */
export async function topArticles(
  db: Db,
  edition: string,
  sinceHour: number,
  limit: number,
): Promise<{ article_id: number; views: number }[]> {
  const rows = await db
    .selectFrom('view_counts')
    .select(['article_id', (eb) => eb.fn.sum<number>('views').as('views')])
    .where('edition', '=', edition)
    .where('hour', '>=', sinceHour)
    .groupBy('article_id')
    .orderBy('views', 'desc')
    .orderBy('article_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ article_id: r.article_id, views: Number(r.views) }));
}

export async function articleIdForView(db: Db, publicId: string): Promise<{ id: number; edition: string } | undefined> {
  return db
    .selectFrom('articles')
    .select(['id', 'edition'])
    .where('public_id', '=', publicId)
    .where('status', '=', 'published')
    .executeTakeFirst();
}
