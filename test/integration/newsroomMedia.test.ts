// The photo library through the newsroom API, on SQLite and PostgreSQL, with images made by
// sharp in the test: uploads in three formats, EXIF orientation and GPS, every kind of bad file
// (too large, too many pixels, truncated, wrong type by content) refused with nothing left behind,
// search by caption in Cyrillic, captions and focal point, immutable caching.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { bootSite, type TestSite } from '../support/site.ts';
import { signedIn, type Client } from '../support/newsroom.ts';
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
    let mediaDir: string;
    before(async () => {
      // Uploads write into DATA_DIR/media: a folder of this suite's own.
      const dataDir = tempDir();
      site = await bootSite(dialect, { env: { DATA_DIR: dataDir } });
      mediaDir = path.join(dataDir, 'media');
      journalist = await signedIn(site, 'journalist', ['kz']);
    });
    after(() => site.close());

    const upload = async (client: Client, fields: Record<string, string>, file: { name: string; data: Buffer; type?: string } | null, headers: Record<string, string> = {}) => {
      const { payload, type } = await multipart(fields, file);
      return site.app.inject({ method: 'POST', url: '/api/newsroom/media', payload, headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': type, ...headers } });
    };
    const files = () => fs.readdirSync(mediaDir, { recursive: true }).length;
    const rows = async () => Number((await site.database.handle.db.selectFrom('media_assets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    test('JPEG, PNG and WebP uploads get WebP and AVIF variants, the original, and their texts', async () => {
      for (const [format, name] of [['jpeg', 'kopir.jpg'], ['png', 'karta.png'], ['webp', 'alan.webp']] as const) {
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
      const data = await photo(600, 400).jpeg().withMetadata({ orientation: 6 }).withExif({ IFD0: { Copyright: 'x' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 10/1 0/1' } }).toBuffer();
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
      const bomb = await sharp({ create: { width: 10_000, height: 6_000, channels: 3, background: { r: 0, g: 0, b: 0 } } }).png({ compressionLevel: 9, palette: true }).toBuffer();
      const gif = await photo(50, 50).gif().toBuffer();
      const cases: [string, { name: string; data: Buffer } | null, number, string][] = [
        ['60 megapixels', { name: 'bomb.png', data: bomb }, 422, 'BAD_IMAGE'],
        ['a truncated JPEG', { name: 'cut.jpg', data: good.subarray(0, Math.floor(good.length / 2)) }, 422, 'BAD_IMAGE'],
        ['a GIF named .jpg', { name: 'photo.jpg', data: gif }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
        ['an SVG named .jpg', { name: 'photo.jpg', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
        ['a PDF', { name: 'doc.jpg', data: Buffer.from('%PDF-1.4\n%…') }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
        ['a JPEG header and noise', { name: 'noise.jpg', data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 7)]) }, 422, 'BAD_IMAGE'],
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
      assert.equal((await site.app.inject({ method: 'POST', url: '/api/newsroom/media', payload, headers: { 'content-type': type } })).statusCode, 401);
      assert.equal((await site.app.inject({ method: 'POST', url: '/api/newsroom/media', payload, headers: { 'content-type': type, cookie: journalist.cookie } })).statusCode, 403);
    });

    test('search by caption and credit in any case, edit texts per edition and the focal point', async () => {
      const data = await photo(1000, 700).jpeg().toBuffer();
      const asset = (await upload(journalist, { edition: 'kz', caption: 'Ертіс өзенінің жағасы', credit: 'Фото: Дана Әлиева' }, { name: 'ertis.jpg', data })).json();
      for (const q of ['ертіс', 'ЕРТІС', 'Дана']) {
        const found = (await journalist.get(`/api/newsroom/media?q=${encodeURIComponent(q)}`)).json().items;
        assert.ok(found.some((a: { id: number }) => a.id === asset.id), q);
      }
      assert.equal((await journalist.get(`/api/newsroom/media?q=${encodeURIComponent('жоқ сөз')}`)).json().total, 0);
      const patched = await journalist.patch(`/api/newsroom/media/${asset.id}`, { texts: { ru: { caption: 'Берег Иртыша', credit: 'Фото: Дана Алиева' } }, focalX: 0.2, focalY: 0.3 });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().texts.ru.caption, 'Берег Иртыша');
      assert.equal(patched.json().texts.kz.caption, 'Ертіс өзенінің жағасы');
      assert.equal(patched.json().focalX, 0.2);
      assert.equal((await journalist.patch(`/api/newsroom/media/${asset.id}`, { focalX: 2 })).statusCode, 400);

      // Reused as the lead photo of an article: readers get AVIF first, WebP otherwise.
      const editor = await signedIn(site, 'editor', ['kz']);
      const sectionId = (await site.database.handle.db.selectFrom('sections').select('id').executeTakeFirstOrThrow()).id;
      let a = (await editor.post('/api/newsroom/articles', { edition: 'kz', sectionId, headline: 'Ертіс жағасында', lead: 'Лид.' })).json();
      a = (await editor.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, heroAssetId: asset.id })).json();
      a = (await editor.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision })).json();
      const page = await site.app.inject(new URL(a.url).pathname);
      assert.match(page.body, new RegExp(`<source type="image/avif" srcset="/media/${asset.urls.avif['480'].split('/').pop().replace('-480.avif', '')}-480\\.avif 480w`));
      assert.equal((await journalist.get('/api/newsroom/media/999999')).statusCode, 404);
    });
  });
}
