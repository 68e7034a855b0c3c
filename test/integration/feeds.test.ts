// Feeds through Fastify inject, on SQLite and PostgreSQL: RSS 2.0 and Atom read by rss-parser, JSON
// Feed 1.1 by JSON.parse, for written and derived editions, sections, tags and authors; stable ids
// across an edit, enclosures, languages, discovery links, conditional GET and bad input.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { EDITIONS, EDITION_CODES, type EditionCode } from '../../src/editions/editions.ts';
import { fill } from '../../src/editions/uiStrings.ts';
import { dialects } from '../support/databases.ts';
import { signedIn, textBody } from '../support/newsroom.ts';
import { bootSite, dom, SHARED_DATA_DIR, type TestSite } from '../support/site.ts';

const CYRILLIC = /[\u0400-\u04FF]/;
const GUID = /^tag:habarshy,\d{4}-\d{2}-\d{2}:([a-z-]+)\/([0-9a-f]{6})$/;
const BASE = 'https://habarshy.test';

type RssItem = Parser.Item & {
  creator?: string;
  id?: string;
  links?: { $: Record<string, string> }[];
  updated?: string;
  published?: string;
  'content:encoded'?: string;
};
const parser = new Parser<{ language?: string; id?: string }, RssItem>({
  customFields: { feed: ['language', 'id'], item: [['link', 'links', { keepArray: true }], 'updated', 'published', 'id'] },
});
/** Category names: rss-parser gives `{_: name, $: {domain}}` when the category has a domain. */
const categories = (item: Parser.Item): string[] =>
  (item.categories ?? []).map((c: unknown) => (typeof c === 'string' ? c : (c as { _: string })._));
const decodeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

interface JsonFeed {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  authors: { name: string; url: string }[];
  items: {
    id: string;
    url: string;
    title: string;
    summary: string;
    content_html?: string;
    content_text?: string;
    date_published: string;
    date_modified: string;
    authors: { name: string; url: string }[];
    tags: string[];
    attachments?: { url: string; mime_type: string; size_in_bytes: number }[];
  }[];
}

