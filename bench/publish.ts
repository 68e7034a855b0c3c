// Publishing one article through the service (revision, search index, events, cache), timed on
// the seeded database, and the search index's share of it (syncSearchDocuments for that article).
import { connect } from '../src/db/connect.ts';
import { loadConfig } from '../src/config.ts';
import { buildServices } from '../src/services/container.ts';
import { syncSearchDocuments } from '../src/search/indexer.ts';
import { newPublicId } from '../src/content/ids.ts';
import { renderBody } from '../src/web/api/renderBody.tsx';
import { renderFeedBody } from '../src/web/feeds/feedBody.tsx';

const median = (xs: number[]) => +[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(3);

export async function benchPublish(
  env: Record<string, string>,
  rounds = 15,
): Promise<{ publish: number; searchIndex: number; withoutIndex: number }> {
  const config = loadConfig({ ...process.env, ...env, LOG_LEVEL: 'silent' });
  const handle = connect(env['DATABASE_URL']!, { parallelQuery: false });
  const services = await buildServices(config, handle, {
    assets: { css: '/a.css', script: '/a.js', prefs: '/p.js', icon: '/a.svg', preload: {} },
    renderers: { api: renderBody, feed: renderFeedBody },
    log: () => {},
  });
  try {
    const db = handle.db;
    const source = await db
      .selectFrom('articles')
      .selectAll()
      .where('edition', '=', 'en')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const story = await db.insertInto('stories').values({ created_at: now }).returning('id').executeTakeFirstOrThrow();
    const { id: _id, ...columns } = source;
    // A free public id, as the newsroom finds one: at a million articles one in sixteen is taken.
    let publicId = newPublicId();
    while (await db.selectFrom('articles').select('id').where('public_id', '=', publicId).executeTakeFirst()) publicId = newPublicId();
    const draft = await db
      .insertInto('articles')
      .values({
        ...columns,
        public_id: publicId,
        story_id: story.id,
        status: 'draft',
        published_at: null,
        updated_at: null,
        created_at: now,
        modified_at: now,
        revision: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const publish: number[] = [];
    const index: number[] = [];
    for (let i = 0; i < rounds; i++) {
      let t = process.hrtime.bigint();
      await services.publishing.publish(draft.id);
      publish.push(Number(process.hrtime.bigint() - t) / 1e6);
      t = process.hrtime.bigint();
      await db.transaction().execute((trx) => syncSearchDocuments(trx, [draft.id]));
      index.push(Number(process.hrtime.bigint() - t) / 1e6);
      await services.publishing.unpublish(draft.id);
    }
    const p = median(publish);
    const s = median(index);
    return { publish: p, searchIndex: s, withoutIndex: +(p - s).toFixed(3) };
  } finally {
    await services.close();
    await handle.close();
  }
}
