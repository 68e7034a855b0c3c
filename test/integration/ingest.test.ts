// Wire ingest end to end, on SQLite and PostgreSQL: RSS and Atom feeds served from 127.0.0.1 become
// draft articles with a localized source line and the original link; a second poll imports
// nothing twice (same guid or same link); malformed, oversized, entity-bomb, missing and hanging
// feeds are recorded with last_error while the good sources are still imported.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Db } from '../../src/db/connect.ts';
import { bodyText, parseBody } from '../../src/content/body.ts';
import { makeSlug } from '../../src/content/slug.ts';
import { FeedError, parseFeed, pollDueSources } from '../../src/services/ingest.ts';
import { addSource } from '../../src/store/ingest.ts';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.ts';

const BIN = path.resolve('bin/habarshy.js');

function habarshy(t: TestDatabase, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DATA_DIR: t.dataDir, DATABASE_URL: t.url, LOG_LEVEL: 'warn' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const RSS_ITEMS_1 = `
  <item>
    <title>Senate &amp; Mazhilis meet</title>
    <link>https://wire.example.kz/news/1</link>
    <guid isPermaLink="false">wire-1</guid>
    <description>&lt;p&gt;First &amp;amp; &lt;b&gt;bold&lt;/b&gt; words&amp;nbsp;here.&lt;/p&gt;&lt;script&gt;alert('x')&lt;/script&gt;&lt;p&gt;Second &amp;#8220;para&amp;#8221;&lt;/p&gt;</description>
  </item>
  <item>
    <title><![CDATA[Tokayev <i>visits</i> Turkistan]]></title>
    <link>https://wire.example.kz/news/2</link>
    <guid>https://wire.example.kz/news/2</guid>
    <description><![CDATA[<p>Lead of two.</p><img src="x" onerror="alert(1)"><a href="javascript:alert(1)">click</a>]]></description>
    <encoded><![CDATA[<p>Full text one.</p><p>Full text two.</p>]]></encoded>
  </item>
  <item>
    <title>Item without guid</title>
    <link>https://wire.example.kz/news/3</link>
    <description>Plain text lead.</description>
  </item>`;

const RSS_ITEMS_2 = `
  <item>
    <title>Senate and Mazhilis meet (edited)</title>
    <link>https://wire.example.kz/news/1</link>
    <guid isPermaLink="false">wire-1</guid>
    <description>Edited text.</description>
  </item>
  <item>
    <title>Same link, new guid</title>
    <link>https://wire.example.kz/news/3</link>
    <guid isPermaLink="false">wire-3-again</guid>
  </item>
  <item>
    <title>A fresh item</title>
    <link>https://wire.example.kz/news/4</link>
    <guid isPermaLink="false">wire-4</guid>
    <description>Fresh.</description>
  </item>`;

const rss = (items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>Wire</title><link>https://wire.example.kz/</link><description>Wire</description>
<atom:link href="https://wire.example.kz/rss.xml" rel="self" type="application/rss+xml"/>
${items.replaceAll('<encoded>', '<content:encoded>').replaceAll('</encoded>', '</content:encoded>')}
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Agency</title><id>urn:agency</id><updated>2026-11-20T08:00:00Z</updated>
  <entry>
    <title type="text">Astana hosts a forum</title>
    <id>urn:agency:entry:1</id>
    <link rel="alternate" type="text/html" href="https://agency.example.com/a/1"/>
    <updated>2026-11-20T08:00:00Z</updated>
    <summary type="html">&lt;p&gt;Forum &lt;em&gt;opens&lt;/em&gt; today.&lt;/p&gt;</summary>
    <content type="html">&lt;h2&gt;Heading&lt;/h2&gt;&lt;p&gt;Body one.&lt;/p&gt;&lt;p&gt;Body two.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Second entry</title>
    <id>urn:agency:entry:2</id>
    <link rel="self" href="https://agency.example.com/self/2"/>
    <link href="https://agency.example.com/a/2"/>
    <updated>2026-11-20T07:00:00Z</updated>
    <summary>Plain summary.</summary>
  </entry>
</feed>`;

const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><guid>laugh</guid></item></channel></rss>`;

interface FeedServer {
  readonly base: string;
  rssItems: string;
  close(): Promise<void>;
}

async function feedServer(): Promise<FeedServer> {
  const state = { rssItems: RSS_ITEMS_1 };
  const server = http.createServer((req, res) => {
    const xml = (body: string) => res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' }).end(body);
    switch (req.url) {
      case '/rss.xml':
        return xml(rss(state.rssItems));
      case '/atom.xml':
        return xml(ATOM);
      case '/broken.xml':
        return xml('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Unclosed</item></channel>');
      case '/laughs.xml':
        return xml(LAUGHS);
      case '/slow.xml':
        return; // never answers
      case '/huge.xml': {
        // 6 MB, chunked (no Content-Length): only the streaming cap can stop it.
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const item = `<item><title>${'x'.repeat(1000)}</title><guid>g</guid></item>\n`;
        let sent = 0;
        const pump = () => {
          while (sent < 6 * 1024 * 1024) {
            const chunk = sent === 0 ? `<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>${item}` : item;
            sent += Buffer.byteLength(chunk);
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end('</channel></rss>');
        };
        res.on('error', () => undefined);
        return pump();
      }
      default:
        return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    get rssItems() {
      return state.rssItems;
    },
    set rssItems(v: string) {
      state.rssItems = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function sections(db: Db): Promise<number> {
  const { id } = await db
    .insertInto('sections')
    .values({ key: 'politics', parent_id: null, position: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('section_names')
    .values([
      { section_id: id, edition: 'kz', name: 'Саясат', slug: 'saiasat' },
      { section_id: id, edition: 'en', name: 'Politics', slug: 'politics' },
    ])
    .execute();
  return id;
}

test('parseFeed refuses entity declarations at once, and malformed XML', () => {
  const started = Date.now();
  assert.throws(
    () => parseFeed(LAUGHS),
    (e: unknown) => e instanceof FeedError && /entit/i.test(e.message),
  );
  assert.ok(Date.now() - started < 1000, 'no expansion is attempted');
  assert.throws(() => parseFeed('<rss><channel><item></channel></rss>'), FeedError);
  assert.throws(() => parseFeed('<html><body>not a feed</body></html>'), /not an RSS or Atom feed/);
});

for (const dialect of dialects()) {
  describe(`wire ingest on ${dialect}`, () => {
    test('feeds become drafts once; hostile feeds are recorded and skipped', async () => {
      const t = await freshDatabase(dialect);
      const feeds = await feedServer();
      try {
        const db = t.handle.db;
        const sectionId = await sections(db);

        // The operator adds the RSS source with the CLI; bad arguments are refused.
        const added = habarshy(t, [
          'sources',
          'add',
          '--url',
          `${feeds.base}/rss.xml`,
          '--edition',
          'kz',
          '--section',
          'saiasat',
          '--every',
          '60',
          '--name',
          'Wire KZ',
        ]);
        assert.equal(added.code, 0, added.stderr);
        assert.equal(
          habarshy(t, ['sources', 'add', '--url', `${feeds.base}/rss.xml`, '--edition', 'qz', '--section', 'saiasat']).code,
          2,
          'derived editions take no drafts',
        );
        assert.equal(habarshy(t, ['sources', 'add', '--url', `${feeds.base}/rss.xml`, '--edition', 'kz', '--section', 'nope']).code, 2);
        assert.equal(habarshy(t, ['sources', 'add', '--url', 'file:///etc/passwd', '--edition', 'kz', '--section', 'saiasat']).code, 2);
        const add = (name: string, file: string) =>
          addSource(db, { url: `${feeds.base}/${file}`, edition: 'en', section_id: sectionId, poll_seconds: 60, name });
        const atomId = await add('Agency', 'atom.xml');
        const hostile = {
          broken: await add('Broken', 'broken.xml'),
          huge: await add('Huge', 'huge.xml'),
          laughs: await add('Laughs', 'laughs.xml'),
          missing: await add('Missing', 'missing.xml'),
          slow: await add('Slow', 'slow.xml'),
        };

        let now = Date.parse('2026-11-20T09:00:00.000Z');
        const clock = () => new Date(now);
        const results = await pollDueSources(db, { clock, timeoutMs: 1500 });
        const byId = new Map(results.map((r) => [r.sourceId, r]));
        const rssId = (await db.selectFrom('ingest_sources').select('id').where('name', '=', 'Wire KZ').executeTakeFirstOrThrow()).id;
        assert.deepEqual(byId.get(rssId), { sourceId: rssId, imported: 3, error: null });
        assert.deepEqual(byId.get(atomId), { sourceId: atomId, imported: 2, error: null });
        assert.match(byId.get(hostile.broken)!.error ?? '', /malformed XML/);
        assert.match(byId.get(hostile.huge)!.error ?? '', /larger than 5242880 bytes/);
        assert.match(byId.get(hostile.laughs)!.error ?? '', /declares entities/);
        assert.match(byId.get(hostile.missing)!.error ?? '', /HTTP 404/);
        assert.match(byId.get(hostile.slow)!.error ?? '', /no complete answer within 1\.5 s/);
        for (const [, id] of Object.entries(hostile)) {
          const s = await db
            .selectFrom('ingest_sources')
            .select(['last_error', 'last_polled_at'])
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          assert.ok(s.last_error && s.last_polled_at, `source ${id} records its failure`);
        }

        const drafts = await db
          .selectFrom('articles')
          .select([
            'id',
            'public_id',
            'story_id',
            'edition',
            'section_id',
            'status',
            'slug',
            'headline',
            'lead',
            'body',
            'source_line',
            'published_at',
          ])
          .orderBy('id')
          .execute();
        assert.equal(drafts.length, 5);
        assert.equal(new Set(drafts.map((d) => d.public_id)).size, 5);
        assert.equal(new Set(drafts.map((d) => d.story_id)).size, 5, 'each draft is a new story');
        for (const d of drafts) {
          assert.equal(d.status, 'draft');
          assert.equal(d.published_at, null);
          assert.equal(d.section_id, sectionId);
          assert.match(d.public_id, /^[0-9a-f]{6}$/);
          assert.equal(d.slug, makeSlug(d.headline));
          const body = parseBody(JSON.parse(d.body));
          assert.ok(
            body.blocks.every((b) => b.type === 'paragraph' && b.content.every((i) => i.href === undefined && i.marks === undefined)),
          );
          assert.doesNotMatch(`${d.headline} ${d.lead} ${bodyText(body)}`, /<|>|alert|javascript|&amp;|&nbsp;|&#/);
        }
        const byHeadline = new Map(drafts.map((d) => [d.headline, d]));
        const first = byHeadline.get('Senate & Mazhilis meet')!;
        assert.equal(first.edition, 'kz');
        assert.equal(first.lead, 'First & bold words here. Second “para”');
        assert.deepEqual(
          parseBody(JSON.parse(first.body)).blocks.map((b) => (b.type === 'paragraph' ? b.content[0]!.text : '')),
          ['First & bold words here.', 'Second “para”'],
        );
        assert.equal(first.source_line, '«Хабаршы» агенттігі мына дереккөзге сілтеме жасайды: Wire KZ — https://wire.example.kz/news/1');
        const second = byHeadline.get('Tokayev visits Turkistan')!;
        assert.equal(second.lead, 'Lead of two. click');
        assert.equal(bodyText(parseBody(JSON.parse(second.body))), 'Full text one.\nFull text two.');
        const atom = byHeadline.get('Astana hosts a forum')!;
        assert.equal(atom.edition, 'en');
        assert.equal(atom.lead, 'Forum opens today.');
        assert.equal(bodyText(parseBody(JSON.parse(atom.body))), 'Heading\nBody one.\nBody two.');
        assert.equal(atom.source_line, 'Habarshy cites Agency — https://agency.example.com/a/1');
        assert.equal(
          byHeadline.get('Second entry')!.source_line,
          'Habarshy cites Agency — https://agency.example.com/a/2',
          'the alternate link, not rel=self',
        );
        const revisions = await db.selectFrom('revisions').select('article_id').execute();
        assert.equal(revisions.length, 5, 'each draft has its first revision');
        const items = await db.selectFrom('ingest_items').select(['source_id', 'guid', 'link', 'article_id']).orderBy('guid').execute();
        assert.deepEqual(
          items.filter((i) => i.source_id === rssId).map((i) => [i.guid, i.link]),
          [
            ['https://wire.example.kz/news/2', 'https://wire.example.kz/news/2'],
            ['https://wire.example.kz/news/3', 'https://wire.example.kz/news/3'],
            ['wire-1', 'https://wire.example.kz/news/1'],
          ],
        );
        assert.ok(items.every((i) => i.article_id !== null));

        // Not due yet: nothing is fetched again.
        now += 30_000;
        assert.deepEqual(await pollDueSources(db, { clock, timeoutMs: 1500 }), []);

        // Second poll: an edited item (same guid) and a re-guided one (same link) are not imported again.
        feeds.rssItems = RSS_ITEMS_2;
        now += 31_000;
        const again = await pollDueSources(db, { clock, timeoutMs: 1500 });
        assert.deepEqual(
          again.find((r) => r.sourceId === rssId),
          { sourceId: rssId, imported: 1, error: null },
        );
        assert.deepEqual(
          again.find((r) => r.sourceId === atomId),
          { sourceId: atomId, imported: 0, error: null },
        );
        const headlines = (await db.selectFrom('articles').select('headline').execute()).map((r) => r.headline).sort();
        assert.equal(headlines.length, 6);
        assert.ok(headlines.includes('A fresh item'));
        assert.ok(!headlines.includes('Senate and Mazhilis meet (edited)') && !headlines.includes('Same link, new guid'));

        // The operator sees which sources fail and why.
        const list = habarshy(t, ['sources', 'list']);
        assert.equal(list.code, 0, list.stderr);
        const rows = list.stdout
          .trim()
          .split('\n')
          .slice(1)
          .map((l) => l.split('\t'));
        assert.equal(rows.length, 7);
        const row = (name: string) => rows.find((r) => r[1] === name)!;
        assert.equal(row('Wire KZ')[4], 'saiasat');
        assert.equal(row('Wire KZ')[7], '');
        assert.match(row('Laughs')[7]!, /declares entities/);
        assert.match(row('Missing')[7]!, /HTTP 404/);
        assert.equal(habarshy(t, ['sources', 'remove', String(hostile.laughs)]).code, 0);
        assert.equal(habarshy(t, ['sources', 'list']).stdout.trim().split('\n').length, 7);
      } finally {
        await feeds.close();
        await t.drop();
      }
    });
  });
}