for (const dialect of dialects()) {
  describe(`feeds on ${dialect}`, () => {
    let site: TestSite;
    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
    const local = (url: string) => {
      assert.ok(url.startsWith(`${BASE}/`), url);
      return url.slice(BASE.length);
    };
    const rss = async (url: string) => {
      const r = await get(url);
      assert.equal(r.statusCode, 200, url);
      assert.match(r.headers['content-type'] as string, /^application\/rss\+xml/);
      return parser.parseString(r.body);
    };
    const atom = async (url: string) => {
      const r = await get(url);
      assert.equal(r.statusCode, 200, url);
      assert.match(r.headers['content-type'] as string, /^application\/atom\+xml/);
      return parser.parseString(r.body);
    };
    const json = async (url: string) => {
      const r = await get(url);
      assert.equal(r.statusCode, 200, url);
      assert.match(r.headers['content-type'] as string, /^application\/feed\+json/);
      return JSON.parse(r.body) as JsonFeed;
    };
    const strings = (code: EditionCode) => site.services.texts.get(code).strings;
    const publicIdOf = (url: string) => /-([0-9a-f]{6})$/.exec(url)?.[1];

    before(async () => {
      site = await bootSite(dialect);
    });
    after(async () => {
      await site.close();
    });

    for (const code of EDITION_CODES) {
      test(`${code}: RSS, Atom and JSON Feed of the edition agree, in ${EDITIONS[code].lang}`, async () => {
        const title = `${strings(code).siteName} — ${strings(code).latest}`;
        const [r, a, j] = await Promise.all([rss(`/${code}/rss.xml`), atom(`/${code}/atom.xml`), json(`/${code}/feed.json`)]);

        assert.equal(r.title, title);
        assert.equal(r.language, EDITIONS[code].lang);
        assert.equal(r.link, `${BASE}/${code}/`);
        assert.equal(r.feedUrl, `${BASE}/${code}/rss.xml`);
        assert.ok(r.items.length >= 10 && r.items.length <= 50, `${r.items.length} items`);
        let previous = Infinity;
        for (const item of r.items) {
          const m = GUID.exec(item.guid ?? '');
          assert.ok(m, item.guid);
          assert.equal(m[1], code);
          assert.equal(m[2], publicIdOf(item.link ?? ''), 'the guid names the article');
          assert.ok(item.link!.startsWith(`${BASE}/${code}/news/`), item.link);
          const when = Date.parse(item.isoDate ?? '');
          assert.ok(when <= site.now.getTime() && when <= previous, `${item.isoDate} newest first, not in the future`);
          previous = when;
          assert.ok(item.title && item.contentSnippet, 'title and summary');
          assert.match(item['content:encoded'] ?? '', /<p>/, 'full text');
          assert.ok(item.creator, 'dc:creator');
          assert.ok(categories(item).length >= 1, 'section and tags');
        }
        assert.equal(new Set(r.items.map((i) => i.guid)).size, r.items.length, 'guids are unique');
        const withPhoto = r.items.find((i) => i.enclosure);
        assert.ok(withPhoto, 'lead photos are enclosed');
        assert.equal(withPhoto.enclosure!.type, 'image/webp');
        assert.match(withPhoto.enclosure!.url, /-1200\.webp$/);
        const file = path.join(SHARED_DATA_DIR, 'media', path.basename(withPhoto.enclosure!.url));
        assert.equal(Number(withPhoto.enclosure!.length), fs.statSync(file).size, 'enclosure length is the file size');
        assert.equal((await get(local(withPhoto.enclosure!.url))).statusCode, 200);
        for (const item of r.items.slice(0, 3)) assert.equal((await get(local(item.link!))).statusCode, 200, item.link);

        assert.equal(a.title, title);
        assert.equal(a.id, `${BASE}/${code}/`);
        assert.equal(a.feedUrl, `${BASE}/${code}/atom.xml`);
        assert.deepEqual(
          a.items.map((i) => i.id),
          r.items.map((i) => i.guid),
          'Atom ids are the RSS guids',
        );
        assert.deepEqual(
          a.items.map((i) => i.link),
          r.items.map((i) => i.link),
        );
        assert.deepEqual(
          a.items.map((i) => decodeHtml(i.title ?? '')),
          r.items.map((i) => i.title),
        );
        for (const entry of a.items) {
          assert.ok(Date.parse(entry.updated!) >= Date.parse(entry.published!), 'updated is not before published');
          assert.ok(entry.content?.includes('<p>'), 'full text');
        }
        const enclosure = a.items.flatMap((i) => i.links ?? []).find((l) => l.$['rel'] === 'enclosure');
        assert.equal(enclosure?.$['type'], 'image/webp');
        assert.ok(Number(enclosure?.$['length']) > 0);

        assert.equal(j.version, 'https://jsonfeed.org/version/1.1');
        assert.equal(j.title, title);
        assert.equal(j.language, EDITIONS[code].lang);
        assert.equal(j.home_page_url, `${BASE}/${code}/`);
        assert.equal(j.feed_url, `${BASE}/${code}/feed.json`);
        assert.equal(j.authors[0]?.name, strings(code).siteName);
        assert.deepEqual(
          j.items.map((i) => i.id),
          r.items.map((i) => i.guid),
        );
        assert.deepEqual(
          j.items.map((i) => i.title),
          r.items.map((i) => i.title),
        );
        for (const item of j.items) {
          assert.match(item.date_published, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/);
          assert.ok(Date.parse(item.date_modified) >= Date.parse(item.date_published));
          assert.ok(item.content_html?.includes('<p>'));
          assert.ok(item.authors.length >= 1 && item.authors.every((x) => x.url.startsWith(`${BASE}/${code}/author/`)));
        }
        const attachment = j.items.find((i) => i.attachments)?.attachments?.[0];
        assert.equal(attachment?.mime_type, 'image/webp');
        assert.ok((attachment?.size_in_bytes ?? 0) > 0);

        if (EDITIONS[code].kind === 'derived') {
          const texts = [
            r.title ?? '',
            ...r.items.flatMap((i) => [i.title ?? '', i.contentSnippet ?? '', i.creator ?? '', ...categories(i)]),
            ...j.items.map((i) => i.content_html ?? ''),
          ];
          for (const t of texts) assert.doesNotMatch(t, CYRILLIC, t.slice(0, 80));
        }
      });
    }

    for (const code of ['kz', 'qz', 'tote', 'cn', 'en'] as const) {
      test(`${code}: section, tag and author feeds list their own articles and are announced on their pages`, async () => {
        const home = dom((await get(`/${code}/`)).body);
        const announced = (d: Document, type: string) => d.querySelector(`link[rel="alternate"][type="${type}"]`)?.getAttribute('href');
        assert.equal(announced(home, 'application/rss+xml'), `${BASE}/${code}/rss.xml`);
        assert.equal(announced(home, 'application/atom+xml'), `${BASE}/${code}/atom.xml`);
        assert.equal(announced(home, 'application/feed+json'), `${BASE}/${code}/feed.json`);
        assert.equal(announced(dom((await get(`/${code}/latest`)).body), 'application/rss+xml'), `${BASE}/${code}/rss.xml`);

        const sectionHref = home.querySelector('nav.sections a')!.getAttribute('href')!;
        const sectionPage = dom((await get(sectionHref)).body);
        const sectionName = sectionPage.querySelector('h1')!.textContent!.trim();
        const sectionRss = announced(sectionPage, 'application/rss+xml')!;
        assert.equal(sectionRss, `${BASE}${sectionHref}rss.xml`);
        const sr = await rss(local(sectionRss));
        assert.equal(sr.title, `${sectionName} — ${strings(code).siteName}`);
        assert.equal(sr.language, EDITIONS[code].lang);
        assert.ok(sr.items.length > 0);
        for (const item of sr.items) assert.equal(categories(item)[0], sectionName, 'every item is of the section');
        const sa = await atom(local(announced(sectionPage, 'application/atom+xml')!));
        assert.deepEqual(
          sa.items.map((i) => i.id),
          sr.items.map((i) => i.guid),
        );

        const articleHref = home.querySelector('main a[href*="/news/"]')!.getAttribute('href')!;
        const article = dom((await get(articleHref)).body);
        const tagLink = article.querySelector('nav.tags a')!;
        const tagPage = dom((await get(tagLink.getAttribute('href')!)).body);
        const tagName = tagLink.textContent!.trim();
        const tr = await rss(local(announced(tagPage, 'application/rss+xml')!));
        assert.equal(tr.title, `${fill(strings(code).tagTitle, { tag: tagName })} — ${strings(code).siteName}`);
        assert.ok(tr.items.length > 0);
        for (const item of tr.items) assert.ok(categories(item).includes(tagName), `${item.link} has the tag ${tagName}`);
        assert.equal((await atom(local(announced(tagPage, 'application/atom+xml')!))).items.length, tr.items.length);

        const authorHref = article.querySelector('.author-card a')!.getAttribute('href')!;
        const authorPage = dom((await get(authorHref)).body);
        const authorName = authorPage.querySelector('h1')!.textContent!.trim();
        const ar = await rss(local(announced(authorPage, 'application/rss+xml')!));
        assert.equal(ar.title, `${fill(strings(code).articlesBy, { name: authorName })} — ${strings(code).siteName}`);
        assert.ok(ar.items.length > 0);
        const authorAtom = await atom(local(announced(authorPage, 'application/atom+xml')!));
        assert.equal(authorAtom.items.length, ar.items.length);
        for (const item of ar.items) assert.ok(item.creator?.includes(authorName), `${item.link} is by ${authorName}`);
      });
    }

    test('an edited headline keeps every id; hostile text survives RSS, Atom and JSON intact', async () => {
      const before = await rss('/kz/rss.xml');
      const first = before.items[0]!;
      const publicId = publicIdOf(first.link!)!;
      const derivedBefore = (await rss('/qz/rss.xml')).items[0]!;
      const db = site.database.handle.db;
      const row = await db.selectFrom('articles').select(['id']).where('public_id', '=', publicId).executeTakeFirstOrThrow();
      const hostile = 'Жаңа ]]> тақырып <b>&amp;</b> "тырнақша" ]]> \u0001соңы';
      await db
        .updateTable('articles')
        .set({ headline: hostile, updated_at: new Date(site.now.getTime() - 60_000).toISOString() })
        .where('id', '=', row.id)
        .execute();
      site.services.invalidate([`a${row.id}`]);
      try {
        const after = await rss('/kz/rss.xml');
        const item = after.items.find((i) => i.guid === first.guid);
        assert.ok(item, 'the same guid');
        assert.equal(item.link, first.link);
        assert.equal(item.title, hostile.replace('\u0001', ''));
        const a = (await atom('/kz/atom.xml')).items.find((i) => i.id === first.guid);
        assert.equal(decodeHtml(a?.title ?? ''), hostile.replace('\u0001', ''));
        assert.ok(Date.parse(a!.updated!) > Date.parse(a!.published!), 'Atom updated moves with the edit');
        const j = (await json('/kz/feed.json')).items.find((i) => i.id === first.guid);
        assert.equal(j?.title, hostile, 'JSON carries every character');
        const derived = (await rss('/qz/rss.xml')).items.find((i) => i.guid === derivedBefore.guid);
        assert.ok(derived, 'the derived edition keeps its guid');
        assert.doesNotMatch(derived.title ?? '', CYRILLIC);
      } finally {
        await db.updateTable('articles').set({ headline: first.title!, updated_at: null }).where('id', '=', row.id).execute();
        site.services.invalidate([`a${row.id}`]);
      }
    });

    test('a headline and lead with markup characters are text in RSS, Atom and JSON Feed, never elements', async () => {
      const first = (await rss('/kz/rss.xml')).items[0]!;
      const publicId = publicIdOf(first.link!)!;
      const db = site.database.handle.db;
      const row = await db.selectFrom('articles').select(['id', 'lead']).where('public_id', '=', publicId).executeTakeFirstOrThrow();
      const headline = 'a<b & "c"';
      const lead = 'Жаңалық <img src=x onerror=alert(1)> және a<b & "c" </description> ]]> соңы';
      /** The elements and the text an HTML reader gets from a fragment. */
      const asHtml = (html: string) => {
        const body = dom(`<!doctype html><html><body>${html}</body></html>`).body;
        return { elements: body.querySelectorAll('*').length, text: body.textContent };
      };
      await db
        .updateTable('articles')
        .set({ headline, lead, updated_at: new Date(site.now.getTime() - 60_000).toISOString() })
        .where('id', '=', row.id)
        .execute();
      site.services.invalidate([`a${row.id}`]);
      try {
        const raw = (await get('/kz/rss.xml')).body;
        assert.doesNotMatch(raw, /<img src=x/i, 'no element in the RSS text');
        const r = (await rss('/kz/rss.xml')).items.find((i) => i.guid === first.guid)!;
        assert.equal(r.title, headline, 'the RSS title is the headline as text');
        assert.deepEqual(asHtml(r.content ?? ''), { elements: 0, text: lead }, 'the RSS description, read as HTML, is the lead as text');
        assert.equal(r.contentSnippet, lead);
        const a = (await atom('/kz/atom.xml')).items.find((i) => i.id === first.guid) as Parser.Item & { summary?: string };
        assert.deepEqual(asHtml(a.title ?? ''), { elements: 0, text: headline }, 'the Atom title (type html) is the headline as text');
        assert.deepEqual(asHtml(a.summary ?? ''), { elements: 0, text: lead }, 'the Atom summary (type html) is the lead as text');
        const j = (await json('/kz/feed.json')).items.find((i) => i.id === first.guid)!;
        assert.equal(j.title, headline);
        assert.equal(j.summary, lead);
        assert.doesNotMatch(j.content_html ?? '', /<img[^>]*onerror/i);
      } finally {
        await db
          .updateTable('articles')
          .set({ headline: first.title!, lead: row.lead, updated_at: null })
          .where('id', '=', row.id)
          .execute();
        site.services.invalidate([`a${row.id}`]);
      }
    });

    test('conditional GET: ETag and Last-Modified answer 304', async () => {
      for (const url of ['/kz/rss.xml', '/en/atom.xml', '/tote/feed.json']) {
        const first = await get(url);
        const etag = first.headers.etag as string;
        const lastModified = first.headers['last-modified'] as string;
        assert.ok(etag && lastModified, url);
        assert.match(first.headers['cache-control'] as string, /max-age=\d+/);
        assert.equal((await get(url, { 'if-none-match': etag })).statusCode, 304);
        assert.equal((await get(url, { 'if-modified-since': lastModified })).statusCode, 304);
        assert.equal((await get(url, { 'if-modified-since': new Date(Date.parse(lastModified) - 60_000).toUTCString() })).statusCode, 200);
        assert.equal(
          (await get(url, { 'if-none-match': '"other"', 'if-modified-since': lastModified })).statusCode,
          200,
          'If-None-Match wins',
        );
        const gz = await get(url, { 'accept-encoding': 'gzip' });
        assert.equal(gz.headers['content-encoding'], 'gzip');
      }
    });

    test("unknown editions, sections, tags and authors: 404 with the error envelope in the feed's format (XML for RSS and Atom, JSON for JSON Feed)", async () => {
      const xmlError = new XMLParser();
      for (const url of [
        '/zz/rss.xml',
        '/kz/no-such-section/rss.xml',
        '/kz/tag/no-such-tag/atom.xml',
        '/kz/author/nobody/rss.xml',
        '/kz/tag/BAD%20SLUG/rss.xml',
        '/zz/atom.xml',
      ]) {
        const r = await get(url);
        assert.equal(r.statusCode, 404, url);
        assert.match(String(r.headers['content-type']), /^application\/xml/, url);
        assert.equal(xmlError.parse(r.body).error.code, 'NOT_FOUND', url);
      }
      for (const url of ['/zz/feed.json']) {
        const r = await get(url);
        assert.equal(r.statusCode, 404, url);
        assert.match(String(r.headers['content-type']), /^application\/json/, url);
        assert.equal(JSON.parse(r.body).error.code, 'NOT_FOUND', url);
      }
      assert.equal((await get('/kz/news/atom.xml')).statusCode, 404);
    });

    test('tag and author names with markup characters and literal entities are exact text in RSS and Atom: channel titles, dc:creator, authors, categories', async () => {
      // `&amp;amp;` typed as such must read `&amp;amp;` after one level of XML decoding (the feed
      // package's writer unescaped `&amp;` first and lost a level); `<` in an Atom category term was
      // written as a fullwidth `＜`.
      const name = 'x &amp;amp; y a<b c>d "q" \'s\' &lt;i&gt; &#60; ]]> Exactword';
      const chief = await signedIn(site, 'chief');
      const tag = (await chief.post('/api/newsroom/tags', { names: { en: { name } } })).json();
      const author = (await chief.post('/api/newsroom/authors', { names: { en: { name } } })).json();
      const sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow())
        .id;
      let a = (
        await chief.post('/api/newsroom/articles', { body: textBody(), edition: 'en', sectionId, headline: 'Exact names in feeds' })
      ).json();
      const saved = await chief.put(`/api/newsroom/articles/${a.id}`, {
        revision: a.revision,
        lead: 'Names.',
        tagIds: [tag.id],
        authorIds: [author.id],
      });
      assert.equal(saved.statusCode, 200, saved.body);
      a = saved.json();
      const published = await chief.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision });
      assert.equal(published.statusCode, 200, published.body);
      const strict = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '@_',
        parseTagValue: false,
        trimValues: false,
        htmlEntities: false,
        isArray: (n) => ['item', 'entry', 'category', 'dc:creator', 'author'].includes(n),
      });
      const text = (v: unknown): string => (typeof v === 'string' ? v : String((v as Record<string, unknown>)?.['#text'] ?? ''));
      const read = async (url: string) => {
        const r = await get(url);
        assert.equal(r.statusCode, 200, url);
        assert.equal(XMLValidator.validate(r.body), true, `${url} is well-formed`);
        return strict.parse(r.body) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      };
      for (const scope of [`/en/tag/${tag.names.en.slug}`, `/en/author/${author.slug}`]) {
        const rss = (await read(`${scope}/rss.xml`)).rss.channel;
        assert.ok(text(rss.title).includes(name), `${scope} RSS title ${JSON.stringify(text(rss.title))}`);
        const item = rss.item[0];
        assert.deepEqual(item['dc:creator'].map(text), [name], `${scope} RSS dc:creator`);
        assert.ok(item.category.map(text).includes(name), `${scope} RSS categories ${JSON.stringify(item.category)}`);
        const atom = (await read(`${scope}/atom.xml`)).feed;
        assert.ok(text(atom.title).includes(name), `${scope} Atom title ${JSON.stringify(text(atom.title))}`);
        const entry = atom.entry[0];
        assert.deepEqual(
          entry.author.map((x: Record<string, unknown>) => text(x['name'])),
          [name],
          `${scope} Atom author`,
        );
        assert.ok(
          entry.category.map((c: Record<string, string>) => c['@_term']).includes(name),
          `${scope} Atom categories ${JSON.stringify(entry.category)}`,
        );
      }
    });

    test('FEED_CONTENT=summary: items carry the lead only', async () => {
      const summary = await bootSite(dialect, { env: { FEED_CONTENT: 'summary' } });
      try {
        const r = await parser.parseString((await summary.app.inject({ method: 'GET', url: '/qz/rss.xml' })).body);
        assert.ok(r.items.length > 0);
        for (const item of r.items) {
          assert.equal(item['content:encoded'], undefined);
          assert.ok(item.contentSnippet);
        }
        const j = JSON.parse((await summary.app.inject({ method: 'GET', url: '/qz/feed.json' })).body) as JsonFeed;
        for (const item of j.items) {
          assert.equal(item.content_html, undefined);
          assert.equal(item.content_text, item.summary);
        }
      } finally {
        await summary.close();
      }
    });

    test('PAGE_CACHE=off: feeds and sitemaps keep the validators, the 304s and the encodings of cached ones', async () => {
      const uncached = await bootSite(dialect, { env: { PAGE_CACHE: 'off' } });
      try {
        const on = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
        const off = (url: string, headers: Record<string, string> = {}) => uncached.app.inject({ method: 'GET', url, headers });
        for (const url of ['/kz/rss.xml', '/tote/atom.xml', '/cn/feed.json', '/sitemap.xml', '/sitemaps/news-ru.xml']) {
          // Two databases, two sets of public ids: the documents differ, their headers do not.
          const [a, b] = [await on(url), await off(url)];
          assert.equal(b.statusCode, 200, url);
          assert.equal(b.headers['content-type'], a.headers['content-type'], url);
          assert.equal(b.headers['cache-control'], a.headers['cache-control'], url);
          assert.equal(b.headers.vary, a.headers.vary, url);
          assert.match(b.headers.etag as string, /^W\/"[\w-]{22}"$/, url);
          assert.equal((await off(url)).headers.etag, b.headers.etag, `${url}: the ETag follows the content`);
          assert.equal(b.headers['surrogate-key'] !== undefined, a.headers['surrogate-key'] !== undefined, url);
          assert.equal(b.headers['last-modified'] !== undefined, a.headers['last-modified'] !== undefined, url);
          assert.equal((await off(url, { 'if-none-match': b.headers.etag as string })).statusCode, 304, `${url}: If-None-Match`);
          if (b.headers['last-modified']) {
            assert.equal((await off(url, { 'if-modified-since': b.headers['last-modified'] as string })).statusCode, 304, url);
            assert.equal(
              (await off(url, { 'if-none-match': '"other"', 'if-modified-since': b.headers['last-modified'] as string })).statusCode,
              200,
              `${url}: If-None-Match wins`,
            );
          }
          const plain = await off(url, { 'accept-encoding': 'identity' });
          assert.equal(plain.headers['content-encoding'], undefined, url);
          assert.equal(plain.body, b.body, url);
          for (const enc of ['gzip', 'br'] as const) {
            const r = await off(url, { 'accept-encoding': enc });
            if (r.rawPayload.length < 1024 && r.headers['content-encoding'] === undefined) continue;
            assert.equal(r.headers['content-encoding'], enc, `${url} ${enc}`);
            const raw = enc === 'gzip' ? zlib.gunzipSync(r.rawPayload) : zlib.brotliDecompressSync(r.rawPayload);
            assert.equal(raw.toString(), b.body, `${url}: ${enc} decodes to the document`);
          }
        }
      } finally {
        await uncached.close();
      }
    });
  });
}
