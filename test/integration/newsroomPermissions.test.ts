// The roles × actions table (src/services/newsroom/permissions.ts, docs/newsroom-permissions.md)
// walked cell by cell through the HTTP API, on SQLite and PostgreSQL. For each action and role the
// grant decides the cases: `all` — allowed inside and outside the user's desks; `desk` — allowed in
// a desk, 403 outside it; `own` — allowed on the user's own draft, 403 on someone else's draft and
// on the user's own submitted article; `no` — 403. Every allowed change is stored (the database's
// fingerprint moves); every refusal leaves the database as it was.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { LightMyRequestResponse } from 'fastify';
import { bootSite, type TestSite } from '../support/site.ts';
import { aSection, aTag } from '../support/fixtures.ts';
import { signedIn, textBody, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';
import { ACTIONS, permissionsMarkdown, ROLES, type Action, type Actor, type Grant } from '../../src/services/newsroom/permissions.ts';
import type { Role } from '../../src/db/tables.ts';
import { transitionsMarkdown } from '../../src/services/newsroom/workflow.ts';

test('docs/newsroom-permissions.md is the table the server enforces', () => {
  const doc = fs.readFileSync('docs/newsroom-permissions.md', 'utf8');
  const generated = /<!-- generated: permissionsMarkdown\(\) -->\n([\s\S]*?)\n<!-- \/generated -->/.exec(doc)?.[1];
  assert.equal(generated, permissionsMarkdown());
});

test("docs/newsroom-permissions.md shows the workflow's state table the server enforces", () => {
  const doc = fs.readFileSync('docs/newsroom-permissions.md', 'utf8');
  const generated = /<!-- generated: transitionsMarkdown\(\) -->\n([\s\S]*?)\n<!-- \/generated -->/.exec(doc)?.[1];
  assert.equal(generated, transitionsMarkdown());
  // A returned article is back with its writer: submit is the only way on.
  assert.match(doc, /\| returned \| → submitted \| — \| — \| — \| — \| — \| — \|/);
});

/** Where a case points: inside the user's desk (kz), outside it (ru), or the own-draft variants. */
type Case = 'inDesk' | 'outDesk' | 'ownDraft' | 'othersDraft' | 'ownSubmitted';

function cases(grant: Grant, hasEdition: boolean): { c: Case; allowed: boolean }[] {
  // A photo has no edition: `own` is the uploader's photo (ownDraft) against someone else's (othersDraft).
  if (!hasEdition && grant === 'own')
    return [
      { c: 'ownDraft', allowed: true },
      { c: 'othersDraft', allowed: false },
    ];
  if (!hasEdition) return [{ c: 'inDesk', allowed: grant !== 'no' }];
  switch (grant) {
    case 'all':
      return [
        { c: 'inDesk', allowed: true },
        { c: 'outDesk', allowed: true },
      ];
    case 'desk':
      return [
        { c: 'inDesk', allowed: true },
        { c: 'outDesk', allowed: false },
      ];
    case 'own':
      return [
        { c: 'ownDraft', allowed: true },
        { c: 'othersDraft', allowed: false },
        { c: 'ownSubmitted', allowed: false },
      ];
    case 'no':
      return [{ c: 'inDesk', allowed: false }];
  }
}

for (const dialect of dialects()) {
  describe(`every cell of the permissions table on ${dialect}`, () => {
    let site: TestSite;
    const clients = new Map<Role, Client>();
    const admin: Actor = { id: 0, role: 'admin', desks: ['kz', 'ru', 'en', 'cn', 'uz'] };
    let sectionId: number;
    let photo: Buffer;
    before(async () => {
      site = await bootSite(dialect, {
        // Two sections (reordering them changes something) and a tag to rename.
        content: async (db) => {
          await aSection(db);
          await aSection(db);
          await aTag(db, 'astana');
        },
      });
      for (const role of ROLES) clients.set(role, await signedIn(site, role, ['kz']));
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
      photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 9, g: 99, b: 199 } } })
        .jpeg()
        .toBuffer();
    });
    after(() => site.close());

    const articles = () => site.services.newsroomArticles;
    const db = () => site.database.handle.db;

    /** An article in a state, created by `owner` (a journalist's own drafts are made as them). */
    async function article(
      edition: string,
      state: 'draft' | 'submitted' | 'approved' | 'published',
      owner: Actor = admin,
      heroAssetId?: number,
    ) {
      let a = await articles().create(owner, {
        edition,
        sectionId,
        headline: `${edition} ${state} ${Math.random().toString(36).slice(2, 8)}`,
        lead: 'Лид.',
        body: textBody(),
      });
      a = await articles().save(owner, a.id, { revision: a.revision, lead: 'Екінші нұсқа.', ...(heroAssetId ? { heroAssetId } : {}) });
      const steps = { draft: [], submitted: ['submit'], approved: ['submit', 'approve'], published: ['publish'] }[state];
      for (const action of steps)
        a = await articles().transition(action === 'submit' ? owner : admin, a.id, { action, revision: a.revision });
      return a;
    }

    async function fingerprint(): Promise<string> {
      const count = async (
        table:
          | 'articles'
          | 'revisions'
          | 'tags'
          | 'authors'
          | 'media_assets'
          | 'lexicon'
          | 'derived_overrides'
          | 'users'
          | 'article_transitions'
          | 'assignments'
          | 'page_revisions',
      ) =>
        Number(
          (
            await db()
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const tables = [
        'articles',
        'revisions',
        'tags',
        'authors',
        'media_assets',
        'lexicon',
        'derived_overrides',
        'users',
        'article_transitions',
        'assignments',
        'page_revisions',
      ] as const;
      const counts = await Promise.all(tables.map(count));
      const states = await db().selectFrom('articles').select(['id', 'status', 'revision']).orderBy('id').execute();
      const sections = await db().selectFrom('sections').select(['id', 'position']).orderBy('id').execute();
      const media = await db()
        .selectFrom('media_texts')
        .select(['asset_id', 'edition', 'caption'])
        .orderBy('asset_id')
        .orderBy('edition')
        .execute();
      const tagNames = await db()
        .selectFrom('tag_names')
        .select(['tag_id', 'edition', 'name'])
        .orderBy('tag_id')
        .orderBy('edition')
        .execute();
      return JSON.stringify({ counts, states, sections, media, tagNames });
    }

    async function upload(client: Client): Promise<LightMyRequestResponse> {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'p.jpg');
      const request = new Request('http://localhost/', { method: 'POST', body: form });
      return site.app.inject({
        method: 'POST',
        url: '/api/newsroom/media',
        payload: Buffer.from(await request.arrayBuffer()),
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': request.headers.get('content-type')! },
      });
    }

    /** The edition of a case, and the owner of the article it needs. */
    const editionOf = (c: Case) => (c === 'outDesk' ? 'ru' : 'kz');
    const journalistActor = (): Actor => ({ id: clients.get('journalist')!.user.id, role: 'journalist', desks: ['kz'] });
    async function target(c: Case, state: 'draft' | 'submitted' | 'approved' | 'published') {
      if (c === 'ownDraft') return article('kz', 'draft', journalistActor());
      if (c === 'ownSubmitted') return article('kz', 'submitted', journalistActor());
      return article(editionOf(c), state);
    }

    // One way to perform each action through the API, set up for a case.
    const perform: Record<Action, (client: Client, c: Case) => Promise<LightMyRequestResponse>> = {
      'article.read': async (cl, c) => cl.get(`/api/newsroom/articles/${(await target(c, 'draft')).id}`),
      'article.create': (cl, c) => cl.post('/api/newsroom/articles', { edition: editionOf(c), sectionId }),
      'article.edit': async (cl, c) => {
        const a = await target(c, 'draft');
        return cl.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, lead: 'Өзгерді.' });
      },
      'article.submit': async (cl, c) => {
        const a = await target(c, 'draft');
        return cl.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'submit', revision: a.revision });
      },
      'article.return': async (cl, c) => {
        const a = await target(c, 'submitted');
        return cl.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'return', revision: a.revision, comment: 'Түзетіңіз.' });
      },
      'article.approve': async (cl, c) => {
        const a = await target(c, 'submitted');
        return cl.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'approve', revision: a.revision });
      },
      'article.publish': async (cl, c) => {
        const a = await target(c, 'approved');
        return cl.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision });
      },
      'article.schedule': async (cl, c) => {
        const a = await target(c, 'approved');
        return cl.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'schedule', revision: a.revision, at: '2027-01-01T10:00' });
      },
      'article.correct': async (cl, c) => {
        const a = await target(c, 'published');
        return cl.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, lead: 'Түзетілді.', correctionNote: 'Лид түзетілді.' });
      },
      'article.unpublish': async (cl, c) => {
        const a = await target(c, 'published');
        return cl.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'unpublish', revision: a.revision });
      },
      'article.delete': async (cl, c) => cl.delete(`/api/newsroom/articles/${(await target(c, 'draft')).id}`),
      'article.translate': async (cl, c) => {
        const source = await article('en', 'published');
        return cl.post(`/api/newsroom/articles/${source.id}/translations`, { edition: editionOf(c) });
      },
      'article.restore': async (cl, c) => {
        const a = await target(c, 'draft');
        return cl.post(`/api/newsroom/articles/${a.id}/revisions/1/restore`, { revision: a.revision });
      },
      'derived.override': async (cl, c) => {
        const a = await article(c === 'outDesk' ? 'uz' : 'kz', 'published');
        return cl.put(`/api/newsroom/articles/${a.id}/overrides/${c === 'outDesk' ? 'uz-latn' : 'qz'}/headline`, {
          value: 'Qolmen túzetilgen',
        });
      },
      'assignment.manage': (cl, c) =>
        cl.post('/api/newsroom/assignments', {
          headline: 'Жоспар',
          edition: editionOf(c),
          sectionId,
          due: '2099-01-01T10:00',
          assigneeId: clients.get('admin')!.user.id,
        }),
      'lexicon.edit': (cl, c) =>
        cl.post('/api/newsroom/lexicon', {
          scheme: c === 'outDesk' ? 'uz-Latn-1995' : 'kk-Latn-2018',
          word: `сөз${[...Math.random().toString(36).slice(2, 8)].map((ch) => 'абвгдежзиклмнопрстуфхцчшыэюя'[parseInt(ch, 36) % 28]).join('')}`,
          spelling: 'soz',
        }),
      'media.upload': (cl) => upload(cl),
      // A photo is changed in the desks of the articles that show it: inDesk a kz article, outDesk a ru one.
      'media.edit': async (cl, c) => {
        const asset = (await upload(clients.get('admin')!)).json();
        await article(editionOf(c), 'draft', admin, asset.id);
        return cl.patch(`/api/newsroom/media/${asset.id}`, { texts: { kz: { caption: 'Жаңа түсініктеме', credit: 'Фото' } } });
      },
      'media.editPublished': async (cl, c) => {
        const asset = (await upload(clients.get('admin')!)).json();
        await article(editionOf(c), 'published', admin, asset.id);
        return cl.patch(`/api/newsroom/media/${asset.id}`, { texts: { kz: { caption: 'Түзетілген түсініктеме', credit: 'Фото' } } });
      },
      'media.delete': async (cl, c) => {
        const asset = (await upload(c === 'ownDraft' ? cl : clients.get('admin')!)).json();
        return cl.delete(`/api/newsroom/media/${asset.id}`);
      },
      'tag.create': (cl) => cl.post('/api/newsroom/tags', { names: { kz: { name: `Тег ${Math.random().toString(36).slice(2, 8)}` } } }),
      'section.manage': async (cl) => {
        const ids = (await db().selectFrom('sections').select('id').orderBy('position', 'desc').execute()).map((s) => s.id);
        return cl.put('/api/newsroom/sections/order', { ids });
      },
      'tag.manage': async (cl) => {
        const tag = await db().selectFrom('tags').select('id').orderBy('id').executeTakeFirstOrThrow();
        return cl.patch(`/api/newsroom/tags/${tag.id}`, { names: { en: { name: `Renamed ${Math.random().toString(36).slice(2, 8)}` } } });
      },
      'author.manage': (cl) =>
        cl.post('/api/newsroom/authors', { names: { kz: { name: `Автор ${Math.random().toString(36).slice(2, 8)}` } } }),
      'audit.read': (cl) => cl.get('/api/newsroom/audit'),
      'analytics.read': (cl) => cl.get('/api/newsroom/analytics'),
      'analytics.article': async (cl, c) => cl.get(`/api/newsroom/articles/${(await target(c, 'published')).id}/views`),
      'page.manage': (cl) =>
        cl.post('/api/newsroom/pages', {
          edition: 'kz',
          slug: `page-${Math.random().toString(36).slice(2, 8)}`,
          title: 'Бет',
          body: { version: 1, blocks: [] },
        }),
      'user.manage': (cl) =>
        cl.post('/api/newsroom/users', {
          email: `u${Math.random().toString(36).slice(2, 8)}@agency.kz`,
          name: 'Жаңа',
          password: 'welcome passphrase',
          role: 'journalist',
        }),
    };
    // The reading actions show what they read; every other allowed action must change the stored state.
    const shows: Partial<Record<Action, (res: LightMyRequestResponse) => void>> = {
      'article.read': (res) => assert.equal(typeof res.json().headline, 'string'),
      'audit.read': (res) => assert.ok(res.json().items.length > 0, 'the audit log shows entries'),
      'analytics.read': (res) => assert.equal(res.json().hourly.points.length, 48),
      'analytics.article': (res) => assert.equal(res.json().daily.days.length, 30),
    };
    const EDITIONLESS = new Set<Action>([
      'media.upload',
      'media.delete',
      'tag.create',
      'section.manage',
      'tag.manage',
      'author.manage',
      'audit.read',
      'analytics.read',
      'page.manage',
      'user.manage',
    ]);

    for (const action of Object.keys(ACTIONS) as Action[]) {
      test(`${action}: ${ROLES.map((r) => `${r} ${ACTIONS[action].grants[r]}`).join(', ')}`, async () => {
        for (const role of ROLES) {
          const grant = ACTIONS[action].grants[role];
          for (const { c, allowed } of cases(grant, !EDITIONLESS.has(action))) {
            const client = clients.get(role)!;
            // Set-up writes happen inside perform; compare what the request itself changed.
            let before = '';
            const res = await perform[action](
              {
                ...client,
                request: async (...args) => {
                  before = await fingerprint();
                  return client.request(...args);
                },
                get: async (url) => {
                  before = await fingerprint();
                  return client.get(url);
                },
                post: async (url, body) => {
                  before = await fingerprint();
                  return client.post(url, body);
                },
                put: async (url, body) => {
                  before = await fingerprint();
                  return client.put(url, body);
                },
                patch: async (url, body) => {
                  before = await fingerprint();
                  return client.patch(url, body);
                },
                delete: async (url) => {
                  before = await fingerprint();
                  return client.delete(url);
                },
              },
              c,
            );
            const where = `${action} by ${role} (${grant}) on ${c}`;
            if (allowed) {
              assert.ok(res.statusCode >= 200 && res.statusCode < 300, `${where}: expected success, got ${res.statusCode} ${res.body}`);
              await shows[action]?.(res);
              if (!shows[action]) assert.notEqual(await fingerprint(), before, `${where}: the change is stored`);
            } else {
              assert.equal(res.statusCode, 403, `${where}: expected 403, got ${res.statusCode} ${res.body}`);
              assert.equal(res.json().error.code, 'FORBIDDEN', where);
              if (before) assert.equal(await fingerprint(), before, `${where}: a refusal changed nothing`);
            }
          }
        }
      });
    }
  });
}
