// The article's extras as the server renders them, on SQLite and PostgreSQL: related stories by
// tags (not the article, not "More from the section", not another edition or an unpublished one),
// the author card and page with photo or drawn portrait and bio, embeds as click-to-load facades
// (nothing from the provider in the page), galleries with caption and credit on every photo, and
// the reading settings' texts in every edition's language and script.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EDITION_CODES } from '../../src/editions/editions.ts';
import { BODY_VERSION, type Body } from '../../src/content/body.ts';
import { dialects } from '../support/databases.ts';
import { aPhoto, aSection, aTag, anArticle, anAuthor, type ArticleFixture } from '../support/fixtures.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';

const CYRILLIC = /[\u0400-\u04FF]/;
const ARABIC = /[\u0600-\u06FF]/;

const body: Body = {
  version: BODY_VERSION,
  blocks: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Бірінші абзац.' }] },
    { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
    { type: 'embed', provider: 'telegram', url: 'https://t.me/habarshy_news/1234' },
    { type: 'embed', provider: 'x', url: 'https://x.com/habarshy/status/1790000000000000000' },
    { type: 'embed', provider: 'instagram', url: 'https://www.instagram.com/p/C1aBcDeFgHi/' },
    { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/@habarshy' },
  ],
};

for (const dialect of dialects()) {
  describe(`article extras on ${dialect}`, () => {
    let site: TestSite;
    const a: Record<string, ArticleFixture> = {};
    let photoAuthorSlug = '';
    const get = (url: string) => site.app.inject({ method: 'GET', url });

    before(async () => {
      site = await bootSite(dialect, {
        content: async (db) => {
          const politics = await aSection(db, 'politics');
          const economy = await aSection(db, 'economy');
          const energy = await aTag(db, 'energy');
          const oil = await aTag(db, 'oil');
          const other = await aTag(db, 'sport');
          const drawn = await anAuthor(db, 'drawn-author');
          const pictured = await anAuthor(db, 'pictured-author');
          await db
            .updateTable('author_names')
            .set({ role: 'Тілші', bio: 'Энергетика туралы жазады.' })
            .where('author_id', '=', drawn.id)
            .execute();
          const portrait = await aPhoto(db);
          await db.updateTable('authors').set({ photo_asset_id: portrait }).where('id', '=', pictured.id).execute();
          photoAuthorSlug = (await db.selectFrom('authors').select('slug').where('id', '=', pictured.id).executeTakeFirstOrThrow()).slug;
          const gallery = await Promise.all(
            [1, 2, 3].map((n) => aPhoto(db, { kz: { caption: `Галерея суреті ${n}`, credit: `Автор ${n}` } })),
          );
          a.main = await anArticle(db, {
            headline: 'Мұнай өндірісі артты',
            section: politics,
            tags: [energy, oil],
            authors: [drawn, pictured],
            body: {
              version: BODY_VERSION,
              blocks: [...body.blocks, { type: 'gallery', items: gallery.map((assetId) => ({ assetId })) }],
            } as Body,
          });
          a.sameSection = await anArticle(db, { headline: 'Саясат жаңалығы', section: politics, tags: [energy] });
          a.twoTags = await anArticle(db, {
            headline: 'Екі тегі ортақ',
            section: economy,
            tags: [oil, energy],
            photo: { caption: 'Мұнай' },
          });
          a.oneTag = await anArticle(db, { headline: 'Бір тегі ортақ', section: economy, tags: [energy] });
          a.unrelated = await anArticle(db, { headline: 'Спорт', section: economy, tags: [other] });
          a.draft = await anArticle(db, { headline: 'Жоба', section: economy, tags: [energy], status: 'draft' });
          a.english = await anArticle(db, { edition: 'en', headline: 'Oil output', section: economy, tags: [energy] });
        },
      });
    });
    after(async () => {
      await site?.close();
    });

    test('related stories share the tags, most shared first, with images, and repeat nothing of the page', async () => {
      const d = dom((await get(a.main!.path)).body);
      const related = [...d.querySelectorAll('section.related .card-title a')].map((x) => x.textContent);
      assert.deepEqual(related, ['Екі тегі ортақ', 'Бір тегі ортақ']);
      const more = [...d.querySelectorAll('section.more .card-title a')].map((x) => x.textContent);
      assert.deepEqual(more, ['Саясат жаңалығы'], 'the same-section story is in "More from the section", not twice');
      assert.ok(d.querySelector('section.related .card-media img'), 'the related story with a photo shows it');
      assert.equal(d.querySelector('#related-heading')?.textContent, 'Тақырыптас жаңалықтар');
      // The derived editions show them converted.
      const tote = dom((await get(a.main!.path.replace('/kz/', '/tote/'))).body);
      assert.match(tote.querySelector('#related-heading')?.textContent ?? '', ARABIC);
      assert.equal(tote.querySelectorAll('section.related .card').length, 2);
    });

    test('the author card shows the photo or a drawn portrait, the role and the bio; the author page too', async () => {
      const d = dom((await get(a.main!.path)).body);
      const cards = [...d.querySelectorAll('.authors .author-card')];
      assert.equal(cards.length, 2);
      const [drawn, pictured] = cards;
      assert.equal(drawn!.querySelector('.portrait-drawn .portrait-initials')?.textContent?.length, 1);
      assert.equal(drawn!.querySelector('.author-bio')?.textContent, 'Энергетика туралы жазады.');
      assert.equal(drawn!.querySelector('.author-role')?.textContent, 'Тілші');
      assert.match(pictured!.querySelector('.portrait-photo img')?.getAttribute('src') ?? '', /^\/media\//);
      const qz = dom((await get(a.main!.path.replace('/kz/', '/qz/'))).body);
      assert.doesNotMatch(qz.querySelector('.author-bio')?.textContent ?? '', CYRILLIC, 'the bio is converted to Latin');
      const profile = dom((await get(`/kz/author/${photoAuthorSlug}`)).body);
      assert.match(profile.querySelector('.author-profile .portrait-photo img')?.getAttribute('src') ?? '', /^\/media\//);
      const tote = dom((await get(`/tote/author/${photoAuthorSlug}`)).body);
      assert.ok(tote.querySelector('.author-profile .portrait'));
    });

    test('embeds are facades: a drawn poster, the provider name, the plain link, and no provider address but the link', async () => {
      const res = await get(a.main!.path);
      const d = dom(res.body);
      const embeds = [...d.querySelectorAll('figure.embed')];
      assert.deepEqual(
        embeds.map((e) => e.querySelector('.embed-provider')?.textContent),
        ['YouTube', 'Telegram', 'X', 'Instagram', 'YouTube'],
      );
      assert.deepEqual(
        embeds.map((e) => e.getAttribute('data-frame')),
        [
          'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
          'https://t.me/habarshy_news/1234?embed=1',
          'https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000',
          'https://www.instagram.com/p/C1aBcDeFgHi/embed',
          null,
        ],
      );
      for (const e of embeds) {
        assert.ok(e.querySelector('figcaption a[href^="https://"]'), 'the plain link stays');
        assert.equal(e.querySelector('iframe, img, script'), null, 'nothing is loaded from the provider');
      }
      assert.equal(embeds[4]!.querySelector('.embed-load'), null, 'a channel link is only a link');
      assert.ok(embeds[0]!.querySelector('.embed-load')?.hasAttribute('hidden'), 'the button waits for JavaScript');
      assert.equal(embeds[0]!.querySelector('.embed-load button')?.textContent, 'YouTube материалын көрсету');
      assert.doesNotMatch(res.body, /ytimg|<iframe/);
      assert.match(String(res.headers['content-security-policy']), /frame-src https:\/\/www\.youtube-nocookie\.com /);
    });

    test('a gallery shows every photo with its caption and credit, each linked to its full size', async () => {
      const d = dom((await get(a.main!.path)).body);
      const items = [...d.querySelectorAll('.gallery .gallery-item')];
      assert.equal(items.length, 3);
      items.forEach((item, n) => {
        assert.equal(item.querySelector('.caption')?.textContent, `Галерея суреті ${n + 1}`);
        assert.match(item.querySelector('.credit')?.textContent ?? '', new RegExp(`Автор ${n + 1}`));
        assert.match(item.querySelector('a.gallery-open')?.getAttribute('href') ?? '', /^\/media\//);
      });
      const g = d.querySelector('.gallery')!;
      assert.equal(g.getAttribute('data-close'), 'Жабу');
      assert.equal(g.getAttribute('data-count'), 'Сурет {n}/3');
    });

    test('the reading settings are in every edition, in its language and script, hidden until the script shows them', async () => {
      for (const code of EDITION_CODES) {
        const written = a.main!.path.replace('/kz/', `/${code}/`);
        const path = code === 'en' ? a.english!.path : written;
        const res = await get(path);
        if (!['kz', 'qz', 'tote', 'en'].includes(code)) continue;
        assert.equal(res.statusCode, 200, path);
        const d = dom(res.body);
        const box = d.querySelector('.reader-settings');
        assert.ok(box?.hasAttribute('hidden'), `${code}: hidden without JavaScript`);
        const labels = [...box!.querySelectorAll('button[data-theme-choice]')].map((b) => b.textContent ?? '');
        assert.equal(labels.length, 3);
        if (code === 'tote') for (const l of labels) assert.match(l, ARABIC);
        if (code === 'qz') for (const l of labels) assert.doesNotMatch(l, CYRILLIC);
        assert.ok(d.querySelector('head script[src^="/assets/prefs."]:not([defer])'), 'prefs run before the first paint');
      }
    });
  });
}
