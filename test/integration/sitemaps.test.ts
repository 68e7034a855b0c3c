// robots.txt and sitemaps through Fastify inject, on SQLite and PostgreSQL: every sitemap the index
// lists is validated by xmllint against the sitemaps.org, Google News, image and XHTML schemas of
// ../shared/schemas/sitemap, then read for hreflang alternates, images and news entries.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { EDITIONS, EDITION_CODES, type EditionCode } from '../../src/editions/editions.ts';
import { NEWS_LANGUAGE, SITEMAP_INDEX_ENTRIES, SITEMAP_PART_URLS, SitemapService } from '../../src/services/sitemaps.ts';
import { dialects } from '../support/databases.ts';
import { bootSite, type TestSite } from '../support/site.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const SCHEMAS = path.resolve(repoRoot, 'test/fixtures/schemas/sitemap');
const BASE = 'https://habarshy.test';
const CYRILLIC = /[\u0400-\u04FF]/;
const OFFSET_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/;

/** Validates a document with xmllint against a schema of the shared folder; returns xmllint's complaint or ''. */
function xmllint(xml: string, schema: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habarshy-sitemap-'));
  const file = path.join(dir, 'doc.xml');
  fs.writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', path.join(SCHEMAS, schema), file], {
      env: { ...process.env, XML_CATALOG_FILES: path.join(SCHEMAS, 'catalog.xml') },
      stdio: 'pipe',
    });
    return '';
  } catch (err) {
    return String((err as { stderr?: Buffer }).stderr ?? err) || 'invalid';
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface UrlEntry {
  loc: string;
  lastmod?: string;
  'xhtml:link'?: { '@_rel': string; '@_hreflang': string; '@_href': string }[];
  'image:image'?: { 'image:loc': string }[];
  'news:news'?: {
    'news:publication': { 'news:name': string; 'news:language': string };
    'news:publication_date': string;
    'news:title': string;
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => ['url', 'sitemap', 'xhtml:link', 'image:image'].includes(name),
});
const urlsOf = (xml: string) => (parser.parse(xml) as { urlset: { url?: UrlEntry[] } }).urlset.url ?? [];

for (const dialect of dialects()) {
  describe(`sitemaps on ${dialect}`, () => {
    let site: TestSite;
    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
    const local = (url: string) => {
      assert.ok(url.startsWith(`${BASE}/`), url);
      return url.slice(BASE.length);
    };
    /** The site's sitemaps with smaller parts or index pages than the real ones (tests of the splitting). */
    const smallSitemaps = (limits: { maxUrls?: number; maxIndexEntries?: number }) =>
      new SitemapService({
        db: site.services.handle.db,
        texts: site.services.texts,
        sections: site.services.sections,
        clock: site.services.clock,
        hosts: site.services.hosts,
        baseUrl: site.config.baseUrl,
        timeZone: site.config.timeZone,
        defaultEdition: site.config.defaultEdition,
        ...limits,
      });
    /** Every sitemap the index lists, fetched and validated: name → entries. */
    const sitemaps = new Map<string, UrlEntry[]>();

    before(async () => {
      assert.ok(
        fs.existsSync(path.join(SCHEMAS, 'catalog.xml')),
        `the sitemap schemas are missing: expected ${SCHEMAS} (shared/ beside the clone, as CI copies it)`,
      );
      site = await bootSite(dialect);
    });
    after(async () => {
      await site.close();
    });

    test('xmllint rejects what the schemas forbid (the validation can fail)', () => {
      const ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"';
      assert.notEqual(
        xmllint(
          `<urlset ${ns}><url><loc>${BASE}/x</loc><news:news><news:title>t</news:title></news:news></url></urlset>`,
          'sitemap-all.xsd',
        ),
        '',
      );
      assert.notEqual(xmllint(`<urlset ${ns}><url><lastmod>yesterday</lastmod></url></urlset>`, 'sitemap-all.xsd'), '');
    });

    test('robots.txt names the sitemap index; the index and every sitemap it lists are valid', async () => {
      const robots = await get('/robots.txt');
      assert.equal(robots.statusCode, 200);
      assert.match(robots.headers['content-type'] as string, /^text\/plain/);
      assert.match(robots.body, /^User-agent: \*$/m);
      assert.match(robots.body, new RegExp(`^Sitemap: ${BASE}/sitemap\\.xml$`, 'm'));

      const index = await get('/sitemap.xml');
      assert.equal(index.statusCode, 200);
      assert.match(index.headers['content-type'] as string, /^application\/xml/);
      assert.equal(xmllint(index.body, 'siteindex.xsd'), '');
      const listed = (parser.parse(index.body) as { sitemapindex: { sitemap: { loc: string; lastmod?: string }[] } }).sitemapindex.sitemap;
      const names = listed.map((s) => s.loc.slice(`${BASE}/sitemaps/`.length));
      for (const code of EDITION_CODES) assert.ok(names.includes(`news-${code}.xml`), code);
      for (const kind of ['sections', 'tags', 'authors']) assert.ok(names.includes(`${kind}.xml`), kind);
      const months = names.filter((n) => n.startsWith('articles-'));
      // One sitemap per edition and month (derived editions too), from the month × edition counts.
      for (const code of EDITION_CODES) assert.ok(months.includes(`articles-${code}-2026-11.xml`), `${code}: ${months.join()}`);
      assert.ok(months.includes('articles-kz-2026-10.xml'), months.join());
      for (const s of listed.filter((x) => x.loc.includes('/articles-'))) assert.match(s.lastmod ?? '', OFFSET_TIME);

      for (const s of listed) {
        const r = await get(local(s.loc));
        assert.equal(r.statusCode, 200, s.loc);
        assert.equal(xmllint(r.body, 'sitemap-all.xsd'), '', s.loc);
        const entries = urlsOf(r.body);
        assert.ok(entries.length > 0 && entries.length <= 50_000, `${s.loc}: ${entries.length} URLs`);
        sitemaps.set(s.loc.slice(`${BASE}/sitemaps/`.length), entries);
      }
    });

    test('article sitemaps: every edition of every story, lastmod, reciprocal hreflang and lead photos', async () => {
      const articles = [...sitemaps].filter(([n]) => n.startsWith('articles-')).flatMap(([, e]) => e);
      const byLoc = new Map(articles.map((u) => [u.loc, u]));
      assert.equal(byLoc.size, articles.length, 'each URL once');
      for (const code of EDITION_CODES) {
        const feed = await get(`/${code}/feed.json`);
        for (const item of (JSON.parse(feed.body) as { items: { url: string }[] }).items)
          assert.ok(byLoc.has(item.url), `${item.url} is in a sitemap`);
      }
      let images = 0;
      for (const u of articles) {
        assert.match(u.lastmod ?? '', OFFSET_TIME, u.loc);
        const links = u['xhtml:link'] ?? [];
        assert.ok(
          links.some((l) => l['@_href'] === u.loc),
          `${u.loc} names itself among its alternates`,
        );
        assert.ok(links.some((l) => l['@_hreflang'] === 'x-default'));
        for (const l of links.filter((x) => x['@_hreflang'] !== 'x-default')) {
          const other = byLoc.get(l['@_href']);
          assert.ok(other, `${l['@_href']} is listed too`);
          assert.ok(
            (other['xhtml:link'] ?? []).some((x) => x['@_href'] === u.loc),
            `${l['@_href']} links back to ${u.loc}`,
          );
          const code = l['@_href'].slice(BASE.length + 1).split('/')[0] as EditionCode;
          assert.equal(l['@_hreflang'], EDITIONS[code].lang);
        }
        images += (u['image:image'] ?? []).length;
      }
      assert.ok(images > 0, 'lead photos are listed');
      const kz = articles.find((u) => u.loc.startsWith(`${BASE}/kz/news/`) && (u['xhtml:link'] ?? []).length > 4)!;
      const langs = (kz['xhtml:link'] ?? []).map((l) => l['@_hreflang']);
      for (const lang of ['kk-Cyrl', 'kk-Latn', 'kk-Arab']) assert.ok(langs.includes(lang), `a kz story has its derived editions: ${lang}`);
      const image = articles.find((u) => u.loc.includes('/tote/') && u['image:image'])!['image:image']![0]!['image:loc'];
      assert.equal((await get(local(image))).statusCode, 200, image);
      for (const u of articles.filter((x) => x.loc.includes('/qz/')).slice(0, 3))
        assert.equal((await get(local(u.loc))).statusCode, 200, u.loc);
    });

    test('sections, tags and authors sitemaps list pages that exist, with alternates', async () => {
      for (const name of ['sections.xml', 'tags.xml', 'authors.xml']) {
        const entries = sitemaps.get(name)!;
        for (const code of EDITION_CODES)
          assert.ok(
            entries.some((u) => u.loc.startsWith(`${BASE}/${code}/`)),
            `${name} has ${code}`,
          );
        for (const u of entries.filter((_, i) => i % 7 === 0)) {
          assert.equal((await get(local(u.loc))).statusCode, 200, u.loc);
          assert.ok((u['xhtml:link'] ?? []).some((l) => l['@_href'] === u.loc));
        }
      }
    });

    test('Google News sitemaps: the last two days of each edition, publication name and language', async () => {
      for (const code of EDITION_CODES) {
        const entries = sitemaps.get(`news-${code}.xml`)!;
        assert.ok(entries.length > 0 && entries.length <= 1000, `${code}: ${entries.length}`);
        const strings = site.services.texts.get(code).strings;
        for (const u of entries) {
          assert.ok(u.loc.startsWith(`${BASE}/${code}/news/`), u.loc);
          const news = u['news:news']!;
          assert.equal(news['news:publication']['news:name'], strings.siteName);
          assert.equal(news['news:publication']['news:language'], NEWS_LANGUAGE[code]);
          const when = Date.parse(news['news:publication_date']);
          assert.match(news['news:publication_date'], OFFSET_TIME);
          assert.ok(when <= site.now.getTime() && when >= site.now.getTime() - 2 * 86_400_000, news['news:publication_date']);
          assert.ok(news['news:title'].length > 0);
          if (EDITIONS[code].kind === 'derived') assert.doesNotMatch(news['news:title'] + strings.siteName, CYRILLIC);
        }
      }
      assert.deepEqual([...new Set(EDITION_CODES.map((c) => NEWS_LANGUAGE[c]))].sort(), ['en', 'kk', 'ru', 'uz', 'zh-cn']);
    });

    test('a month past the URL limit is split into parts that together list it once', async () => {
      const small = smallSitemaps({ maxUrls: 6 });
      const index = (await small.index())!;
      assert.equal(xmllint(index.xml, 'siteindex.xsd'), '');
      const parts = [...index.xml.matchAll(/sitemaps\/(articles-en-2026-11(?:-(\d+))?\.xml)/g)];
      assert.ok(parts.length > 2, `${parts.length} parts`);
      const locs: string[] = [];
      for (const [, , n] of parts) {
        const doc = await small.articles('en', '2026-11', n ? Number(n) : 1);
        assert.ok(doc);
        assert.equal(xmllint(doc.xml, 'sitemap-all.xsd'), '');
        const entries = urlsOf(doc.xml);
        assert.ok(entries.length <= 6, `${entries.length} URLs`);
        locs.push(...entries.map((u) => u.loc));
      }
      assert.equal(await small.articles('en', '2026-11', parts.length + 1), null);
      assert.deepEqual(
        locs.sort(),
        sitemaps
          .get('articles-en-2026-11.xml')!
          .map((u) => u.loc)
          .sort(),
      );
    });

    test('the index in pages lists every sitemap once, in the same order as one index of everything', async () => {
      const service = (maxIndexEntries: number) => smallSitemaps({ maxUrls: 6, maxIndexEntries });
      const locsOf = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
      const whole = locsOf((await service(50_000).index(1))!.xml);
      assert.ok(whole.length > 20, `${whole.length} entries`);
      for (const per of [1, 7, 13]) {
        const paged = service(per);
        const pages = Math.ceil(whole.length / per);
        const seen: string[] = [];
        for (let page = 1; page <= pages; page++) {
          const doc = await paged.index(page);
          assert.ok(doc, `page ${page} of ${pages}`);
          assert.equal(xmllint(doc.xml, 'siteindex.xsd'), '', `page ${page}`);
          const locs = locsOf(doc.xml);
          assert.ok(locs.length > 0 && locs.length <= per, `page ${page}: ${locs.length}`);
          seen.push(...locs);
        }
        assert.deepEqual(seen, whole, `pages of ${per}`);
        assert.equal(await paged.index(pages + 1), null);
        const robots = await paged.robots();
        const named = [...robots.matchAll(/^Sitemap: (.+)$/gm)].map((m) => m[1]);
        assert.deepEqual(named, [
          `${BASE}/sitemap.xml`,
          ...Array.from({ length: pages - 1 }, (_, i) => `${BASE}/sitemaps/index-${i + 2}.xml`),
        ]);
      }
      for (const page of [0, -1, 1.5, Number.NaN]) assert.equal(await service(7).index(page), null, String(page));
    });

    test('sitemaps answer If-None-Match with 304; unknown names are 404', async () => {
      const first = await get('/sitemaps/articles-en-2026-11.xml');
      assert.equal((await get('/sitemaps/articles-en-2026-11.xml', { 'if-none-match': first.headers.etag as string })).statusCode, 304);
      // The names of the monthly sitemaps before they were split by edition lead to the index.
      for (const url of ['/sitemaps/articles-2026-11.xml', '/sitemaps/articles-2026-11-2.xml']) {
        const r = await get(url);
        assert.equal(r.statusCode, 301, url);
        assert.equal(r.headers.location, '/sitemap.xml');
      }
      for (const url of [
        '/sitemaps/articles-en-2026-13.xml',
        '/sitemaps/articles-en-1999-01.xml',
        '/sitemaps/articles-en-2026-11-1.xml',
        '/sitemaps/articles-en-2026-11-9.xml',
        '/sitemaps/articles-xx-2026-11.xml',
        '/sitemaps/news-xx.xml',
        '/sitemaps/other.xml',
        '/sitemaps/..%2Fsitemap.xml',
      ]) {
        const r = await get(url);
        assert.equal(r.statusCode, 404, url);
        // A sitemap URL answers in XML, errors included (a crawler reading XML got JSON before).
        assert.match(String(r.headers['content-type']), /^application\/xml/, url);
        assert.equal(new XMLParser().parse(r.body).error.code, 'NOT_FOUND', url);
      }
    });

    test("publishing and unpublishing refresh the cached sitemaps of the month, of the story's other editions and the index", async () => {
      const db = site.services.handle.db;
      // A kz article of a story also told in en: unpublishing it changes the kz, qz and tote parts and the en part's alternates.
      const pair = await db
        .selectFrom('articles as k')
        .innerJoin('articles as e', 'e.story_id', 'k.story_id')
        .select(['k.id as kzId', 'k.public_id as kzPublic', 'k.published_at as kzAt', 'e.public_id as enPublic', 'e.published_at as enAt'])
        .where('k.edition', '=', 'kz')
        .where('e.edition', '=', 'en')
        .where('k.status', '=', 'published')
        .where('e.status', '=', 'published')
        .orderBy('k.published_at', 'desc')
        .executeTakeFirstOrThrow();
      const kzPart = `/sitemaps/articles-qz-${pair.kzAt!.slice(0, 7)}.xml`;
      const enPart = `/sitemaps/articles-en-${pair.enAt!.slice(0, 7)}.xml`;
      const before = { kz: (await get(kzPart)).body, en: (await get(enPart)).body, index: (await get('/sitemap.xml')).body };
      assert.ok(before.kz.includes(pair.kzPublic) && before.en.includes(`/qz/news/`) && before.en.includes(pair.kzPublic));
      await site.services.publishing.unpublish(pair.kzId);
      try {
        const kz = await get(kzPart);
        if (kz.statusCode === 200) assert.ok(!kz.body.includes(pair.kzPublic), 'gone from its own month');
        else assert.equal(kz.statusCode, 404);
        const en = (await get(enPart)).body;
        assert.ok(en.includes(pair.enPublic) && !en.includes(pair.kzPublic), "gone from the alternates of the story's en entry");
      } finally {
        await site.services.publishing.publish(pair.kzId);
      }
      assert.ok((await get(kzPart)).body.includes(pair.kzPublic), 'back after publishing again');
      assert.ok((await get(enPart)).body.includes(pair.kzPublic));
    });

    test('a month of thousands of articles is split in parts of SITEMAP_PART_URLS, each with a Surrogate-Key under 8 KB that a publish in its month still purges', async () => {
      const db = site.services.handle.db;
      const section = await db.selectFrom('section_names').select('section_id').where('edition', '=', 'ru').executeTakeFirstOrThrow();
      const month = '2024-02';
      const stories = await db
        .insertInto('stories')
        .values(Array.from({ length: 3000 }, () => ({ created_at: `${month}-10T00:00:00.000Z` })))
        .returning('id')
        .execute()
        .catch(async () => {
          const ids: { id: number }[] = [];
          for (let i = 0; i < 3000; i += 500) {
            ids.push(
              ...(await db
                .insertInto('stories')
                .values(Array.from({ length: 500 }, () => ({ created_at: `${month}-10T00:00:00.000Z` })))
                .returning('id')
                .execute()),
            );
          }
          return ids;
        });
      for (let i = 0; i < stories.length; i += 200) {
        await db
          .insertInto('articles')
          .values(
            stories.slice(i, i + 200).map(({ id }, j) => {
              const at = new Date(Date.UTC(2024, 1, 1 + ((i + j) % 28), 8, 0, (i + j) % 60)).toISOString();
              return {
                public_id: `z${String(id).padStart(5, '0')}`,
                story_id: id,
                edition: 'ru',
                section_id: section.section_id,
                status: 'published' as const,
                slug: `mnogo-${id}`,
                headline: 'h',
                lead: 'l',
                body: '{"version":1,"blocks":[]}',
                body_version: 1,
                created_at: at,
                modified_at: at,
                published_at: at,
              };
            }),
          )
          .execute();
      }
      const url = `/sitemaps/articles-ru-${month}.xml`;
      const parts = 3000 / SITEMAP_PART_URLS;
      const partUrl = (p: number) => (p === 1 ? url : url.replace('.xml', `-${p}.xml`));
      /** Every URL of the month's parts, each part as big as the protocol and the bound allow. */
      const monthUrls = async () => {
        const all: string[] = [];
        for (let p = 1; p <= parts + 1; p++) {
          const part = await get(partUrl(p));
          if (part.statusCode === 404) break;
          assert.equal(part.statusCode, 200, partUrl(p));
          const urls = urlsOf(part.body);
          assert.ok(urls.length <= SITEMAP_PART_URLS, `${partUrl(p)}: ${urls.length} URLs`);
          all.push(...urls.map((u) => String(u.loc)));
        }
        return all;
      };
      const r = await get(url);
      assert.equal(r.statusCode, 200);
      assert.equal(urlsOf(r.body).length, SITEMAP_PART_URLS, 'a full first part');
      const all = await monthUrls();
      assert.equal(all.length, 3000);
      assert.equal(new Set(all).size, 3000, 'no article in two parts');
      for (const [name, value] of Object.entries(r.headers))
        assert.ok(`${name}: ${String(value)}`.length < 8192, `${name} is ${String(value).length} bytes`);
      const key = String(r.headers['surrogate-key']);
      assert.ok(key.length < 8192, `${key.length} bytes`);
      const index = (parser.parse((await get('/sitemap.xml')).body) as { sitemapindex: { sitemap: { loc: string }[] } }).sitemapindex
        .sitemap;
      for (let p = 1; p <= parts; p++)
        assert.ok(
          index.some((s) => s.loc.endsWith(partUrl(p))),
          `the index lists part ${p} of the month (from the counts)`,
        );
      assert.ok(!index.some((s) => s.loc.endsWith(partUrl(parts + 1))), 'and no part past the end');
      // The purge of a change in that month names a key the sitemap carries.
      const target = await db
        .selectFrom('articles')
        .select(['id', 'public_id'])
        .where('slug', '=', `mnogo-${stories[0]!.id}`)
        .executeTakeFirstOrThrow();
      await site.services.publishing.unpublish(target.id);
      const left = await monthUrls();
      assert.equal(left.length, 2999);
      assert.ok(!left.some((u) => u.includes(target.public_id)));
    });
    test('an archive of years is indexed in pages of SITEMAP_INDEX_ENTRIES that robots.txt names, and a publish that adds a page updates robots.txt', async () => {
      const db = site.services.handle.db;
      const robotsPages = async () => {
        const r = await get('/robots.txt');
        assert.equal(r.statusCode, 200);
        assert.match(String(r.headers['content-type']), /^text\/plain/);
        return [...r.body.matchAll(/^Sitemap: (.+)$/gm)].map((m) => local(m[1]!));
      };
      const pagesBefore = await robotsPages();
      const entriesBefore: string[] = [];
      for (const p of pagesBefore)
        entriesBefore.push(
          ...(parser.parse((await get(p)).body) as { sitemapindex: { sitemap: { loc: string }[] } }).sitemapindex.sitemap.map((s) => s.loc),
        );
      // Eight years of every written edition, one article a month each: 8 sitemaps a month (kz also
      // as qz and ق ز, uz also in Latin), enough to pass one page of the index.
      const months = Array.from({ length: 96 }, (_, i) => `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
      const written = ['kz', 'ru', 'en', 'cn', 'uz'] as const;
      assert.ok(entriesBefore.length + months.length * 8 > SITEMAP_INDEX_ENTRIES, 'the archive passes one page');
      const stories = await db
        .insertInto('stories')
        .values(months.map((m) => ({ created_at: `${m}-10T00:00:00.000Z` })))
        .returning('id')
        .execute();
      const sections = await db.selectFrom('section_names').select(['section_id', 'edition']).execute();
      const rows = stories.flatMap(({ id }, i) =>
        written.map((edition) => {
          const at = `${months[i]}-15T06:00:00.000Z`;
          return {
            public_id: `y${edition}${String(id).padStart(5, '0')}`,
            story_id: id,
            edition,
            section_id: sections.find((s) => s.edition === edition)!.section_id,
            status: 'published' as const,
            slug: `archive-${edition}-${id}`,
            headline: 'h',
            lead: 'l',
            body: '{"version":1,"blocks":[]}',
            body_version: 1,
            created_at: at,
            modified_at: at,
            published_at: at,
          };
        }),
      );
      for (let i = 0; i < rows.length; i += 100)
        await db
          .insertInto('articles')
          .values(rows.slice(i, i + 100))
          .execute();
      assert.deepEqual(await robotsPages(), pagesBefore, 'robots.txt is kept in the cache until a change reaches the index');
      // A change of visibility drops the index's cache tag, robots.txt's among them.
      const one = await db.selectFrom('articles').select('id').where('public_id', '=', rows[0]!.public_id).executeTakeFirstOrThrow();
      await site.services.publishing.unpublish(one.id);
      await site.services.publishing.publish(one.id);

      const pages = await robotsPages();
      assert.equal(pages[0], '/sitemap.xml');
      assert.ok(pages.length > pagesBefore.length, `${pages.join()}`);
      assert.deepEqual(
        pages.slice(1),
        Array.from({ length: pages.length - 1 }, (_, i) => `/sitemaps/index-${i + 2}.xml`),
      );
      const all: { loc: string; lastmod?: string }[] = [];
      for (const [n, p] of pages.entries()) {
        const r = await get(p);
        assert.equal(r.statusCode, 200, p);
        assert.match(String(r.headers['content-type']), /^application\/xml/);
        assert.equal(xmllint(r.body, 'siteindex.xsd'), '', p);
        const listed = (parser.parse(r.body) as { sitemapindex: { sitemap: { loc: string; lastmod?: string }[] } }).sitemapindex.sitemap;
        if (n < pages.length - 1) assert.equal(listed.length, SITEMAP_INDEX_ENTRIES, `${p} is full`);
        else assert.ok(listed.length > 0 && listed.length <= SITEMAP_INDEX_ENTRIES, `${p}: ${listed.length}`);
        all.push(...listed);
      }
      const names = all.map((s) => s.loc.slice(`${BASE}/sitemaps/`.length));
      assert.equal(new Set(names).size, names.length, 'no sitemap on two pages');
      // The News sitemaps and the newest months first, where a crawler that reads one page finds them.
      assert.deepEqual(
        names.slice(0, EDITION_CODES.length),
        EDITION_CODES.map((c) => `news-${c}.xml`),
      );
      const monthOf = (name: string) => /-(\d{4}-\d{2})(?:-\d+)?\.xml$/.exec(name)?.[1] ?? '';
      const articleMonths = names.filter((n) => n.startsWith('articles-')).map(monthOf);
      assert.deepEqual(articleMonths, [...articleMonths].sort().reverse(), 'newest month first, across pages');
      for (const m of months) for (const code of EDITION_CODES) assert.ok(names.includes(`articles-${code}-${m}.xml`), `${code} ${m}`);
      for (const s of entriesBefore)
        assert.ok(
          all.some((x) => x.loc === s),
          `${s} still listed`,
        );
      // Every listed sitemap of the archive answers (one month of each edition read through).
      for (const code of EDITION_CODES) {
        const r = await get(`/sitemaps/articles-${code}-2016-03.xml`);
        assert.equal(r.statusCode, 200, code);
        assert.equal(urlsOf(r.body).length, 1, code);
      }
      for (const url of [
        '/sitemaps/index-1.xml',
        `/sitemaps/index-${pages.length + 1}.xml`,
        '/sitemaps/index-0.xml',
        '/sitemaps/index-02.xml',
        '/sitemaps/index-9999999.xml',
      ])
        assert.equal((await get(url)).statusCode, 404, url);
      // Every edition host's robots.txt names the same pages, on BASE_URL's host.
      const kzRobots = await site.app.inject({ method: 'GET', url: '/robots.txt', headers: { host: 'kz.example.test' } });
      assert.equal(kzRobots.statusCode, 200);
      assert.deepEqual(
        [...kzRobots.body.matchAll(/^Sitemap: (.+)$/gm)].map((m) => local(m[1]!)),
        pages,
      );
    });
  });
}
