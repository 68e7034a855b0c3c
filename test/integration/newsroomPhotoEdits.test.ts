// Changing a photo after upload, through the newsroom API on SQLite and PostgreSQL: rotating it in
// quarter turns (every size made again from the kept original under new URLs, the focal point
// turned with it, the pages that show it changed at once), replacing its file (same id, captions
// and articles; a bad file changes nothing), the 409 of a photo in use naming its articles, an
// article's own caption and credit of its lead photo read on its pages, feeds and API in every
// script, and the library's filters by desk, uploader and upload days.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { bootSite, dom, type TestSite } from '../support/site.ts';
import { signedIn, type Client } from '../support/newsroom.ts';
import { dialects, tempDir } from '../support/databases.ts';
import { createApiKey } from '../../src/services/apiKeys.ts';

async function multipart(fields: Record<string, string>, file: { name: string; data: Buffer }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([new Uint8Array(file.data)], { type: 'application/octet-stream' }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), type: request.headers.get('content-type')! };
}

/** A photo whose left half is red and right half blue: which way it is turned shows in its pixels. */
const halves = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 0, g: 0, b: 255 } } })
    .composite([
      {
        input: { create: { width: width / 2, height, channels: 3, background: { r: 255, g: 0, b: 0 } } },
        left: 0,
        top: 0,
      },
    ])
    .jpeg()
    .toBuffer();

/** The colour of a point (0..1 each way) of an image: 'red', 'blue' or something else. */
async function colourAt(data: Buffer, x: number, y: number): Promise<string> {
  const { data: px, info } = await sharp(data).raw().toBuffer({ resolveWithObject: true });
  const i = (Math.floor(y * (info.height - 1)) * info.width + Math.floor(x * (info.width - 1))) * info.channels;
  const [r, g, b] = [px[i]!, px[i + 1]!, px[i + 2]!];
  return r > 200 && g < 60 && b < 60 ? 'red' : b > 200 && r < 60 && g < 60 ? 'blue' : `rgb(${r},${g},${b})`;
}

