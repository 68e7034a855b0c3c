// Recall@10 of the reader search over the relevance test set (test/fixtures/search-relevance.ts),
// on SQLite and PostgreSQL: the expected article must be among the first ten results of at least
// 95% of the queries, and every kind of query (word forms, scripts, phrases, prefixes, Chinese, typos) is in the set.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EDITIONS, type EditionCode } from '../../src/editions/editions.ts';
import { RELEVANCE } from '../fixtures/search-relevance.ts';
import { dialects } from '../support/databases.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';

const written = (e: EditionCode) => {
  const d = EDITIONS[e];
  return d.kind === 'derived' ? d.source : d.code;
};

for (const dialect of dialects()) {
  describe(`search relevance on ${dialect}`, () => {
    let site: TestSite;
    before(async () => {
      site = await bootSite(dialect);
    });
    after(async () => {
      await site.close();
    });

    test('the set covers every edition and kind of query with at least 60 queries', () => {
      assert.ok(RELEVANCE.length >= 60);
      for (const e of Object.keys(EDITIONS))
        assert.ok(
          RELEVANCE.some((c) => c.edition === e),
          e,
        );
      for (const k of ['word', 'forms', 'script', 'phrase', 'prefix', 'chinese', 'typo'])
        assert.ok(
          RELEVANCE.some((c) => c.kind === k),
          k,
        );
    });

    test('recall@10 is at least 95%', async () => {
      const misses: string[] = [];
      for (const c of RELEVANCE) {
        const { content } = (await import(`../../src/demo/content/${written(c.edition)}.ts`)) as {
          content: { stories: Record<string, { headline: string }> };
        };
        const expected = site.services.texts.get(c.edition).tx(content.stories[c.story]!.headline);
        const res = await site.app.inject({ method: 'GET', url: `/${c.edition}/search?q=${encodeURIComponent(c.q)}` });
        assert.equal(res.statusCode, 200, c.q);
        const top = [...dom(res.body).querySelectorAll('main article.card h3 a')].slice(0, 10).map((a) => a.textContent ?? '');
        if (!top.includes(expected)) misses.push(`${c.edition} ${c.kind} "${c.q}" → ${c.story}`);
      }
      const recall = (RELEVANCE.length - misses.length) / RELEVANCE.length;
      process.stdout.write(
        `# recall@10 on ${dialect}: ${(recall * 100).toFixed(1)}% (${RELEVANCE.length - misses.length}/${RELEVANCE.length})\n`,
      );
      assert.ok(recall >= 0.95, `recall@10 ${(recall * 100).toFixed(1)}% below 95%; missed:\n${misses.join('\n')}`);
    });
  });
}
