// Control characters (NUL and the other C0 controls but tab and line breaks, DEL, U+FFFE/U+FFFF,
// lone surrogates), on SQLite and PostgreSQL: refused at the API boundary with 400 naming the
// field, never a 500 (PostgreSQL cannot store NUL) and never stored (XML outputs cannot carry
// them); a reader's search drops them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { dialects, tempDir } from '../support/databases.ts';
import { signedIn, type Client } from '../support/newsroom.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';
import { aSection } from '../support/fixtures.ts';

const CONTROLS = {
  NUL: '\u0000',
  BEL: '\u0007',
  ESC: '\u001b',
  VT: '\u000b',
  DEL: '\u007f',
  'U+FFFF': '\uffff',
  'lone surrogate': '\ud800',
} as const;

/** A 400 VALIDATION in the error envelope whose message names the field. */
function refused(res: LightMyRequestResponse, field: string, label: string): void {
  assert.equal(res.statusCode, 400, `${label}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  const error = res.json().error as { code: string; message: string };
  assert.equal(error.code, 'VALIDATION', label);
  assert.ok(error.message.startsWith(`${field}:`), `${label}: the message names ${field}: ${error.message}`);
}

for (const dialect of dialects()) {
  describe(`control characters on ${dialect}`, () => {
    let site: TestSite;
    let chief: Client;
    let sectionId: number;
    const get = (url: string) => site.app.inject({ method: 'GET', url });

    before(async () => {
      site = await bootSite(dialect, { env: { DATA_DIR: tempDir() }, content: aSection });
      chief = await signedIn(site, 'chief');
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(() => site.close());

    test('an article field or body text holding one is refused with 400 naming the field, and nothing is saved', async () => {
      const draft = (await chief.post('/api/newsroom/articles', { edition: 'en', sectionId, headline: 'Plain headline' })).json();
      for (const [name, c] of Object.entries(CONTROLS)) {
        for (const field of ['headline', 'lead', 'sourceLine', 'seoTitle', 'seoDescription']) {
          refused(
            await chief.put(`/api/newsroom/articles/${draft.id}`, { revision: draft.revision, [field]: `x${c}y` }),
            `body/${field}`,
            `${name} in ${field}`,
          );
        }
        const body = {
          version: 1,
          blocks: [
            { type: 'paragraph', content: [{ type: 'text', text: 'fine' }] },
            { type: 'quote', content: [{ type: 'text', text: `x${c}y` }], cite: 'c' },
          ],
        };
        refused(
          await chief.put(`/api/newsroom/articles/${draft.id}`, { revision: draft.revision, body }),
          'body/body/blocks/1/content/0/text',
          `${name} in the body`,
        );
      }
      const now = (await chief.get(`/api/newsroom/articles/${draft.id}`)).json();
      assert.equal(now.revision, draft.revision, 'nothing was saved');
      assert.equal(now.headline, 'Plain headline');
      // Tab and line breaks are white space, not control characters: they stay allowed.
      const fine = await chief.put(`/api/newsroom/articles/${draft.id}`, {
        revision: draft.revision,
        body: { version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'a\tb' }] }] },
      });
      assert.equal(fine.statusCode, 200, fine.body);
    });

    test('names, the lexicon, comments, overrides, photo texts, user names and the login are refused the same way', async () => {
      refused(await chief.post('/api/newsroom/tags', { names: { en: { name: 'tag\u0000name' } } }), 'body/names/en/name', 'tag name');
      refused(
        await chief.post('/api/newsroom/authors', { names: { en: { name: 'Author', bio: 'bio\u0000' } } }),
        'body/names/en/bio',
        'author bio',
      );
      refused(
        await chief.post('/api/newsroom/sections', { key: 'ctrl', names: { en: { name: 'Sec\u0000tion' } } }),
        'body/names/en/name',
        'section name',
      );
      refused(
        await chief.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'сөз', spelling: 's\u0000z' }),
        'body/spelling',
        'lexicon spelling',
      );
      refused(await chief.patch(`/api/newsroom/users/${chief.user.id}`, { name: 'Chief\u0000' }), 'body/name', 'user name');
      const login = await site.app.inject({
        method: 'POST',
        url: '/api/newsroom/session',
        payload: { email: 'a\u0000@b.test', password: 'x' },
      });
      refused(login, 'body/email', 'login e-mail');

      const kz = (await chief.post('/api/newsroom/articles', { edition: 'kz', sectionId, headline: 'Жаңалық' })).json();
      refused(
        await chief.put(`/api/newsroom/articles/${kz.id}/overrides/qz/headline`, { value: 'x\u0000' }),
        'body/value',
        'derived override',
      );
      refused(
        await chief.post(`/api/newsroom/articles/${kz.id}/transitions`, { action: 'return', revision: kz.revision, comment: 'x\u0000' }),
        'body/comment',
        'return comment',
      );

      const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 9, g: 9, b: 9 } } })
        .jpeg()
        .toBuffer();
      const form = new FormData();
      form.set('edition', 'en');
      form.set('caption', 'Zqxcaption\u0000');
      form.set('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'photo.jpg');
      const request = new Request('http://localhost/', { method: 'POST', body: form });
      const upload = await site.app.inject({
        method: 'POST',
        url: '/api/newsroom/media',
        payload: Buffer.from(await request.arrayBuffer()),
        headers: { cookie: chief.cookie, 'x-csrf-token': chief.csrf, 'content-type': request.headers.get('content-type')! },
      });
      refused(upload, 'body/caption', 'photo caption (upload)');
      assert.equal((await chief.get('/api/newsroom/media?q=Zqxcaption')).json().items.length, 0, 'no photo was stored');
      assert.equal(
        (await chief.get('/api/newsroom/tags?q=tag&limit=500'))
          .json()
          .items.some((t: { names: Record<string, { name: string }> }) => Object.values(t.names).some((n) => n.name.startsWith('tag'))),
        false,
        'no tag was stored',
      );
    });

    test('newsroom and public API query strings holding one: 400 naming the parameter, never a 500', async () => {
      refused(await chief.get('/api/newsroom/tags?q=%00'), 'querystring/q', 'newsroom tag search');
      refused(await chief.get('/api/newsroom/media?q=a%00'), 'querystring/q', 'newsroom photo search');
      refused(await get('/api/v1/articles?edition=en&tag=%00'), 'querystring/tag', 'public API tag filter');
      refused(await get('/api/v1/articles?edition=en&author=x%00'), 'querystring/author', 'public API author filter');
      refused(await get('/api/v1/articles?edition=en&cursor=%00'), 'querystring/cursor', 'public API cursor');
      refused(await get('/api/v1/articles/en/%00'), 'params/id', 'public API article id');
    });

    test('a reader search with one answers the page for the visible query, never a 500', async () => {
      for (const [q, visible] of [
        ['%00', ''],
        ['a%00b', 'ab'],
        ['%07%1B%7F', ''],
        ['%EF%BF%BFword', 'word'],
      ] as const) {
        const res = await get(`/en/search?q=${q}`);
        assert.equal(res.statusCode, 200, `${q}: ${res.statusCode}`);
        assert.equal(dom(res.body).querySelector('#search-q')?.getAttribute('value') ?? '', visible, `${q}: the query shown back`);
      }
    });
  });
}
