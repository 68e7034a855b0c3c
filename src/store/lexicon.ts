// The shared lexicon of word exceptions for the script converters.
import type { Db } from '../db/connect.ts';

export interface LexiconEntry { scheme: string; word: string; spelling: string }

export async function lexiconFor(db: Db, scheme: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('lexicon').select(['word', 'spelling']).where('scheme', '=', scheme).execute();
  return new Map(rows.map((r) => [r.word, r.spelling]));
}

export async function listLexicon(db: Db, scheme?: string): Promise<LexiconEntry[]> {
  let q = db.selectFrom('lexicon').select(['scheme', 'word', 'spelling']).orderBy('scheme').orderBy('word');
  if (scheme) q = q.where('scheme', '=', scheme);
  return q.execute();
}

export async function upsertLexicon(db: Db, entries: readonly LexiconEntry[], now: string): Promise<void> {
  if (entries.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const e of entries) {
      await trx.insertInto('lexicon').values({ ...e, created_at: now })
        .onConflict((oc) => oc.columns(['scheme', 'word']).doUpdateSet({ spelling: e.spelling }))
        .execute();
    }
  });
}

export async function removeLexicon(db: Db, scheme: string, word: string): Promise<boolean> {
  const r = await db.deleteFrom('lexicon').where('scheme', '=', scheme).where('word', '=', word).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
