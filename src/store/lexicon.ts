// The shared lexicon of word exceptions for the script converters.
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';
import { articlesUsingAsset } from './mediaLibrary.ts';
import { likeContains } from './search.ts';

export interface LexiconEntry {
  scheme: string;
  word: string;
  spelling: string;
}

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
      await trx
        .insertInto('lexicon')
        .values({ ...e, created_at: now })
        .onConflict((oc) => oc.columns(['scheme', 'word']).doUpdateSet({ spelling: e.spelling }))
        .execute();
    }
  });
}

export async function removeLexicon(db: Db, scheme: string, word: string): Promise<boolean> {
  const r = await db.deleteFrom('lexicon').where('scheme', '=', scheme).where('word', '=', word).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** What of a written edition's published content contains a word (any of its spellings `forms`). */
export interface WordOccurrences {
  /** Published articles whose own texts, or whose photos' caption or credit, contain it. */
  readonly articleIds: number[];
  readonly tagIds: number[];
  readonly authorIds: number[];
  /** A section name contains it (every page shows the section menu). */
  readonly inSectionNames: boolean;
  /** More than `maxAssets` photo captions or credits hold it (a word of the credits, say): not looked up one by one. */
  readonly inManyPhotos: boolean;
}

/**
 * Where a word occurs in the published content of a written edition, for a lexicon change to drop
 * exactly the derived pages it changes. `forms` are spellings tried as they are (LIKE … ESCAPE
 * '!', case-sensitive on both databases for Cyrillic: the caller passes the case forms).
 */
export async function wordOccurrences(db: Db, edition: string, forms: readonly string[], maxAssets = 20): Promise<WordOccurrences> {
  const patterns = [...new Set(forms)].map(likeContains);
  if (patterns.length === 0) return { articleIds: [], tagIds: [], authorIds: [], inSectionNames: false, inManyPhotos: false };
  // One column list per table, always ours (never input): `col like ? escape '!' or …`.
  const anyOf = (cols: readonly string[]) =>
    sql<SqlBool>`(${sql.join(
      cols.flatMap((c) => patterns.map((p) => sql`${sql.ref(c)} like ${p} escape '!'`)),
      sql` or `,
    )})`;
  const [articles, assets, tags, authors, sections] = await Promise.all([
    db
      .selectFrom('articles')
      .select('id')
      .where('edition', '=', edition)
      .where('status', '=', 'published')
      .where(anyOf(['headline', 'lead', 'body', 'source_line', 'seo_title', 'seo_description', 'correction_note']))
      .execute(),
    db
      .selectFrom('media_texts')
      .select('asset_id')
      .where('edition', '=', edition)
      .where(anyOf(['caption', 'credit']))
      .limit(maxAssets + 1)
      .execute(),
    db
      .selectFrom('tag_names')
      .select('tag_id')
      .where('edition', '=', edition)
      .where(anyOf(['name']))
      .execute(),
    db
      .selectFrom('author_names')
      .select('author_id')
      .where('edition', '=', edition)
      .where(anyOf(['name', 'role', 'bio']))
      .execute(),
    db
      .selectFrom('section_names')
      .select('section_id')
      .where('edition', '=', edition)
      .where(anyOf(['name']))
      .limit(1)
      .execute(),
  ]);
  const articleIds = new Set(articles.map((a) => a.id));
  const inManyPhotos = assets.length > maxAssets;
  // Each photo is one look-up of the articles that show it: a few, never hundreds.
  for (const { asset_id: assetId } of inManyPhotos ? [] : assets) {
    for (const use of await articlesUsingAsset(db, assetId)) {
      if (use.edition === edition && use.status === 'published') articleIds.add(use.id);
    }
  }
  return {
    articleIds: [...articleIds].sort((a, b) => a - b),
    tagIds: tags.map((t) => t.tag_id),
    authorIds: authors.map((a) => a.author_id),
    inSectionNames: sections.length > 0,
    inManyPhotos,
  };
}
