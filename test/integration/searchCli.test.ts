// `habarshy search reindex` on SQLite and PostgreSQL: rebuilds a lost or stale index from the
// articles, and the search finds the articles again.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, test } from 'node:test';
import { seedDemo } from '../../src/services/demoSeed.ts';
import { SearchService } from '../../src/search/engine.ts';
import { dialects, freshDatabase } from '../support/databases.ts';
import { SHARED_DATA_DIR } from '../support/site.ts';

const BIN = path.resolve('bin/habarshy.js');

for (const dialect of dialects()) {
  describe(`habarshy search on ${dialect}`, () => {
    test('reindex rebuilds the index from the articles (the bar shows on a terminal only); a wrong subcommand is a usage error', async () => {
      const t = await freshDatabase(dialect);
      try {
        await seedDemo(t.handle, { dataDir: SHARED_DATA_DIR, now: new Date('2026-11-20T09:30:00Z') });
        const db = t.handle.db;
        const articles = Number(
          (
            await db
              .selectFrom('articles')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
        const search = () =>
          new SearchService(db).search({
            query: 'Astana',
            edition: 'en',
            order: 'relevance',
            limit: 5,
            offset: 0,
            scope: { editions: ['en'] },
          });
        assert.ok((await search()).total > 0);
        await db.deleteFrom('search_documents').execute();
        assert.equal((await search()).total, 0, 'the index is gone');
        const env = { ...process.env, DATA_DIR: t.dataDir, DATABASE_URL: t.url, LOG_LEVEL: 'warn' };
        const r = spawnSync(process.execPath, [BIN, 'search', 'reindex'], { encoding: 'utf8', timeout: 120_000, env });
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout.trim(), `reindexed ${articles} article(s)`);
        const rows = Number(
          (
            await db
              .selectFrom('search_documents')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
        assert.equal(rows, articles);
        assert.ok((await search()).total > 0, 'found again');
        const bad = spawnSync(process.execPath, [BIN, 'search', 'rebuild'], { encoding: 'utf8', timeout: 60_000, env });
        assert.equal(bad.status, 2);
        assert.match(bad.stderr, /habarshy search reindex/);
      } finally {
        await t.drop();
      }
    });
  });
}
