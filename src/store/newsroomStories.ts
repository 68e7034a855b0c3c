// The newsroom's queries for stories, presence, per-field overrides and the lexicon's rows.
import type { Db } from '../db/connect.ts';
import { SUMMARY_COLUMNS, type SummaryRow } from './newsroom.ts';

/** Every article of a story (one per written edition at most), as list summaries. */
export async function storyArticles(db: Db, storyId: number): Promise<SummaryRow[]> {
  return db.selectFrom('articles').select(SUMMARY_COLUMNS).where('articles.story_id', '=', storyId).orderBy('articles.id').execute();
}

// --- presence ------------------------------------------------------------------------------------

/** Records that the user has the article open now (one row per article and user). */
export async function touchPresence(db: Db, articleId: number, userId: number, at: string): Promise<void> {
  await db
    .insertInto('article_presence')
    .values({ article_id: articleId, user_id: userId, seen_at: at })
    .onConflict((oc) => oc.columns(['article_id', 'user_id']).doUpdateSet({ seen_at: at }))
    .execute();
}

export interface PresentUser {
  id: number;
  name: string;
  seen_at: string;
}

/** The other users whose last heartbeat on the article is at or after `since`, by name. */
export async function othersPresent(db: Db, articleId: number, userId: number, since: string): Promise<PresentUser[]> {
  return db
    .selectFrom('article_presence')
    .innerJoin('users', 'users.id', 'article_presence.user_id')
    .select(['users.id', 'users.name', 'article_presence.seen_at'])
    .where('article_presence.article_id', '=', articleId)
    .where('article_presence.user_id', '<>', userId)
    .where('article_presence.seen_at', '>=', since)
    .where('users.disabled', '=', 0)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
}

export async function removePresence(db: Db, articleId: number, userId: number): Promise<void> {
  await db.deleteFrom('article_presence').where('article_id', '=', articleId).where('user_id', '=', userId).execute();
}

// --- overrides -----------------------------------------------------------------------------------

export interface OverrideRow {
  edition: string;
  field: string;
  value: string;
}

/** Every override of an article, in every derived edition. */
export async function overridesOfArticle(db: Db, articleId: number): Promise<OverrideRow[]> {
  return db
    .selectFrom('derived_overrides')
    .select(['edition', 'field', 'value'])
    .where('article_id', '=', articleId)
    .orderBy('edition')
    .orderBy('field')
    .execute();
}

/** Removes one override; true when there was one. */
export async function deleteOverride(db: Db, articleId: number, edition: string, field: string): Promise<boolean> {
  const r = await db
    .deleteFrom('derived_overrides')
    .where('article_id', '=', articleId)
    .where('edition', '=', edition)
    .where('field', '=', field)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// --- lexicon rows (store/lexicon.ts keeps the converters' view: word → spelling per scheme) --------

export interface LexiconRow {
  id: number;
  scheme: string;
  word: string;
  spelling: string;
}

export async function lexiconRows(db: Db, scheme?: string): Promise<LexiconRow[]> {
  let q = db.selectFrom('lexicon').select(['id', 'scheme', 'word', 'spelling']).orderBy('scheme').orderBy('word');
  if (scheme !== undefined) q = q.where('scheme', '=', scheme);
  return q.execute();
}

export async function lexiconRow(db: Db, id: number): Promise<LexiconRow | undefined> {
  return db.selectFrom('lexicon').select(['id', 'scheme', 'word', 'spelling']).where('id', '=', id).executeTakeFirst();
}

/** Adds the word or changes its spelling; returns the row's id and the spelling it had before (null when new). */
export async function putLexiconWord(
  db: Db,
  e: { scheme: string; word: string; spelling: string },
  now: string,
): Promise<{ id: number; before: string | null }> {
  const old = await db
    .selectFrom('lexicon')
    .select(['id', 'spelling'])
    .where('scheme', '=', e.scheme)
    .where('word', '=', e.word)
    .executeTakeFirst();
  if (old) {
    await db.updateTable('lexicon').set({ spelling: e.spelling }).where('id', '=', old.id).execute();
    return { id: old.id, before: old.spelling };
  }
  const row = await db
    .insertInto('lexicon')
    .values({ ...e, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, before: null };
}

export async function deleteLexiconRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('lexicon').where('id', '=', id).execute();
}
