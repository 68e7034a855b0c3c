// The photo library through the newsroom API, on SQLite and PostgreSQL, with images made by
// sharp in the test: uploads in three formats, EXIF orientation and GPS, every kind of bad file
// (too large, too many pixels, truncated, wrong type by content) refused with nothing left behind,
// search by caption in Cyrillic, captions and focal point, immutable caching; who may change a
// photo that published articles show (audited, their cached pages in every edition changed at once),
// no EXIF or GPS in anything served, deleting photos nothing uses, and searches with % and _.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { bootSite, dom, type TestSite } from '../support/site.ts';
import { signedIn, type Client, textBody } from '../support/newsroom.ts';
import { dialects, tempDir } from '../support/databases.ts';

async function multipart(fields: Record<string, string>, file: { name: string; data: Buffer; type?: string } | null) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('file', new Blob([new Uint8Array(file.data)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), type: request.headers.get('content-type')! };
}

const photo = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } });

for (const dialect of dialects()) {
  describe(`newsroom photos on ${dialect}`, () => {
    let site: TestSite;
    let journalist: Client;
    let kzEditor: Client;
    let ruJournalist: Client;
    let mediaDir: string;
    let sectionId: number;
    let dataDir: string;
    before(async () => {
      // Uploads write into DATA_DIR/media: a folder of this suite's own.
      dataDir = tempDir();
      site = await bootSite(dialect, { env: { DATA_DIR: dataDir } });
      mediaDir = path.join(dataDir, 'media');
      journalist = await signedIn(site, 'journalist', ['kz']);
      kzEditor = await signedIn(site, 'editor', ['kz']);
      ruJournalist = await signedIn(site, 'journalist', ['ru']);
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(() => site.close());

    const upload = async (
      client: Client,
      fields: Record<string, string>,
      file: { name: string; data: Buffer; type?: string } | null,
      headers: Record<string, string> = {},
    ) => {
      const { payload, type } = await multipart(fields, file);
      return site.app.inject({
        method: 'POST',
        url: '/api/newsroom/media',
        payload,
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': type, ...headers },
      });
    };
    const files = () => fs.readdirSync(mediaDir, { recursive: true }).length;
    const rows = async () =>
      Number(
        (
          await site.database.handle.db
            .selectFrom('media_assets')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('JPEG, PNG and WebP uploads get WebP and AVIF variants, the original, and their texts', async () => {
      for (const [format, name] of [
        ['jpeg', 'kopir.jpg'],
        ['png', 'karta.png'],
        ['webp', 'alan.webp'],
      ] as const) {
        const data = await photo(1400, 900).toFormat(format).toBuffer();
        const res = await upload(journalist, { edition: 'kz', caption: 'Астанадағы жаңа көпір', credit: 'Фото: Habarshy' }, { name, data });
        assert.equal(res.statusCode, 201, res.body);
        const asset = res.json();
        assert.equal(asset.width, 1400);
        assert.equal(asset.height, 900);
        assert.deepEqual(asset.texts.kz, { caption: 'Астанадағы жаңа көпір', credit: 'Фото: Habarshy' });
        assert.deepEqual(Object.keys(asset.urls.avif).sort(), ['1200', '480', '800']);
        for (const url of [...Object.values(asset.urls.webp), ...Object.values(asset.urls.avif), asset.urls.original] as string[]) {
          const file = await site.app.inject(url);
          assert.equal(file.statusCode, 200, url);
          assert.match(String(file.headers['cache-control']), /max-age=31536000.*immutable|immutable.*max-age=31536000/);
        }
        const avif = await sharp(path.join(mediaDir, path.basename(asset.urls.avif['800']))).metadata();
        assert.equal(avif.width, 800);
        assert.equal(avif.format, 'heif');
      }
    });

    test('EXIF orientation is applied and GPS does not reach the variants', async () => {
      const data = await photo(600, 400)
        .jpeg()
        .withMetadata({ orientation: 6 })
        .withExif({ IFD0: { Copyright: 'x' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 10/1 0/1' } })
        .toBuffer();
      const res = await upload(journalist, {}, { name: 'turned.jpg', data });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().width, 400, 'turned a quarter');
      assert.equal(res.json().height, 600);
      const variant = await sharp(path.join(mediaDir, path.basename(res.json().urls.webp['480']))).metadata();
      assert.equal(variant.exif, undefined, 'no EXIF in the variant');
    });

    test('bad files are refused with a clear error and leave nothing behind', async () => {
      const rowsBefore = await rows();
      const filesBefore = files();
      const good = await photo(800, 600).jpeg().toBuffer();
      const bomb = await sharp({ create: { width: 10_000, height: 6_000, channels: 3, background: { r: 0, g: 0, b: 0 } } })
        .png({ compressionLevel: 9, palette: true })
        .toBuffer();
      const gif = await photo(50, 50).gif().toBuffer();
      const cases: [string, { name: string; data: Buffer } | null, number, string][] = [
        ['60 megapixels', { name: 'bomb.png', data: bomb }, 422, 'BAD_IMAGE'],
        ['a truncated JPEG', { name: 'cut.jpg', data: good.subarray(0, Math.floor(good.length / 2)) }, 422, 'BAD_IMAGE'],
        ['a GIF named .jpg', { name: 'photo.jpg', data: gif }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
        [
          'an SVG named .jpg',
          { name: 'photo.jpg', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
          415,
          'UNSUPPORTED_MEDIA_TYPE',
        ],
        ['a PDF', { name: 'doc.jpg', data: Buffer.from('%PDF-1.4\n%…') }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
        [
          'a JPEG header and noise',
          { name: 'noise.jpg', data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 7)]) },
          422,
          'BAD_IMAGE',
        ],
        ['no file', null, 400, 'VALIDATION'],
      ];
      for (const [what, file, status, code] of cases) {
        const res = await upload(journalist, { caption: what }, file);
        assert.equal(res.statusCode, status, `${what}: ${res.body}`);
        assert.equal(res.json().error.code, code, what);
      }
      const huge = await upload(journalist, {}, { name: 'huge.jpg', data: Buffer.concat([good, Buffer.alloc(26 * 1024 * 1024)]) });
      assert.equal(huge.statusCode, 413);
      const notMultipart = await journalist.post('/api/newsroom/media', { file: 'x' });
      assert.equal(notMultipart.statusCode, 400);
      assert.equal(await rows(), rowsBefore, 'no row');
      assert.equal(files(), filesBefore, 'no file');
    });

    test('uploads need a session and the CSRF token', async () => {
      const data = await photo(300, 200).png().toBuffer();
      const { payload, type } = await multipart({}, { name: 'a.png', data });
      assert.equal(
        (await site.app.inject({ method: 'POST', url: '/api/newsroom/media', payload, headers: { 'content-type': type } })).statusCode,
        401,
      );
      assert.equal(
        (
          await site.app.inject({
            method: 'POST',
            url: '/api/newsroom/media',
            payload,
            headers: { 'content-type': type, cookie: journalist.cookie },
          })
        ).statusCode,
        403,
      );
    });

    test('search by caption and credit in any case, edit texts per edition and the focal point', async () => {
      const data = await photo(1000, 700).jpeg().toBuffer();
      const asset = (
        await upload(
          journalist,
          { edition: 'kz', caption: 'Ертіс өзенінің жағасы', credit: 'Фото: Дана Әлиева' },
          { name: 'ertis.jpg', data },
        )
      ).json();
      for (const q of ['ертіс', 'ЕРТІС', 'Дана']) {
        const found = (await journalist.get(`/api/newsroom/media?q=${encodeURIComponent(q)}`)).json().items;
        assert.ok(
          found.some((a: { id: number }) => a.id === asset.id),
          q,
        );
      }
      assert.equal((await journalist.get(`/api/newsroom/media?q=${encodeURIComponent('жоқ сөз')}`)).json().total, 0);
      const patched = await journalist.patch(`/api/newsroom/media/${asset.id}`, {
        texts: { ru: { caption: 'Берег Иртыша', credit: 'Фото: Дана Алиева' } },
        focalX: 0.2,
        focalY: 0.3,
      });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().texts.ru.caption, 'Берег Иртыша');
      assert.equal(patched.json().texts.kz.caption, 'Ертіс өзенінің жағасы');
      assert.equal(patched.json().focalX, 0.2);
      assert.equal((await journalist.patch(`/api/newsroom/media/${asset.id}`, { focalX: 2 })).statusCode, 400);

      // Reused as the lead photo of an article: readers get AVIF first, WebP otherwise.
      const editor = await signedIn(site, 'editor', ['kz']);
      const sectionId = (await site.database.handle.db.selectFrom('sections').select('id').executeTakeFirstOrThrow()).id;
      let a = (
        await editor.post('/api/newsroom/articles', {
          body: textBody(),
          edition: 'kz',
          sectionId,
          headline: 'Ертіс жағасында',
          lead: 'Лид.',
        })
      ).json();
      a = (await editor.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, heroAssetId: asset.id })).json();
      a = (await editor.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision })).json();
      const page = await site.app.inject(new URL(a.url).pathname);
      assert.match(
        page.body,
        new RegExp(
          `<source type="image/avif" srcset="/media/${asset.urls.avif['480'].split('/').pop().replace('-480.avif', '')}-480\\.avif 480w`,
        ),
      );
      assert.equal((await journalist.get('/api/newsroom/media/999999')).statusCode, 404);
    });

    const db = () => site.database.handle.db;
    const isCached = (path: string) => [...site.services.cache!.keys()].some((k) => k.includes(path));
    const texts = async (id: number) =>
      db().selectFrom('media_texts').select(['edition', 'caption', 'credit']).where('asset_id', '=', id).orderBy('edition').execute();
    const captions = (html: string) => [...dom(html).querySelectorAll('figcaption .caption')].map((e) => e.textContent);

    /** An article of the kz desk showing the photo as lead photo and in the body, published by the kz editor. */
    async function publishedWith(assetId: number, headline: string, section = sectionId) {
      let a = (
        await kzEditor.post('/api/newsroom/articles', {
          edition: 'kz',
          sectionId: section,
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

    test("a photo in a published kz article: another desk and a journalist are refused and nothing changes; the kz editor's change is audited and shows at once on the cached kz, qz and ق ز pages, other pages stay cached", async () => {
      const data = await photo(900, 600).jpeg().toBuffer();
      const asset = (
        await upload(journalist, { edition: 'kz', caption: 'Көктемгі дала', credit: 'Фото: Ақорда' }, { name: 'dala.jpg', data })
      ).json();
      const a = await publishedWith(asset.id, 'Көктем келді');
      // In another section: the first article's card (with the photo) is not on its page.
      const otherSection = (await db().selectFrom('sections').select('id').orderBy('position', 'desc').executeTakeFirstOrThrow()).id;
      const other = await publishedWith(
        (await upload(journalist, { edition: 'kz', caption: 'Басқа сурет' }, { name: 'b.jpg', data })).json().id,
        'Басқа жаңалық',
        otherSection,
      );
      const tx = (code: 'kz' | 'qz' | 'tote', text: string) => site.services.texts.get(code).tx(text);
      for (const code of ['kz', 'qz', 'tote'] as const) {
        const page = await site.app.inject(a.paths[code]);
        assert.equal(page.statusCode, 200);
        assert.deepEqual(
          captions(page.body),
          [tx(code, 'Көктемгі дала'), tx(code, 'Көктемгі дала')],
          `${code}: the caption before (lead photo and body)`,
        );
        await site.app.inject(other.paths[code]);
        assert.ok(isCached(a.paths[code]) && isCached(other.paths[code]), `${code}: both pages cached`);
      }
      const auditCount = async () =>
        Number(
          (
            await db()
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('action', '=', 'media.edit')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const auditBefore = await auditCount();
      const stored = await texts(asset.id);
      for (const [who, client] of [
        ['the ru journalist', ruJournalist],
        ["a kz journalist (a published article is an editor's to correct)", journalist],
      ] as const) {
        const res = await client.patch(`/api/newsroom/media/${asset.id}`, {
          texts: { kz: { caption: 'Жалған түсініктеме', credit: 'Жалған' } },
        });
        assert.equal(res.statusCode, 403, `${who}: ${res.body}`);
        assert.equal(res.json().error.code, 'FORBIDDEN');
        assert.deepEqual(await texts(asset.id), stored, `${who}: unchanged`);
        assert.ok(isCached(a.paths.kz), `${who}: the page is still cached`);
      }
      assert.equal((await ruJournalist.patch(`/api/newsroom/media/${asset.id}`, { focalX: 0.1 })).statusCode, 403, 'nor the focal point');
      assert.equal(await auditCount(), auditBefore);

      const res = await kzEditor.patch(`/api/newsroom/media/${asset.id}`, {
        texts: { kz: { caption: 'Көктемгі Сарыарқа даласы', credit: 'Фото: Ақорда' } },
      });
      assert.equal(res.statusCode, 200, res.body);
      const audit = await db()
        .selectFrom('audit_log')
        .select(['user_id', 'target_type', 'target_id', 'detail'])
        .where('action', '=', 'media.edit')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.deepEqual([audit.user_id, audit.target_type, audit.target_id], [kzEditor.user.id, 'media', String(asset.id)]);
      const detail = JSON.parse(audit.detail);
      assert.equal(detail.texts.kz.caption, 'Көктемгі Сарыарқа даласы');
      assert.equal(detail.before.kz.caption, 'Көктемгі дала', 'the audit keeps what it was');
      for (const code of ['kz', 'qz', 'tote'] as const) {
        assert.ok(!isCached(a.paths[code]), `${code}: the article's cached page was dropped`);
        assert.ok(isCached(other.paths[code]), `${code}: an unrelated page stays cached`);
        const page = await site.app.inject(a.paths[code]);
        assert.deepEqual(
          captions(page.body),
          [tx(code, 'Көктемгі Сарыарқа даласы'), tx(code, 'Көктемгі Сарыарқа даласы')],
          `${code}: the new caption at once`,
        );
      }
      assert.ok(captions((await site.app.inject(a.paths.qz)).body)[0]!.startsWith('Kóktemgi Saryarqa'), 'qz: in Latin script');
    });

    test('no EXIF or GPS in anything served for a photo, the original included', async () => {
      const data = await photo(1300, 800)
        .jpeg()
        .withExif({
          IFD0: { Copyright: 'Secret photographer', Make: 'PhoneMaker' },
          IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 10/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '71/1 26/1 0/1' },
        })
        .toBuffer();
      assert.ok((await sharp(data).metadata()).exif, 'the upload has EXIF');
      assert.ok(data.includes('PhoneMaker'), 'the upload carries the camera');
      const asset = (await upload(journalist, { edition: 'kz' }, { name: 'gps.jpg', data })).json();
      const key = path.basename(asset.urls.original).replace(/-original\.jpg$/, '');
      const served = fs
        .readdirSync(mediaDir, { recursive: true })
        .map(String)
        .filter((f) => path.basename(f).startsWith(`${key}-`));
      assert.ok(served.length >= 10, `variants, AVIF, crops and the original: ${served.join(', ')}`);
      assert.ok(served.some((f) => f.startsWith('originals')));
      for (const file of served) {
        const res = await site.app.inject(`/media/${file.split(path.sep).join('/')}`);
        assert.equal(res.statusCode, 200, file);
        const meta = await sharp(res.rawPayload).metadata();
        assert.equal(meta.exif, undefined, `${file}: no EXIF`);
        assert.equal(meta.xmp, undefined, `${file}: no XMP`);
        for (const marker of ['Exif', 'GPS', 'PhoneMaker', 'Secret photographer'])
          assert.ok(!res.rawPayload.includes(marker), `${file}: no "${marker}"`);
      }
      const original = await sharp(path.join(mediaDir, 'originals', path.basename(asset.urls.original))).metadata();
      assert.deepEqual([original.format, original.width, original.height], ['jpeg', 1300, 800], 'the original keeps its format and size');
    });

    test('habarshy media clean-originals removes the metadata from originals kept by older versions, and only there', async () => {
      const clean = (
        await upload(journalist, { edition: 'kz' }, { name: 'old.jpg', data: await photo(700, 500).jpeg().toBuffer() })
      ).json();
      const untouched = (
        await upload(journalist, { edition: 'kz' }, { name: 'new.png', data: await photo(300, 200).png().toBuffer() })
      ).json();
      // As an older version kept it: the uploaded bytes, GPS and all.
      const oldFile = path.join(mediaDir, 'originals', path.basename(clean.urls.original));
      fs.writeFileSync(
        oldFile,
        await photo(700, 500)
          .jpeg()
          .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 15/1 0/1' } })
          .toBuffer(),
      );
      const pngFile = path.join(mediaDir, 'originals', path.basename(untouched.urls.original));
      const pngBefore = fs.readFileSync(pngFile);
      assert.ok((await site.app.inject(clean.urls.original)).rawPayload.includes('PhoneMaker'), 'served with its EXIF before');

      const run = () =>
        spawnSync(process.execPath, [path.resolve('bin/habarshy.js'), 'media', 'clean-originals'], {
          encoding: 'utf8',
          timeout: 120_000,
          env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: site.database.url, LOG_LEVEL: 'warn' },
        });
      const first = run();
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /removed metadata from 1\b/);
      const served = (await site.app.inject(clean.urls.original)).rawPayload;
      assert.equal((await sharp(served).metadata()).exif, undefined, 'no EXIF served now');
      assert.ok(!served.includes('PhoneMaker') && !served.includes('GPS'));
      assert.deepEqual([(await sharp(served).metadata()).format, (await sharp(served).metadata()).width], ['jpeg', 700]);
      assert.ok(fs.readFileSync(pngFile).equals(pngBefore), 'a clean original is left as it is');
      assert.match(run().stdout, /removed metadata from 0\b/, 'a second run changes nothing');
    });

    test('a photo nothing uses can be deleted with all its files; one an article uses is refused with 409 and kept', async () => {
      const data = await photo(1300, 800).png().toBuffer();
      const files = (key: string) =>
        fs
          .readdirSync(mediaDir, { recursive: true })
          .map(String)
          .filter((f) => path.basename(f).startsWith(`${key}-`));
      const keyOf = (asset: { urls: { original: string } }) => path.basename(asset.urls.original).replace(/-original\.png$/, '');

      const unused = (await upload(journalist, { edition: 'kz', caption: 'Қате жүктелген' }, { name: 'wrong.png', data })).json();
      assert.ok(files(keyOf(unused)).length >= 10);
      const other = await signedIn(site, 'journalist', ['kz']);
      const refused = await other.delete(`/api/newsroom/media/${unused.id}`);
      assert.equal(refused.statusCode, 403, "another journalist's upload");
      assert.equal(refused.json().error.code, 'FORBIDDEN');
      assert.equal((await journalist.delete(`/api/newsroom/media/${unused.id}`)).statusCode, 204);
      assert.equal((await journalist.get(`/api/newsroom/media/${unused.id}`)).statusCode, 404);
      assert.deepEqual(files(keyOf(unused)), [], 'no file left');
      assert.equal((await site.app.inject(unused.urls.original)).statusCode, 404);
      assert.equal((await site.app.inject(unused.urls.webp['480'])).statusCode, 404);
      assert.deepEqual(await texts(unused.id), []);
      const audit = await db()
        .selectFrom('audit_log')
        .select(['user_id', 'target_id'])
        .where('action', '=', 'media.delete')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.deepEqual([audit.user_id, audit.target_id], [journalist.user.id, String(unused.id)]);
      assert.equal((await journalist.delete(`/api/newsroom/media/${unused.id}`)).statusCode, 404, 'already gone');

      const used = (await upload(journalist, { edition: 'kz', caption: 'Жарияланған' }, { name: 'used.png', data })).json();
      const a = await publishedWith(used.id, 'Сурет жарияланды');
      const chief = await signedIn(site, 'chief');
      for (const client of [journalist, kzEditor, chief]) {
        const res = await client.delete(`/api/newsroom/media/${used.id}`);
        assert.equal(res.statusCode, 409, res.body);
        assert.equal(res.json().error.code, 'MEDIA_IN_USE');
      }
      assert.equal((await journalist.get(`/api/newsroom/media/${used.id}`)).statusCode, 200, 'kept');
      assert.ok(files(keyOf(used)).length >= 10, 'its files kept');
      assert.equal((await site.app.inject(a.paths.kz)).statusCode, 200);

      // In a draft's body only: refused too (the draft would lose its picture).
      const inDraft = (await upload(journalist, { edition: 'kz' }, { name: 'draft.png', data })).json();
      await journalist.post('/api/newsroom/articles', {
        edition: 'kz',
        sectionId,
        headline: 'Жоба',
        body: { version: 1, blocks: [{ type: 'gallery', items: [{ assetId: inDraft.id }] }] },
      });
      assert.equal((await journalist.delete(`/api/newsroom/media/${inDraft.id}`)).json().error.code, 'MEDIA_IN_USE');
    });

    test('searches match %, _ and \\ literally: "8,1%" and "snake_case" find exactly their photo and article, "%" alone is no wildcard', async () => {
      const data = await photo(300, 200).jpeg().toBuffer();
      const percent = (await upload(journalist, { edition: 'kz', caption: 'Инфляция 8,1% болды' }, { name: 'p.jpg', data })).json();
      const under = (await upload(journalist, { edition: 'kz', caption: 'Файл snake_case атауымен' }, { name: 'u.jpg', data })).json();
      await upload(journalist, { edition: 'kz', caption: 'Инфляция 8,15 болды, snakeXcase' }, { name: 'x.jpg', data });
      await upload(journalist, { edition: 'kz', caption: 'Жол C:\\temp' }, { name: 'b.jpg', data });
      const photos = async (q: string) =>
        ((await journalist.get(`/api/newsroom/media?q=${encodeURIComponent(q)}`)).json().items as { id: number }[]).map((i) => i.id);
      assert.deepEqual(await photos('8,1%'), [percent.id]);
      assert.deepEqual(await photos('snake_case'), [under.id]);
      assert.deepEqual(await photos('%'), [percent.id], '% alone finds only the caption with a %');
      assert.equal((await photos('_')).length, 1, '_ alone finds only the caption with a _');
      assert.equal((await photos('C:\\temp')).length, 1, 'a backslash is a backslash');

      const article = async (headline: string) =>
        (await journalist.post('/api/newsroom/articles', { body: textBody(), edition: 'kz', sectionId, headline })).json().id as number;
      const a1 = await article('Инфляция 8,1% болды');
      const a2 = await article('Айнымалы snake_case деп аталады');
      const other = await article('Инфляция 8,15 болды, snakeXcase');
      const articles = async (q: string) =>
        ((await journalist.get(`/api/newsroom/articles?q=${encodeURIComponent(q)}`)).json().items as { id: number }[]).map((i) => i.id);
      // The demo content has its own "инфляция 8,1 пайызға" article: every article with 8,1 is found,
      // the one with 8,15 is not.
      const found = await articles('8,1%');
      assert.ok(found.includes(a1) && !found.includes(other), JSON.stringify(found));
      assert.deepEqual(await articles('snake_case'), [a2]);
      // Article search is the full-text engine (src/search/): a number with its decimal comma is one
      // phrase, and a lone % is no word at all, so it finds nothing rather than everything.
      assert.deepEqual(await articles('%'), [], '% alone is not a wildcard');
    });
  });
}
