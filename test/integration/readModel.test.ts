// One read model, on SQLite and PostgreSQL: what an edition shows of an article comes from one
// place (services/editionContent.ts). A qz headline override and a change of the lead photo's
// caption are walked through every channel a reader or a partner sees: the article page and its
// JSON-LD, the home and section cards, /qz/latest, the most popular block, the search results,
// the feeds, the public API's list and item, ninjs, the news sitemap and the webhook payload.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, dom, type TestSite } from '../support/site.ts';
import { makeUser, signIn, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';
import { recordArticleEvent } from '../../src/services/articleEvents.ts';
import { paths } from '../../src/services/urls.ts';

const HEADLINE = 'Synaq: oqyrmandar kóretin taqyryp';
const CAPTION_KZ = 'Сынақ суреті: Бурабай жағасы';

interface Json {
  [key: string]: unknown;
}

for (const dialect of dialects()) {
  describe(`one read model (${dialect})`, () => {
    let site: TestSite;
    let chief: Client;

    before(async () => {
      site = await bootSite(dialect);
      chief = await signIn(site.app, await makeUser(site, 'chief'));
    });
    after(() => site.close());

    test('a qz headline override and a photo caption change show in every channel', async () => {
      const db = site.services.handle.db;
      const now = site.now.toISOString();
      // The newest kz article with a lead photo: first on /qz/latest, on the qz home and its section's page.
      const a = await db
        .selectFrom('articles')
        .select(['id', 'public_id', 'slug', 'headline', 'hero_asset_id', 'section_id'])
        .where('edition', '=', 'kz')
        .where('status', '=', 'published')
        .where('published_at', '<=', now)
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      let heroId = a.hero_asset_id;
      if (heroId === null) {
        heroId = (await db.selectFrom('media_assets').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
        await db.updateTable('articles').set({ hero_asset_id: heroId }).where('id', '=', a.id).execute();
        site.services.invalidate([`article:${a.id}`]);
      }
      const qz = site.services.texts.get('qz');
      const caption = qz.tx(CAPTION_KZ);
      const converted = qz.tx(a.headline);
      assert.notEqual(caption, CAPTION_KZ, 'the caption is converted for qz');

      const put = await chief.put(`/api/newsroom/articles/${a.id}/overrides/qz/headline`, { value: HEADLINE });
      assert.equal(put.statusCode, 204, put.body);
      const patch = await chief.patch(`/api/newsroom/media/${heroId}`, { texts: { kz: { caption: CAPTION_KZ, credit: 'Habarshy' } } });
      assert.equal(patch.statusCode, 200, patch.body);

      const page = async (url: string) => {
        const r = await site.app.inject(url);
        assert.equal(r.statusCode, 200, `${url}: ${r.statusCode}`);
        return r.body;
      };
      /** The card of the article on a list page: its headline and its photo's alt text (the caption). */
      const cardOn = async (url: string) => {
        const doc = dom(await page(url));
        const link = [...doc.querySelectorAll('main article.card a')].find(
          (el) => el.getAttribute('href')?.endsWith(`-${a.public_id}`) && (el.textContent ?? '').trim() !== '',
        );
        assert.ok(link, `${url} shows a card of the article`);
        const card = link.closest('article, li') ?? link.parentElement!;
        return { text: card.textContent ?? '', alts: [...card.querySelectorAll('img')].map((i) => i.getAttribute('alt')) };
      };

      // The article page and its structured data.
      const path = paths.article('qz', a.slug, a.public_id);
      const articleDoc = dom(await page(path));
      assert.equal(articleDoc.querySelector('h1')?.textContent?.trim(), HEADLINE, 'article page headline');
      assert.ok(articleDoc.body.textContent!.includes(caption), "article page: the lead photo's caption");
      const jsonLd = [...articleDoc.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!) as Json);
      assert.equal(jsonLd.find((x) => x['@type'] === 'NewsArticle')?.['headline'], HEADLINE, 'JSON-LD headline');

      // Cards: the home, the section page, /qz/latest (the defect: these showed the converter's headline).
      const section = await db
        .selectFrom('section_names')
        .select('slug')
        .where('section_id', '=', a.section_id)
        .where('edition', '=', 'kz')
        .executeTakeFirstOrThrow();
      for (const url of [paths.home('qz'), paths.section('qz', section.slug), paths.latest('qz')]) {
        const card = await cardOn(url);
        assert.ok(card.text.includes(HEADLINE), `${url}: the override on the card`);
        assert.ok(!card.text.includes(converted), `${url}: not the converter's headline`);
        assert.ok(card.alts.includes(caption), `${url}: the photo's new caption (alt ${JSON.stringify(card.alts)})`);
      }

      // Most popular: the article read most in qz, after the ranking's refresh (its timer's job).
      for (let i = 0; i < 400; i++) site.services.views.count(a.id, 'qz');
      await site.services.views.flush();
      await site.services.popular.refresh();
      const top = site.services.popular.get('qz')[0];
      assert.equal(top?.articleId, a.id);
      assert.equal(top.headline, HEADLINE, 'most popular headline');
      assert.equal(top.image?.alt, caption, 'most popular photo caption');
      const popularDoc = dom(await page(paths.popular('qz')));
      assert.ok(popularDoc.body.textContent!.includes(HEADLINE), 'the most popular page');

      // Search results.
      const results = dom(await page(`/qz/search?q=${encodeURIComponent(converted)}`));
      const hit = [...results.querySelectorAll('main a')].find((el) => el.getAttribute('href')?.endsWith(`-${a.public_id}`));
      assert.ok(hit, 'search finds the article');
      assert.ok(results.querySelector('main')!.textContent!.includes(HEADLINE), 'search result headline');

      // Feeds: RSS title, JSON Feed title and the photo's caption as its attachment's title.
      const rss = await page('/qz/rss.xml');
      assert.ok(rss.includes(`<title>${HEADLINE}</title>`), 'RSS item title');
      const feed = JSON.parse(await page('/qz/feed.json')) as { items: { id: string; title: string; attachments?: { title: string }[] }[] };
      const item = feed.items.find((i) => i.id.endsWith(`/${a.public_id}`));
      assert.equal(item?.title, HEADLINE, 'JSON Feed title');
      assert.equal(item?.attachments?.[0]?.title, caption, 'JSON Feed photo caption');

      // The public API: the list (the defect) and the item.
      const list = JSON.parse(await page('/api/v1/articles?edition=qz&limit=50')) as {
        items: { id: string; headline: string; image: { caption: string } | null }[];
      };
      const listed = list.items.find((i) => i.id === a.public_id);
      assert.equal(listed?.headline, HEADLINE, 'API list headline');
      assert.equal(listed?.image?.caption, caption, 'API list photo caption');
      const one = JSON.parse(await page(`/api/v1/articles/qz/${a.public_id}`)) as {
        headline: string;
        image: { caption: string } | null;
        storyId: number;
        editions: { edition: string; headline: string }[];
      };
      assert.equal(one.headline, HEADLINE, 'API item headline');
      assert.equal(one.editions.find((e) => e.edition === 'qz')?.headline, HEADLINE, "API item: the story's qz edition");
      const story = JSON.parse(await page(`/api/v1/stories/${one.storyId}`)) as { editions: { edition: string; headline: string }[] };
      assert.equal(story.editions.find((e) => e.edition === 'qz')?.headline, HEADLINE, 'API story: its qz edition');
      assert.equal(one.image?.caption, caption, 'API item photo caption');

      // ninjs: the main headline and the lead photo's description.
      const ninjs = await page(`/api/v1/ninjs/qz/${a.public_id}`);
      const n = JSON.parse(ninjs) as { headlines: { role: string; value: string }[] };
      assert.equal(n.headlines.find((h) => h.role === 'main')?.value, HEADLINE, 'ninjs headline');
      assert.ok(ninjs.includes(JSON.stringify(caption)), 'ninjs photo caption');

      // The news sitemap of qz names the article by its headline as qz shows it.
      const news = await page('/sitemaps/news-qz.xml');
      assert.ok(news.includes(`<news:title>${HEADLINE}</news:title>`), 'news sitemap title');
      // The batch the sitemaps can call for headlines.
      assert.equal((await site.services.content.headlines('qz', [a.id])).get(a.id), HEADLINE);

      // Webhooks: the payload is the article of its written edition (kz) with the URL of every
      // edition showing it; it carries no derived texts and no photo, so the override leaves it as written.
      await db
        .insertInto('webhook_subscribers')
        .values({ url: 'https://partner.example/hook', secret: 's'.repeat(32), events: 'article.updated', created_at: now })
        .execute();
      await recordArticleEvent(
        db,
        { event: 'article.updated', articleId: a.id },
        { hosts: site.services.hosts, timeZone: site.config.timeZone, now: site.now },
      );
      const outbox = await db
        .selectFrom('outbox')
        .select(['payload'])
        .where('article_id', '=', a.id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      const payload = JSON.parse(outbox.payload) as { article: { headline: string; editions: { edition: string; url: string }[] } };
      assert.equal(payload.article.headline, a.headline);
      assert.ok(payload.article.editions.some((e) => e.edition === 'qz' && e.url.endsWith(path)));
    });
  });
}
