// Per-field overrides of a derived article: an editor's correction wins over the converter.
import type { Db } from '../db/connect.ts';

/** Overrides of a derived edition for many articles in one query: article id → field → value. */
export async function overridesForArticles(
  db: Db,
  articleIds: readonly number[],
  edition: string,
): Promise<Map<number, Map<string, string>>> {
  const out = new Map<number, Map<string, string>>();
  if (articleIds.length === 0) return out;
  const rows = await db
    .selectFrom('derived_overrides')
    .select(['article_id', 'field', 'value'])
    .where('edition', '=', edition)
    .where('article_id', 'in', [...articleIds])
    .execute();
  for (const r of rows) {
    let m = out.get(r.article_id);
    if (!m) out.set(r.article_id, (m = new Map()));
    m.set(r.field, r.value);
  }
  return out;
}

export async function setOverride(db: Db, articleId: number, edition: string, field: string, value: string, now: string): Promise<void> {
  await db
    .insertInto('derived_overrides')
    .values({ article_id: articleId, edition, field, value, updated_at: now })
    .onConflict((oc) => oc.columns(['article_id', 'edition', 'field']).doUpdateSet({ value, updated_at: now }))
    .execute();
}

export async function removeOverride(db: Db, articleId: number, edition: string, field: string): Promise<void> {
  await db
    .deleteFrom('derived_overrides')
    .where('article_id', '=', articleId)
    .where('edition', '=', edition)
    .where('field', '=', field)
    .execute();
}
