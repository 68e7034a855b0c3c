// One action on many articles from the newsroom's list: move to a section, unpublish, delete drafts.
// Each article goes through the same service call (and so the same permission and state checks,
// transaction and audit row) as when it is done on its own; one refused article does not stop the
// others, and the answer says for every article whether it was done and, if not, why.
import type { Db } from '../../db/connect.ts';
import type { Bulk, BulkAnswer, BulkResult } from '../../contracts/newsroom/articles.ts';
import type { SessionUser } from './auth.ts';
import { conflict, invalid, NewsroomError } from './errors.ts';
import { ForbiddenError, type Actor } from './permissions.ts';
import type { NewsroomArticles } from './articles.ts';
import { existingIds } from '../../store/newsroom.ts';

export async function bulkArticles(db: Db, articles: NewsroomArticles, user: SessionUser | Actor, input: Bulk): Promise<BulkAnswer> {
  const sectionId = input.sectionId;
  if (input.action === 'section') {
    if (sectionId === undefined) throw invalid('sectionId: the section to move the articles to');
    if (!(await existingIds(db, 'sections', [sectionId])).has(sectionId)) throw invalid('sectionId: no such section');
  } else if (sectionId !== undefined) {
    throw invalid('sectionId: only for moving articles to a section');
  }
  const results: BulkResult[] = [];
  for (const id of input.ids) {
    try {
      const row = await articles.row(id);
      if (input.action === 'section') {
        if (row.section_id !== sectionId) await articles.save(user, id, { revision: row.revision, sectionId: sectionId! });
      } else if (input.action === 'unpublish') {
        await articles.transition(user, id, { action: 'unpublish', revision: row.revision });
      } else {
        if (row.status !== 'draft' && row.status !== 'returned') {
          // The read check first: an article the user may not open is "not allowed", not described.
          await articles.readable(user, id, 'article.delete');
          throw conflict('INVALID_TRANSITION', `Only drafts are deleted from the list: this article is ${row.status}`);
        }
        await articles.remove(user, id);
      }
      results.push({ id, ok: true });
    } catch (e) {
      if (e instanceof NewsroomError || e instanceof ForbiddenError) {
        results.push({ id, ok: false, error: { code: e.code, message: e.message } });
      } else {
        throw e;
      }
    }
  }
  return { results };
}