for (const dialect of dialects()) {
  describe(`changing photos on ${dialect}`, () => {
    let site: TestSite;
    let journalist: Client;
    let kzEditor: Client;
    let ruJournalist: Client;
    let mediaDir: string;
    let sectionId: number;
    before(async () => {
      const dataDir = tempDir();
      site = await bootSite(dialect, { env: { DATA_DIR: dataDir } });
      mediaDir = path.join(dataDir, 'media');
      journalist = await signedIn(site, 'journalist', ['kz']);
      kzEditor = await signedIn(site, 'editor', ['kz']);
      ruJournalist = await signedIn(site, 'journalist', ['ru']);
      sectionId = (await db().selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(() => site.close());

    const db = () => site.database.handle.db;
    const isCached = (p: string) => [...site.services.cache!.keys()].some((k) => k.includes(p));
    const send = async (
      client: Client,
      method: 'POST' | 'PUT',
      url: string,
      fields: Record<string, string>,
      file: { name: string; data: Buffer },
    ) => {
      const { payload, type } = await multipart(fields, file);
      return site.app.inject({
        method,
        url,
        payload,
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': type },
      });
    };
    const upload = (client: Client, fields: Record<string, string>, file: { name: string; data: Buffer }) =>
      send(client, 'POST', '/api/newsroom/media', fields, file);
    const keyOf = (asset: { urls: { webp: Record<string, string> } }) =>
      path.basename(Object.values(asset.urls.webp)[0]!).replace(/-\d+\.webp$/, '');
    const filesOf = (key: string) =>
      fs
        .readdirSync(mediaDir, { recursive: true })
        .map(String)
        .filter((f) => path.basename(f).startsWith(`${key}-`));
    const heroSrc = (html: string) => dom(html).querySelector('article figure img, main figure img')?.getAttribute('src') ?? '';
    const captions = (html: string) => [...dom(html).querySelectorAll('figcaption .caption')].map((e) => e.textContent);
    const credits = (html: string) => [...dom(html).querySelectorAll('figcaption .credit')].map((e) => e.textContent);

    /** A kz article with the photo as lead photo and in the body, published by the kz editor. */
    async function publishedWith(assetId: number, headline: string) {
      let a = (
        await kzEditor.post('/api/newsroom/articles', {
          edition: 'kz',
          sectionId,
          headline,
          lead: 'Лид.',
          body: {
            version: 1,
            blocks: [
              { type: 'paragraph', content: [{ type: 'text', text: 'Мәтін.' }] },
              { type: 'image', assetId },
            ],
          },
        })
      ).json();
      a = (await kzEditor.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, heroAssetId: assetId })).json();
      a = (await kzEditor.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision })).json();
      assert.equal(a.status, 'published');
      const kz = new URL(a.url).pathname;
      return {
        ...a,
        paths: { kz, qz: kz.replace(/^\/kz\//, '/qz/'), tote: kz.replace(/^\/kz\//, '/tote/') } as Record<'kz' | 'qz' | 'tote', string>,
      };
    }

    test('rotating a photo turns every size and the original, under new URLs; the focal point turns too; its pages change at once', async () => {
      const asset = (
        await upload(
          journalist,
          { edition: 'kz', caption: 'Екі түс', credit: 'Habarshy' },
          { name: 'eki.jpg', data: await halves(1000, 600) },
        )
      ).json();
      await journalist.patch(`/api/newsroom/media/${asset.id}`, { focalX: 0.2, focalY: 0.3 });
      const a = await publishedWith(asset.id, 'Бұрылған сурет');
      for (const code of ['kz', 'qz'] as const) await site.app.inject(a.paths[code]);
      assert.ok(isCached(a.paths.kz) && isCached(a.paths.qz));
      const oldKey = keyOf(asset);

      // Another desk may not; nothing changes.
      const refused = await ruJournalist.post(`/api/newsroom/media/${asset.id}/rotate`, { degrees: 90 });
      assert.equal(refused.statusCode, 403, refused.body);
      assert.equal(keyOf((await journalist.get(`/api/newsroom/media/${asset.id}`)).json()), oldKey);
      for (const degrees of [45, 0, -90, 360]) {
        const bad = await kzEditor.post(`/api/newsroom/media/${asset.id}/rotate`, { degrees });
        assert.equal(bad.statusCode, 400, `${degrees}: ${bad.body}`);
        assert.equal(bad.json().error.code, 'VALIDATION');
      }
      assert.equal((await kzEditor.post('/api/newsroom/media/999999/rotate', { degrees: 90 })).statusCode, 404);
      assert.ok(isCached(a.paths.kz), 'refusals change no page');

      const res = await kzEditor.post(`/api/newsroom/media/${asset.id}/rotate`, { degrees: 90 });
      assert.equal(res.statusCode, 200, res.body);
      const turned = res.json();
      assert.equal(turned.id, asset.id);
      assert.deepEqual([turned.width, turned.height], [600, 1000], 'the sides swap');
      assert.deepEqual([turned.focalX, turned.focalY], [0.7, 0.2], 'the focal point turns with the picture');
      assert.deepEqual(turned.texts, asset.texts, 'captions and credits kept');
      const newKey = keyOf(turned);
      assert.notEqual(newKey, oldKey, 'new URLs: no browser keeps the old picture');
      assert.deepEqual(filesOf(oldKey), [], 'the old files are gone');
      // Turned clockwise: the red left half is now on top.
      const original = await site.app.inject(turned.urls.original);
      assert.equal(original.statusCode, 200);
      assert.equal(await colourAt(original.rawPayload, 0.5, 0.1), 'red');
      assert.equal(await colourAt(original.rawPayload, 0.5, 0.9), 'blue');
      const variant = await site.app.inject(turned.urls.webp['480']);
      assert.equal(variant.statusCode, 200);
      assert.equal(await colourAt(variant.rawPayload, 0.5, 0.1), 'red');
      assert.equal((await site.app.inject(asset.urls.webp['480'])).statusCode, 404);

      for (const code of ['kz', 'qz'] as const) {
        assert.ok(!isCached(a.paths[code]), `${code}: the cached page was dropped`);
        const page = (await site.app.inject(a.paths[code])).body;
        assert.ok(heroSrc(page).includes(newKey), `${code}: the page shows the turned photo (${heroSrc(page)})`);
        assert.ok(!page.includes(oldKey), `${code}: nothing of the old files`);
      }
      // Four quarter turns in all: the picture as it was uploaded, sides and focal point too.
      let back = turned;
      for (const degrees of [180, 90]) back = (await kzEditor.post(`/api/newsroom/media/${asset.id}/rotate`, { degrees })).json();
      assert.deepEqual([back.width, back.height, back.focalX, back.focalY], [1000, 600, 0.2, 0.3]);
      const again = (await site.app.inject(back.urls.original)).rawPayload;
      assert.equal(await colourAt(again, 0.1, 0.5), 'red');
      const audit = await db()
        .selectFrom('audit_log')
        .select(['user_id', 'detail'])
        .where('action', '=', 'media.rotate')
        .orderBy('id')
        .execute();
      assert.equal(audit.length, 3);
      assert.deepEqual(JSON.parse(audit[0]!.detail).degrees, 90);
    });

    test("replacing a photo's file keeps its id, captions, credits and articles; a bad file is refused and changes nothing", async () => {
      const asset = (
        await upload(
          journalist,
          { edition: 'kz', caption: 'Ескі сурет', credit: 'Фото: Ақорда' },
          { name: 'eski.jpg', data: await halves(800, 600) },
        )
      ).json();
      const a = await publishedWith(asset.id, 'Ауыстырылған сурет');
      await site.app.inject(a.paths.kz);
      const before = (await journalist.get(`/api/newsroom/media/${asset.id}`)).json();

      const tooBig = Buffer.alloc(26 * 1024 * 1024, 1);
      for (const [file, status, code] of [
        [{ name: 'note.txt', data: Buffer.from('not a photo at all') }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
        [{ name: 'broken.jpg', data: (await halves(800, 600)).subarray(0, 600) }, 422, 'BAD_IMAGE'],
        [{ name: 'huge.jpg', data: tooBig }, 413, 'TOO_LARGE'],
      ] as const) {
        const res = await send(kzEditor, 'PUT', `/api/newsroom/media/${asset.id}/file`, {}, file);
        assert.equal(res.statusCode, status, `${file.name}: ${res.body.slice(0, 200)}`);
        assert.equal(res.json().error.code, code);
        assert.deepEqual((await journalist.get(`/api/newsroom/media/${asset.id}`)).json(), before, `${file.name}: nothing changed`);
      }
      assert.ok(isCached(a.paths.kz), 'a refused file changes no page');
      assert.equal(
        (
          await send(
            ruJournalist,
            'PUT',
            `/api/newsroom/media/${asset.id}/file`,
            {},
            {
              name: 'x.png',
              data: await sharp({ create: { width: 500, height: 500, channels: 3, background: '#0f0' } })
                .png()
                .toBuffer(),
            },
          )
        ).statusCode,
        403,
      );

      const green = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 0, g: 255, b: 0 } } })
        .png()
        .toBuffer();
      const res = await send(kzEditor, 'PUT', `/api/newsroom/media/${asset.id}/file`, {}, { name: 'jana.png', data: green });
      assert.equal(res.statusCode, 200, res.body);
      const replaced = res.json();
      assert.equal(replaced.id, asset.id);
      assert.deepEqual([replaced.width, replaced.height, replaced.mime, replaced.originalName], [1200, 900, 'image/png', 'jana.png']);
      assert.deepEqual(replaced.texts, before.texts, 'captions and credits kept');
      assert.notEqual(keyOf(replaced), keyOf(before));
      assert.deepEqual(filesOf(keyOf(before)), [], 'the old files are gone');
      assert.ok(!isCached(a.paths.kz), "the article's cached page was dropped");
      const page = (await site.app.inject(a.paths.kz)).body;
      assert.ok(heroSrc(page).includes(keyOf(replaced)), 'the article shows the new file');
      assert.deepEqual(captions(page), ['Ескі сурет', 'Ескі сурет'], 'with the kept caption');
      const stored = await db().selectFrom('articles').select('hero_asset_id').where('id', '=', a.id).executeTakeFirstOrThrow();
      assert.equal(stored.hero_asset_id, asset.id, 'the article keeps the photo');
    });

    test('a photo in use is refused with 409 naming the articles; once no article uses it, it can be deleted', async () => {
      const data = await halves(400, 300);
      const asset = (await upload(journalist, { edition: 'kz', caption: 'Қолданыста' }, { name: 'q.jpg', data })).json();
      await publishedWith(asset.id, 'Жаңалықтың тақырыбы');
      const res = await kzEditor.delete(`/api/newsroom/media/${asset.id}`);
      assert.equal(res.statusCode, 409);
      const error = res.json().error;
      assert.equal(error.code, 'MEDIA_IN_USE');
      assert.match(error.message, /Жаңалықтың тақырыбы/, 'the message names the article');
      assert.deepEqual(
        error.details.articles.map((x: { headline: string; edition: string }) => [x.headline, x.edition]),
        [['Жаңалықтың тақырыбы', 'kz']],
      );
      assert.equal((await journalist.get(`/api/newsroom/media/${asset.id}`)).statusCode, 200, 'kept');
      const free = (await upload(journalist, { edition: 'kz' }, { name: 'f.jpg', data })).json();
      assert.equal((await journalist.delete(`/api/newsroom/media/${free.id}`)).statusCode, 204);
      assert.deepEqual(filesOf(keyOf(free)), []);
    });

    test("an article's own caption and credit of its lead photo show on its pages in every script, its feed and the API; other articles keep the library's", async () => {
      const data = await halves(1000, 600);
      const asset = (
        await upload(journalist, { edition: 'kz', caption: 'Кітапханадағы сурет', credit: 'Ақорда' }, { name: 'k.jpg', data })
      ).json();
      const a = await publishedWith(asset.id, 'Өз түсініктемесі бар мақала');
      const b = await publishedWith(asset.id, 'Кітапхана түсініктемесі бар мақала');
      for (const p of [a.paths.kz, a.paths.qz, b.paths.kz]) await site.app.inject(p);
      const tx = (code: 'kz' | 'qz' | 'tote', text: string) => site.services.texts.get(code).tx(text);

      assert.deepEqual((await kzEditor.get(`/api/newsroom/articles/${a.id}/photo-texts`)).json(), { assetId: asset.id, override: null });
      assert.equal((await ruJournalist.put(`/api/newsroom/articles/${a.id}/photo-texts`, { caption: 'x', credit: 'y' })).statusCode, 403);
      assert.equal(
        (await journalist.put(`/api/newsroom/articles/${a.id}/photo-texts`, { caption: 'x', credit: 'y' })).statusCode,
        403,
        "a published article is an editor's to correct",
      );
      assert.equal((await kzEditor.put(`/api/newsroom/articles/${a.id}/photo-texts`, { caption: 'x', extra: 1 })).statusCode, 400);
      assert.ok(isCached(a.paths.kz), 'refusals change nothing');

      const res = await kzEditor.put(`/api/newsroom/articles/${a.id}/photo-texts`, {
        caption: 'Мақаланың өз түсініктемесі',
        credit: 'Фото: Әлия Сапар',
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        res.json(),
        { assetId: asset.id, override: { caption: 'Мақаланың өз түсініктемесі', credit: 'Әлия Сапар' } },
        'a typed "Фото:" label is stripped',
      );
      assert.ok(!isCached(a.paths.kz) && !isCached(a.paths.qz), "the article's pages were dropped");
      for (const code of ['kz', 'qz', 'tote'] as const) {
        const page = (await site.app.inject(a.paths[code])).body;
        assert.equal(captions(page)[0], tx(code, 'Мақаланың өз түсініктемесі'), `${code}: the lead photo's caption is the article's`);
        assert.match(credits(page)[0] ?? '', new RegExp(tx(code, 'Әлия Сапар')), `${code}: its credit`);
        assert.equal(captions(page)[1], tx(code, 'Кітапханадағы сурет'), `${code}: the body photo keeps its own (the library's)`);
        assert.match(
          page,
          new RegExp(`<meta property="og:image:alt" content="${tx(code, 'Мақаланың өз түсініктемесі')}"`),
          `${code}: og:image:alt`,
        );
        const article = [...dom(page).querySelectorAll('script[type="application/ld+json"]')]
          .flatMap((el) => [JSON.parse(el.textContent ?? 'null')].flat())
          .find((x) => x?.['@type'] === 'NewsArticle');
        assert.deepEqual(
          [article.image[0].caption, article.image[0].creditText],
          [tx(code, 'Мақаланың өз түсініктемесі'), tx(code, 'Әлия Сапар')],
          `${code}: JSON-LD`,
        );
      }
      const other = (await site.app.inject(b.paths.kz)).body;
      assert.equal(captions(other)[0], 'Кітапханадағы сурет', "another article keeps the library's caption");

      const feed = (await site.app.inject('/kz/feed.json')).json();
      const item = feed.items.find((i: { url: string }) => i.url.endsWith(a.paths.kz));
      assert.equal(item.attachments[0].title, 'Мақаланың өз түсініктемесі', 'the JSON feed');
      const key = await createApiKey(db(), 'Partner', new Date());
      const api = await site.app.inject({
        method: 'GET',
        url: '/api/v1/articles?edition=qz&limit=50',
        headers: { authorization: `Bearer ${key.key}` },
      });
      assert.equal(api.statusCode, 200, api.body);
      const summary = api.json().items.find((i: { url: string }) => i.url.endsWith(a.paths.qz));
      assert.deepEqual(
        [summary.image.caption, summary.image.credit],
        [tx('qz', 'Мақаланың өз түсініктемесі'), tx('qz', 'Әлия Сапар')],
        'the API, in Latin script',
      );

      // Another lead photo: the texts written for the first one do not follow it.
      const second = (await upload(journalist, { edition: 'kz', caption: 'Екінші сурет' }, { name: 's.jpg', data })).json();
      const row = (await kzEditor.get(`/api/newsroom/articles/${a.id}`)).json();
      const changed = await kzEditor.put(`/api/newsroom/articles/${a.id}`, { revision: row.revision, heroAssetId: second.id });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.deepEqual((await kzEditor.get(`/api/newsroom/articles/${a.id}/photo-texts`)).json(), { assetId: second.id, override: null });
      assert.equal(captions((await site.app.inject(a.paths.kz)).body)[0], 'Екінші сурет');

      // Both empty: the library's again.
      const first = (await kzEditor.get(`/api/newsroom/articles/${b.id}`)).json();
      await kzEditor.put(`/api/newsroom/articles/${b.id}/photo-texts`, { caption: 'Уақытша', credit: '' });
      assert.equal(captions((await site.app.inject(b.paths.kz)).body)[0], 'Уақытша');
      await kzEditor.put(`/api/newsroom/articles/${b.id}/photo-texts`, { caption: '', credit: '' });
      assert.equal(captions((await site.app.inject(b.paths.kz)).body)[0], 'Кітапханадағы сурет');
      assert.equal(first.heroAssetId, asset.id);
    });

    test('the library filters by desk, uploader and upload days; a bad filter is a 400', async () => {
      const data = await halves(300, 200);
      const ruPhoto = (await upload(ruJournalist, { edition: 'ru', caption: 'Фильтр' }, { name: 'ru.jpg', data })).json();
      const kzPhoto = (await upload(journalist, { edition: 'kz', caption: 'Сүзгі' }, { name: 'kz.jpg', data })).json();
      const ids = async (query: string) => {
        const res = await journalist.get(`/api/newsroom/media?limit=100&${query}`);
        assert.equal(res.statusCode, 200, `${query}: ${res.body}`);
        return res.json().items.map((x: { id: number }) => x.id) as number[];
      };
      const ru = await ids('desk=ru');
      assert.ok(ru.includes(ruPhoto.id) && !ru.includes(kzPhoto.id), 'desk=ru');
      const kz = await ids('desk=kz');
      assert.ok(kz.includes(kzPhoto.id) && !kz.includes(ruPhoto.id), 'desk=kz');
      assert.deepEqual(await ids(`uploader=${ruJournalist.user.id}`), [ruPhoto.id], "the ru journalist's uploads");
      const list = (await journalist.get('/api/newsroom/media?limit=1')).json();
      assert.ok(
        list.uploaders.some((u: { id: number; name: string }) => u.id === ruJournalist.user.id && u.name),
        'uploaders named for the filter',
      );
      const today = kzPhoto.createdAt.slice(0, 10);
      assert.ok((await ids(`from=${today}&to=${today}`)).includes(kzPhoto.id), 'today');
      assert.deepEqual(await ids('to=2001-01-01'), [], 'nothing uploaded then');
      assert.deepEqual(
        await ids(`from=${today}&uploader=${ruJournalist.user.id}&q=${encodeURIComponent('фильтр')}`),
        [ruPhoto.id],
        'combined with search',
      );
      for (const query of ['desk=xx', 'from=2025-02-30', 'to=yesterday', 'from=2025-02-02&to=2025-02-01', 'uploader=0']) {
        const res = await journalist.get(`/api/newsroom/media?${query}`);
        assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
        assert.equal(res.json().error.code, 'VALIDATION');
      }
    });
  });
}
