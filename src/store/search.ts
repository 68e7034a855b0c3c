// Reader search: visible articles of an edition whose headline or lead contains one of the terms.
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { CardRow } from './articles.ts';

/** `%`, `_` and the escape character itself match literally (LIKE … ESCAPE '!'). */
export function likeContains(term: string): string {
  return `%${term.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/**
 * Newest first. `terms` are alternatives (spellings of one query: as typed, lower case, in the
 * source script); SQLite's LIKE ignores case for ASCII only and PostgreSQL's not at all, hence
 * the spellings rather than a case-folding operator that the two dialects do not share.
 */
export async function searchPublished(db: Db, f: { edition: string; now: string }, terms: readonly string[], limit: number, offset: number): Promise<CardRow[]> {
  if (terms.length === 0) return [];
  const patterns = [...new Set(terms)].map(likeContains);
  return db.selectFrom('articles')
    .select([
      'articles.id', 'articles.public_id', 'articles.story_id', 'articles.edition', 'articles.section_id',
      'articles.slug', 'articles.headline', 'articles.lead', 'articles.hero_asset_id', 'articles.breaking',
      'articles.pinned', 'articles.published_at', 'articles.updated_at',
    ])
    .where('articles.edition', '=', f.edition)
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', f.now)
    .where((eb) => eb.or(patterns.flatMap((p) => [
      sql<SqlBool>`${eb.ref('articles.headline')} like ${p} escape '!'`,
      sql<SqlBool>`${eb.ref('articles.lead')} like ${p} escape '!'`,
    ])))
    .orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc')
    .limit(limit).offset(offset)
    .execute();
}
