// What people type must not carry markup or reordering to other readers, through the newsroom API
// on SQLite and PostgreSQL: links that only look relative and script links refused with the path
// of the field, embeds only from their provider's hosts, external links opened without handing
// over the page, and bidi override/isolate controls stripped from headlines, tag names and the
// file names of uploads.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { bootSite, dom, type TestSite } from '../support/site.ts';
import { aSection } from '../support/fixtures.ts';
import { signedIn, type Client, textBody } from '../support/newsroom.ts';
import { dialects, tempDir } from '../support/databases.ts';

const RLO = '\u202E';
const LRI = '\u2066';
const PDI = '\u2069';

type Inline = { type: 'text'; text: string; href?: string };
const body = (...blocks: object[]) => ({ version: 1, blocks });
const para = (...content: Inline[]) => ({ type: 'paragraph', content });
const linked = (text: string, href: string): Inline => ({ type: 'text', text, href });

for (const dialect of dialects()) {
  describe(`untrusted text and links on ${dialect}`, () => {
    let site: TestSite;
    let journalist: Client;
    let editor: Client;
    let sectionId: number;
    before(async () => {
      site = await bootSite(dialect, { env: { DATA_DIR: tempDir() }, content: aSection });
      journalist = await signedIn(site, 'journalist', ['kz']);
      editor = await signedIn(site, 'editor', ['kz']);
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(() => site.close());

    const draft = async (extra: object = {}) => {
      const res = await journalist.post('/api/newsroom/articles', {
        body: textBody(),
        edition: 'kz',
        sectionId,
        headline: 'Сенім',
        lead: 'Лид',
        ...extra,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as { id: number; revision: number; headline: string };
    };
    const saveBody = (a: { id: number; revision: number }, b: object) =>
      journalist.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, body: b });
    const revisionOf = async (id: number) => (await journalist.get(`/api/newsroom/articles/${id}`)).json().revision as number;

    test('links that leave the site while looking relative, and script links, are refused with 400 naming the path', async () => {
      const a = await draft();
      for (const href of ['//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) {
        const res = await saveBody(
          a,
          body(para({ type: 'text', text: 'Кіріспе ' }), para({ type: 'text', text: 'мұнда ' }, linked('басыңыз', href))),
        );
        assert.equal(res.statusCode, 400, `${href}: ${res.body}`);
        const error = res.json().error;
        assert.equal(error.code, 'VALIDATION');
        assert.match(error.message, /\/blocks\/1\/content\/1\/href/, href);
      }
      assert.equal(await revisionOf(a.id), 1, 'nothing was saved');
      const ok = await saveBody(
        a,
        body(para(linked('ішкі', '/kz/latest'), { type: 'text', text: ' ' }, linked('Ақорда', 'https://akorda.kz/'))),
      );
      assert.equal(ok.statusCode, 200, ok.body);
    });

    test('an external link on the article page opens with rel="noopener noreferrer"; a site link without it', async () => {
      const a = await draft();
      const saved = await saveBody(
        a,
        body(para(linked('Ақорда', 'https://akorda.kz/kz/news'), { type: 'text', text: ' және ' }, linked('соңғылар', '/kz/latest'))),
      );
      assert.equal(saved.statusCode, 200, saved.body);
      const published = await editor.post(`/api/newsroom/articles/${a.id}/transitions`, {
        action: 'publish',
        revision: saved.json().revision,
      });
      assert.equal(published.statusCode, 200, published.body);
      const page = await site.app.inject(new URL(published.json().url).pathname);
      assert.equal(page.statusCode, 200);
      const doc = dom(page.body);
      const external = doc.querySelector('a[href="https://akorda.kz/kz/news"]');
      assert.ok(external, 'the external link is on the page');
      assert.equal(external.getAttribute('rel'), 'noopener noreferrer');
      assert.equal(doc.querySelector('article a[href="/kz/latest"], main a[href="/kz/latest"]')?.getAttribute('rel') ?? null, null);
    });

    test('an embed must come from its provider: youtube with another host is refused, the real hosts pass', async () => {
      const a = await draft();
      for (const url of [
        'https://evil.example/watch?v=x',
        'https://youtube.com.evil.example/watch?v=x',
        'https://www.youtube.com@evil.example/x',
      ]) {
        const res = await saveBody(a, body(para({ type: 'text', text: 'Видео' }), { type: 'embed', provider: 'youtube', url }));
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
        assert.match(res.json().error.message, /\/blocks\/1\/url/);
      }
      assert.equal(await revisionOf(a.id), 1, 'nothing was saved');
      const embeds = [
        ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
        ['youtube', 'https://youtu.be/dQw4w9WgXcQ'],
        ['x', 'https://x.com/akorda/status/1'],
        ['x', 'https://twitter.com/akorda/status/1'],
        ['telegram', 'https://t.me/akorda_press/123'],
        ['instagram', 'https://www.instagram.com/p/abc/'],
      ].map(([provider, url]) => ({ type: 'embed', provider, url }));
      const res = await saveBody(a, body(...embeds));
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().body.blocks, embeds);
    });

    test("bidi override and isolate controls are stripped from a headline, a tag name and an upload's file name", async () => {
      const a = await draft({ headline: `Астана ${RLO}әкімдігі${PDI}` });
      assert.equal(a.headline, 'Астана әкімдігі');
      const saved = await journalist.put(`/api/newsroom/articles/${a.id}`, {
        revision: a.revision,
        headline: `${LRI}Жаңа${PDI} тақырып ${RLO}cod.exe`,
        sourceLine: `${RLO}Ақорда`,
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().headline, 'Жаңа тақырып cod.exe');
      assert.equal(saved.json().sourceLine, 'Ақорда');

      const tag = await journalist.post('/api/newsroom/tags', { names: { kz: { name: `Сенім${RLO}гат` } } });
      assert.equal(tag.statusCode, 201, tag.body);
      assert.equal(tag.json().names.kz.name, 'Сенімгат');

      const form = new FormData();
      form.set('caption', `${RLO}Көпір`);
      const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 30, g: 90, b: 160 } } })
        .png()
        .toBuffer();
      form.set('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `photo${RLO}gnp.exe`);
      const request = new Request('http://localhost/', { method: 'POST', body: form });
      const upload = await site.app.inject({
        method: 'POST',
        url: '/api/newsroom/media',
        payload: Buffer.from(await request.arrayBuffer()),
        headers: { cookie: journalist.cookie, 'x-csrf-token': journalist.csrf, 'content-type': request.headers.get('content-type')! },
      });
      assert.equal(upload.statusCode, 201, upload.body);
      assert.equal(upload.json().originalName, 'photognp.exe');
      assert.equal(upload.json().texts.kz.caption, 'Көпір');
    });
  });
}
