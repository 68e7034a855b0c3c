// Per-field overrides of a derived article: an editor's correction wins over the converter.
import type { Db } from '../db/connect.ts';

export async function overridesFor(db: Db, articleId: number, edition: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('derived_overrides').select(['field', 'value'])
    .where('article_id', '=', articleId).where('edition', '=', edition).execute();
  return new Map(rows.map((r) => [r.field, r.value]));
}

export async function setOverride(db: Db, articleId: number, edition: string, field: string, value: string, now: string): Promise<void> {
  await db.insertInto('derived_overrides')
    .values({ article_id: articleId, edition, field, value, updated_at: now })
    .onConflict((oc) => oc.columns(['article_id', 'edition', 'field']).doUpdateSet({ value, updated_at: now }))
    .execute();
}

export async function removeOverride(db: Db, articleId: number, edition: string, field: string): Promise<void> {
  await db.deleteFrom('derived_overrides')
    .where('article_id', '=', articleId).where('edition', '=', edition).where('field', '=', field).execute();
}
