// Hostile content, on SQLite and PostgreSQL: every payload of test/fixtures/hostile.ts is written
// through the newsroom API into every text field (headline, lead, source line, SEO fields, the
// correction note, every block type of the body, photo captions and credits in three editions,
// section, tag and author names, author roles and bios, user names, return comments, lexicon
// spellings, derived-edition overrides), the articles are published in kz (and so qz and ق ز), en
// and cn, and then every output is read: reader pages, RSS, Atom and JSON Feed, sitemaps (xmllint
// with the sitemaps.org schemas), JSON-LD, ninjs (ajv with the IPTC schemas), the public API and
// its docs page. A write may be refused with a 4xx (recorded); a write that is accepted must come
// out as the exact text, inert, everywhere.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import Parser from 'rss-parser';
import sharp from 'sharp';
import {
  HOSTILE_EMBEDS,
  HOSTILE_HREFS,
  HOSTILE_TEXTS,
  OVERLONG,
  stripBidi,
  TRICKY_HREFS,
  XML_FORBIDDEN,
  type HostileText,
} from '../fixtures/hostile.ts';
import { dialects, tempDir } from '../support/databases.ts';
import { assertInert, asHtml, fragment } from '../support/hostileChecks.ts';
import { makeUser, signedIn, signIn, type Client, textBody } from '../support/newsroom.ts';
import { isEmptyBody } from '../../src/content/emptyBody.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';

const BASE = 'https://habarshy.test';
const SCHEMAS = path.resolve(import.meta.dirname, '../fixtures/schemas');
const WRITTEN = ['kz', 'en', 'cn'] as const;
const READER_EDITIONS = ['kz', 'qz', 'tote', 'en', 'cn'] as const;
type Written = (typeof WRITTEN)[number];
type ReaderEdition = (typeof READER_EDITIONS)[number];
/** One Cyrillic word per payload, in the kz body, whose lexicon spelling is the payload. */
const LEXICON_WORDS = 'абвгдежзиклмнопрст'.split('').map((c) => `хостайл${c}`);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** C0 controls other than tab and newlines: outputs may drop them (the storing check reports them). */
// eslint-disable-next-line no-control-regex -- the point is to find them
const norm = (s: string | null | undefined) => (s ?? '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu, '');
/** A search query is shown back with its white space collapsed. */
const squash = (s: string) => s.replace(/\s+/gu, ' ').trim();

/** Fields that are one line of text: bidi controls are stripped from them. */
const SINGLE_LINE = new Set([
  'headline',
  'sourceLine',
  'seoTitle',
  'section name',
  'tag name',
  'author name',
  'author role',
  'user name',
  'photo credit',
]);

/** Well-formed XML (xmllint without a schema) or xmllint's complaint. */
function xmlWellFormed(xml: string, schema?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habarshy-hostile-'));
  const file = path.join(dir, 'doc.xml');
  fs.writeFileSync(file, xml);
  try {
    const args = ['--noout', '--nonet', ...(schema ? ['--schema', path.join(SCHEMAS, 'sitemap', schema)] : []), file];
    execFileSync('xmllint', args, { env: { ...process.env, XML_CATALOG_FILES: path.join(SCHEMAS, 'sitemap/catalog.xml') }, stdio: 'pipe' });
    return '';
  } catch (err) {
    return String((err as { stderr?: Buffer }).stderr ?? err) || 'invalid';
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function ninjsValidators(): Record<'2.2' | '3.1', ValidateFunction> {
  const read = (p: string) => JSON.parse(fs.readFileSync(path.join(SCHEMAS, p), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
  const geojson = read('geojson/GeoJSON.json');
  delete geojson['$schema'];
  ajv.addSchema(geojson, 'https://geojson.org/schema/GeoJSON.json');
  return { '2.2': ajv.compile(read('ninjs/ninjs-schema_2.2.json')), '3.1': ajv.compile(read('ninjs/ninjs-schema_3.1.json')) };
}

async function multipart(fields: Record<string, string>, file: { name: string; data: Buffer }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([new Uint8Array(file.data)], { type: 'image/jpeg' }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), type: request.headers.get('content-type')! };
}

const text = (t: string) => ({ type: 'text', text: t });
/** A body with every block type, each carrying the text (images only with a photo). */
function hostileBody(t: string, assetId: number | null, lexiconWord: string): Json {
  return {
    version: 1,
    blocks: [
      { type: 'paragraph', content: [text(t), text(` ${lexiconWord}`)] },
      { type: 'paragraph', content: [{ ...text(t), marks: ['bold', 'italic'], href: 'https://example.org/page' }] },
      { type: 'heading', level: 2, content: [text(t)] },
      { type: 'quote', content: [text(t)], cite: t },
      { type: 'list', ordered: false, items: [[text(t)], [text(t)]] },
      ...(assetId !== null
        ? [
            { type: 'image', assetId, caption: t, credit: t, alt: t },
            { type: 'gallery', items: [{ assetId, caption: t, credit: t, alt: t }] },
          ]
        : []),
      { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
      {
        type: 'table',
        header: true,
        rows: [
          [[text(t)], [text(t)]],
          [[text(t)], [text(t)]],
        ],
      },
      { type: 'divider' },
    ],
  };
}

/** Every text of a stored body (runs, cites, captions, credits, alts). */
function bodyTexts(body: Json): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key = '') => {
    if (typeof v === 'string' && ['text', 'cite', 'caption', 'credit', 'alt'].includes(key)) out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x));
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => walk(x, k));
  };
  walk(body);
  return out;
}

interface Made {
  readonly h: HostileText;
  section: Json | null;
  tag: Json | null;
  author: Json | null;
  asset: Json | null;
  user: Json | null;
  articles: Partial<Record<Written, Json>>;
  comment: string | null;
  overrides: Partial<Record<'qz' | 'tote', string>>;
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (n) => ['url', 'sitemap'].includes(n),
});
/** What feed readers commonly use: the feed must parse there too. */
const rssParser = new Parser();
/** Feeds read strictly: one level of XML entities decoded, CDATA as text, nothing more. */
const feedXmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
  htmlEntities: false,
  isArray: (n) => ['item', 'entry', 'category', 'link', 'dc:creator', 'author'].includes(n),
});
const textOf = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' ? String((v as Json)['#text'] ?? '') : '');

/** A feed text that readers show as HTML must make no element and read as the text (or one of the texts). */
function readsAs(problems: string[], label: string, value: string, expected: string | null, oneOf: readonly string[] | null = null): void {
  const html = asHtml(value);
  if (html.elements > 0) problems.push(`${label} makes ${html.elements} element(s) when read as HTML: ${JSON.stringify(value)}`);
  const shown = norm(html.text);
  if (expected !== null && shown !== norm(expected))
    problems.push(`${label} reads ${JSON.stringify(shown)}, not ${JSON.stringify(norm(expected))}`);
  if (oneOf && !oneOf.includes(shown)) problems.push(`${label} reads ${JSON.stringify(shown)}, not ${JSON.stringify(oneOf[0])}`);
}
/** An Atom text construct: HTML when its type says so, plain text otherwise. */
function atomText(problems: string[], label: string, node: unknown, expected: string | null, oneOf: readonly string[] | null = null): void {
  const type = node && typeof node === 'object' ? (node as Json)['@_type'] : undefined;
  if (type === 'html') return readsAs(problems, label, textOf(node), expected, oneOf);
  const shown = norm(textOf(node));
  if (expected !== null && shown !== norm(expected))
    problems.push(`${label} (text) is ${JSON.stringify(shown)}, not ${JSON.stringify(norm(expected))}`);
  if (oneOf && !oneOf.includes(shown)) problems.push(`${label} (text) is ${JSON.stringify(shown)}`);
}
/** Full-text HTML of a feed item: inert, and it shows the body's text. */
function contentInert(problems: string[], label: string, html: string, written: Json | null): void {
  if (!html) return;
  try {
    assertInert(fragment(html), label, 'none');
  } catch (err) {
    problems.push((err as Error).message);
  }
  if (written && !norm(fragment(html).textContent).includes(norm(bodyTexts(written.body)[0])))
    problems.push(`${label} lacks the body text`);
}

for (const dialect of dialects()) {
  describe(`hostile content on ${dialect}`, () => {
    let site: TestSite;
    let admin: Client;
    let chief: Client;
    let kzEditor: Client;
    let validate: Record<'2.2' | '3.1', ValidateFunction>;
    let fallbackSection: number;
    const made: Made[] = [];
    /** Every write: what, status, error code. */
    const outcomes: { what: string; status: number; code: string }[] = [];
    /** Accepted writes whose stored text is not what the rules say it should be. */
    const stored: string[] = [];

    const get = (url: string) => site.app.inject({ method: 'GET', url });
    const local = (url: string) => (url.startsWith(BASE) ? url.slice(BASE.length) : url);
    const record = (what: string, res: LightMyRequestResponse): boolean => {
      let code: string;
      try {
        code = String(res.json()?.error?.code ?? '');
      } catch {
        code = res.statusCode >= 400 ? '(not JSON)' : '';
      }
      outcomes.push({ what, status: res.statusCode, code });
      return res.statusCode < 300;
    };
    /** An accepted text must be stored as sent: bidi controls stripped in one-line fields, and no character XML cannot carry. */
    const checkStored = (what: string, field: string, sent: string, got: unknown) => {
      if (typeof got !== 'string') return void stored.push(`${what}: ${field} came back as ${JSON.stringify(got)}`);
      if (XML_FORBIDDEN.test(got))
        return void stored.push(`${what}: ${field} was stored with control characters XML cannot carry: ${JSON.stringify(got)}`);
      if (XML_FORBIDDEN.test(sent)) return; // refused or cleaned: both fine, and checked above
      const wanted = SINGLE_LINE.has(field) ? [stripBidi(sent)] : [sent, stripBidi(sent)];
      if (!wanted.includes(got)) stored.push(`${what}: ${field} stored as ${JSON.stringify(got)}, sent ${JSON.stringify(sent)}`);
    };

    before(async () => {
      validate = ninjsValidators();
      site = await bootSite(dialect, { env: { DATA_DIR: tempDir(), API_RATE_ANONYMOUS: '1000000' } });
      admin = await signedIn(site, 'admin');
      chief = await signedIn(site, 'chief');
      kzEditor = await signedIn(site, 'editor', ['kz']);
      fallbackSection = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow())
        .id;
      const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 90, g: 60, b: 30 } } })
        .jpeg()
        .toBuffer();

      for (const [i, h] of HOSTILE_TEXTS.entries()) {
        const t = h.text;
        const m: Made = { h, section: null, tag: null, author: null, asset: null, user: null, articles: {}, comment: null, overrides: {} };
        made.push(m);
        const names = (value: object) => Object.fromEntries(WRITTEN.map((e) => [e, value]));

        const section = await chief.post('/api/newsroom/sections', { key: `hostile-${h.key}`, names: names({ name: t }) });
        if (record(`${h.key}: section name`, section)) m.section = section.json();
        const tag = await chief.post('/api/newsroom/tags', { names: names({ name: t }) });
        if (record(`${h.key}: tag name`, tag)) m.tag = tag.json();
        const author = await chief.post('/api/newsroom/authors', { names: names({ name: t, role: t, bio: t }) });
        if (record(`${h.key}: author name, role, bio`, author)) m.author = author.json();

        // The journalist who writes the kz article uploads the photo; their name is the payload.
        const writer = await makeUser(site, 'journalist', ['kz']);
        const journalist = await signIn(site.app, writer);
        const renamed = await admin.patch(`/api/newsroom/users/${writer.id}`, { name: t });
        if (record(`${h.key}: user name`, renamed)) m.user = renamed.json();

        const { payload, type } = await multipart({ edition: 'kz', caption: t, credit: t }, { name: `${h.key}.jpg`, data: jpeg });
        const upload = await site.app.inject({
          method: 'POST',
          url: '/api/newsroom/media',
          payload,
          headers: { cookie: journalist.cookie, 'x-csrf-token': journalist.csrf, 'content-type': type },
        });
        if (record(`${h.key}: photo caption and credit (upload)`, upload)) {
          m.asset = upload.json();
          const texts = await chief.patch(`/api/newsroom/media/${m.asset.id}`, {
            texts: { en: { caption: t, credit: t }, cn: { caption: t, credit: t } },
          });
          if (record(`${h.key}: photo caption and credit (edit)`, texts)) m.asset = texts.json();
        }

        /** Saves one field after the other, so a refused field does not hide the others. */
        const fill = async (client: Client, article: Json, edition: Written): Promise<Json> => {
          let a = article;
          const fields: Record<string, unknown> = {
            headline: t,
            lead: t,
            sourceLine: t,
            seoTitle: t,
            seoDescription: t,
            body: hostileBody(t, m.asset?.id ?? null, LEXICON_WORDS[i]!),
            tagIds: m.tag ? [m.tag.id] : [],
            authorIds: m.author ? [m.author.id] : [],
            ...(m.asset ? { heroAssetId: m.asset.id } : {}),
            ...(m.section ? { sectionId: m.section.id } : {}),
          };
          for (const [field, value] of Object.entries(fields)) {
            const res = await client.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, [field]: value });
            if (record(`${h.key}: ${edition} article ${field}`, res)) a = res.json();
          }
          if (!a.headline) {
            // The hostile headline was refused: a plain one, so that the article can be published.
            const res = await client.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, headline: `Hostile ${h.word}` });
            assert.equal(res.statusCode, 200, res.body);
            a = res.json();
          }
          if (isEmptyBody(a.body)) {
            // The hostile body said nothing once cleaned (control characters only): a plain
            // paragraph after it, so that the article can be published.
            const res = await client.put(`/api/newsroom/articles/${a.id}`, {
              revision: a.revision,
              body: { ...a.body, blocks: [...a.body.blocks, ...textBody(`Hostile ${h.word}`).blocks] },
            });
            assert.equal(res.statusCode, 200, res.body);
            a = res.json();
          }
          return a;
        };
        const move = async (client: Client, a: Json, action: string, extra: object = {}) => {
          const res = await client.post(`/api/newsroom/articles/${a.id}/transitions`, { action, revision: a.revision, ...extra });
          assert.equal(res.statusCode, 200, `${h.key}: ${action}: ${res.body}`);
          return res.json();
        };

        // kz: written by the journalist, returned by the editor with the payload as comment, published.
        const created = await journalist.post('/api/newsroom/articles', {
          edition: 'kz',
          sectionId: fallbackSection,
          headline: `Hostile ${h.word}`,
          body: textBody(),
        });
        assert.equal(created.statusCode, 201, created.body);
        let kz = await fill(journalist, created.json(), 'kz');
        kz = await move(journalist, kz, 'submit');
        const returned = await kzEditor.post(`/api/newsroom/articles/${kz.id}/transitions`, {
          action: 'return',
          revision: kz.revision,
          comment: t,
        });
        if (record(`${h.key}: return comment`, returned)) {
          kz = returned.json();
          m.comment =
            (await journalist.get(`/api/newsroom/articles/${kz.id}/timeline`)).json().items.find((x: Json) => x.action === 'return')
              ?.comment ?? null;
          checkStored(h.key, 'return comment', t, m.comment);
        } else {
          kz = (await kzEditor.get(`/api/newsroom/articles/${kz.id}`)).json();
        }
        if (kz.status === 'returned') kz = await move(journalist, kz, 'submit');
        kz = await move(kzEditor, kz, 'publish');
        const note = await kzEditor.put(`/api/newsroom/articles/${kz.id}`, { revision: kz.revision, correctionNote: t });
        if (record(`${h.key}: kz article correctionNote`, note)) kz = note.json();
        m.articles.kz = kz;

        for (const edition of ['en', 'cn'] as const) {
          const tr = await chief.post(`/api/newsroom/articles/${kz.id}/translations`, { edition });
          assert.equal(tr.statusCode, 201, tr.body);
          let a = await fill(chief, tr.json(), edition);
          a = await move(chief, a, 'publish');
          const n = await chief.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, correctionNote: t });
          if (record(`${h.key}: ${edition} article correctionNote`, n)) a = n.json();
          m.articles[edition] = a;
        }

        for (const derived of ['qz', 'tote'] as const) {
          const o = await chief.put(`/api/newsroom/articles/${kz.id}/overrides/${derived}/headline`, { value: t });
          if (record(`${h.key}: ${derived} headline override`, o)) {
            const items = (await chief.get(`/api/newsroom/articles/${kz.id}/overrides`)).json().items as Json[];
            m.overrides[derived] = items.find((x) => x.edition === derived && x.field === 'headline')?.value;
            checkStored(h.key, 'headline', t, m.overrides[derived]);
          }
        }
        record(
          `${h.key}: lexicon spelling`,
          await chief.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: LEXICON_WORDS[i], spelling: t }),
        );
        record(
          `${h.key}: lexicon word`,
          await chief.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: t, spelling: 'hostail' }),
        );

        // What came back from each accepted write.
        for (const e of WRITTEN) {
          const a = (await chief.get(`/api/newsroom/articles/${m.articles[e]!.id}`)).json();
          m.articles[e] = a;
          for (const field of ['headline', 'lead', 'sourceLine', 'seoTitle', 'seoDescription', 'correctionNote']) {
            if (a[field] !== `Hostile ${h.word}` && a[field] !== '') checkStored(`${h.key} ${e}`, field, t, a[field]);
          }
          for (const s of bodyTexts(a.body)) if (s !== ` ${LEXICON_WORDS[i]}`) checkStored(`${h.key} ${e}`, 'body', t, s);
          if (m.section) checkStored(h.key, 'section name', t, m.section.names[e].name);
          if (m.tag) checkStored(h.key, 'tag name', t, m.tag.names[e].name);
          if (m.author) {
            checkStored(h.key, 'author name', t, m.author.names[e].name);
            checkStored(h.key, 'author role', t, m.author.names[e].role);
            checkStored(h.key, 'author bio', t, m.author.names[e].bio);
          }
          if (m.asset) {
            checkStored(h.key, 'photo caption', t, m.asset.texts[e]?.caption);
            checkStored(h.key, 'photo credit', t, m.asset.texts[e]?.credit);
          }
        }
        if (m.user) checkStored(h.key, 'user name', t, m.user.name);
      }
    });
    after(() => site.close());

    /** The reader URL of a payload's article in an edition (derived editions share the kz id). */
    const articlePath = async (m: Made, e: ReaderEdition): Promise<string> => {
      const source = e === 'qz' || e === 'tote' ? m.articles.kz : m.articles[e];
      assert.ok(source?.url, `${m.h.key}: the ${e} article is published`);
      if (e !== 'qz' && e !== 'tote') return local(source.url);
      const res = await get(`/${e}/news/x-${source.publicId}`);
      assert.equal(res.statusCode, 301, `${m.h.key}: ${e} article`);
      return local(String(res.headers.location));
    };
    /** The headline a reader of the edition must see, when it is known exactly. */
    const expectedHeadline = (m: Made, e: ReaderEdition): string | null =>
      e === 'qz' || e === 'tote' ? (m.overrides[e] ?? null) : m.articles[e]!.headline;
    /** A page, inert; `refusable` pages (a search) may answer 400 instead, never 500. */
    const page = async (url: string, label: string, refusable = false): Promise<Document> => {
      const res = await get(url);
      assert.ok(
        res.statusCode === 200 || (refusable && res.statusCode === 400),
        `${label}: ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`,
      );
      const d = dom(res.body);
      assertInert(d, label);
      return d;
    };

    /** A feed fetched, checked well-formed by xmllint, and read strictly. */
    const feedXml = async (url: string, problems: string[]): Promise<Json | null> => {
      const res = await get(url);
      if (res.statusCode !== 200) {
        problems.push(`${url}: ${res.statusCode}`);
        return null;
      }
      const complaint = xmlWellFormed(res.body);
      if (complaint) {
        problems.push(`${url} is not well-formed XML: ${complaint.split('\n')[0]}`);
        return null;
      }
      await rssParser.parseString(res.body).catch((err: Error) => problems.push(`${url}: rss-parser: ${err.message}`));
      return feedXmlParser.parse(res.body) as Json;
    };

    test('no write of hostile text fails with a 500; a refusal is a 4xx with the error envelope', () => {
      const broken = outcomes.filter((o) => o.status >= 500 || (o.status >= 400 && (!o.code || o.code === '(not JSON)')));
      const refused = outcomes.filter((o) => o.status >= 400).map((o) => `${o.what}: ${o.status} ${o.code}`);
      if (refused.length > 0) process.stdout.write(`# refused writes on ${dialect}:\n${refused.map((r) => `#   ${r}`).join('\n')}\n`);
      assert.deepEqual(broken, []);
      assert.ok(
        made.every((m) => m.articles.kz && m.articles.en && m.articles.cn),
        'every payload made its articles',
      );
    });

    test('what is accepted is stored as sent: bidi controls stripped from one-line fields, no control characters', () => {
      assert.deepEqual(stored, [], stored.join('\n'));
    });

    test('bidi controls and HTML never reach the lexicon (letters of the scripts only)', () => {
      const lexicon = outcomes.filter((o) => o.what.includes('lexicon'));
      assert.equal(lexicon.length, HOSTILE_TEXTS.length * 2);
      assert.deepEqual(
        lexicon.filter((o) => o.status !== 400).map((o) => `${o.what}: ${o.status}`),
        [],
      );
    });

    for (const e of READER_EDITIONS) {
      test(`${e}: article, section, tag, author, home and search pages are inert and show the exact text`, async () => {
        for (const m of made) {
          const label = `${m.h.key} ${e}`;
          const d = await page(await articlePath(m, e), `${label} article`);
          const headline = expectedHeadline(m, e);
          if (headline !== null) assert.equal(norm(d.querySelector('h1')?.textContent), norm(headline), `${label}: the headline as text`);
          const ld = [...d.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? '') as Json);
          const news = ld.find((x) => x['@type'] === 'NewsArticle');
          assert.ok(news, `${label}: NewsArticle JSON-LD`);
          assert.equal(news.headline, d.querySelector('h1')?.textContent, `${label}: JSON-LD headline`);
          for (const s of d.querySelectorAll('script[type="application/ld+json"]')) {
            assert.ok(!/<\/?script|<!--/i.test(s.textContent ?? ''), `${label}: the JSON-LD cannot end its element`);
          }
          if (e === 'qz' || e === 'tote') continue;
          const a = m.articles[e]!;
          assert.ok(
            [norm(a.lead), norm(a.seoDescription)].includes(norm(news.description)),
            `${label}: JSON-LD description ${JSON.stringify(news.description)}`,
          );
          if (m.author)
            assert.ok(
              [news.author].flat().some((x: Json) => norm(x?.name) === norm(m.author.names[e].name)),
              `${label}: JSON-LD author ${JSON.stringify(news.author)}`,
            );
          assert.equal(norm(d.querySelector('.article-lead')?.textContent), norm(a.lead), `${label}: lead`);
          assert.equal(norm(d.querySelector('.source-line')?.textContent), norm(a.sourceLine), `${label}: source line`);
          assert.ok(norm(d.querySelector('.correction')?.textContent).includes(norm(a.correctionNote)), `${label}: correction note`);
          assert.ok(norm(d.querySelector('title')?.textContent).includes(norm(a.seoTitle || a.headline)), `${label}: title`);
          const bodyEl = d.querySelector('.article-body')!;
          const texts = (sel: string) => [...bodyEl.querySelectorAll(sel)].map((x) => norm(x.textContent));
          const t = norm(bodyTexts(a.body)[0]);
          // A refused body (a 4xx, recorded) leaves the article with its plain stand-in (the draft's
          // text, or the paragraph added so that it can be published): then there is nothing to find.
          const bodyRefused = outcomes.some((o) => o.what === `${m.h.key}: ${e} article body` && o.status >= 400 && o.status < 500);
          const plain = (x: string) => x === textBody().blocks[0]!.content[0]!.text || x === `Hostile ${m.h.word}`;
          if (bodyRefused) assert.ok(bodyTexts(a.body).every(plain), `${label}: a refused body changed nothing`);
          else {
            assert.ok(texts('h2').includes(t), `${label}: heading`);
            assert.ok(texts('li').includes(t), `${label}: list item`);
            assert.ok(texts('td, th').includes(t), `${label}: table cell`);
            // A quotation's source is a single line: shown as stored (bidi controls stripped, as checked above).
            const cite = (a.body.blocks as Json[]).find((b) => b.type === 'quote')?.cite as string;
            assert.ok(texts('blockquote cite').includes(norm(cite)), `${label}: quote cite`);
            assert.ok(texts('a').includes(t), `${label}: link text`);
            assert.equal(
              [...bodyEl.querySelectorAll('a[href^="https://"]')].every((x) => x.getAttribute('rel') === 'noopener noreferrer'),
              true,
            );
            if (m.asset) {
              assert.ok(
                texts('figcaption').some((c) => c.includes(norm(m.asset.texts[e].caption)) || c.includes(t)),
                `${label}: caption`,
              );
              const alt = (a.body.blocks as Json[]).find((b) => b.type === 'image')?.alt as string;
              assert.ok(
                [...bodyEl.querySelectorAll('img')].some((x) => norm(x.getAttribute('alt')) === norm(alt)),
                `${label}: alt (as stored: bidi controls stripped)`,
              );
            }
          }
          if (m.author) assert.equal(norm(d.querySelector('.author-name')?.textContent), norm(m.author.names[e].name), `${label}: author`);
          if (m.tag)
            assert.ok(
              [...d.querySelectorAll('.tags a')].some((x) => norm(x.textContent) === norm(m.tag.names[e].name)),
              `${label}: tag`,
            );
          if (m.section)
            assert.equal(norm(d.querySelector('.article-section a')?.textContent), norm(m.section.names[e].name), `${label}: section`);

          const searchUrl = `/${e}/search?q=${encodeURIComponent(m.h.text)}`;
          const q = await page(searchUrl, `${label} search`, true);
          if ((await get(searchUrl)).statusCode === 200) {
            const shown = norm(q.querySelector('#search-q')?.getAttribute('value'));
            assert.ok(
              shown === norm(m.h.text) || shown === norm(squash(m.h.text)),
              `${label}: the query is shown back as a value: ${JSON.stringify(shown)}`,
            );
          }
        }
        await page(`/${e}/`, `${e} home`);
        for (const m of made) {
          // The section, tag and author pages the article links to.
          const d = dom((await get(await articlePath(m, e))).body);
          const links = [d.querySelector('.article-section a'), ...d.querySelectorAll('.tags a'), d.querySelector('.author-name a')];
          if (m.tag) assert.ok(d.querySelector('.tags a'), `${m.h.key} ${e}: the tag is linked`);
          if (m.author) assert.ok(d.querySelector('.author-name a'), `${m.h.key} ${e}: the author is linked`);
          for (const x of links)
            if (x)
              await page(
                local(x.getAttribute('href')!),
                `${m.h.key} ${e} ${x.closest('.tags') ? 'tag' : x.closest('.author-name') ? 'author' : 'section'} page`,
              );
        }
      });
    }

    for (const e of READER_EDITIONS) {
      test(`${e}: RSS and Atom are well-formed; item titles and summaries read as the exact text, never markup; JSON Feed carries the text`, async () => {
        const problems: string[] = [];
        const rss = await feedXml(`/${e}/rss.xml`, problems);
        const atom = await feedXml(`/${e}/atom.xml`, problems);
        const json = JSON.parse((await get(`/${e}/feed.json`)).body) as Json;
        const rssItems = (rss?.rss?.channel?.item ?? []) as Json[];
        const atomEntries = (atom?.feed?.entry ?? []) as Json[];
        for (const m of made) {
          const written = e === 'qz' || e === 'tote' ? null : m.articles[e]!;
          const id = (written ?? m.articles.kz!).publicId as string;
          const headline = expectedHeadline(m, e);
          const lead = written ? [norm(written.lead), norm(written.seoDescription)] : null;
          const label = `${m.h.key}: ${e}`;

          const item = rssItems.find((x) => [x.link].flat().some((l) => textOf(l).endsWith(`-${id}`)));
          if (!item) problems.push(`${label}: not in the RSS`);
          else {
            // RSS titles and descriptions are read as HTML by feed readers.
            readsAs(problems, `${label} RSS item title`, textOf(item.title), headline);
            readsAs(problems, `${label} RSS item description`, textOf(item.description), null, lead);
            contentInert(problems, `${label} RSS content:encoded`, textOf(item['content:encoded']), written);
            if (written && m.author && !(item['dc:creator'] ?? []).map(textOf).map(norm).includes(norm(m.author.names[e].name)))
              problems.push(`${label}: RSS dc:creator ${JSON.stringify(item['dc:creator'])}`);
            if (written && m.tag && !(item.category ?? []).map(textOf).map(norm).includes(norm(m.tag.names[e].name)))
              problems.push(`${label}: RSS categories ${JSON.stringify(item.category)}`);
          }
          const entry = atomEntries.find((x) => (x.link ?? []).some((l: Json) => String(l['@_href']).endsWith(`-${id}`)));
          if (!entry) problems.push(`${label}: not in the Atom feed`);
          else {
            atomText(problems, `${label} Atom entry title`, entry.title, headline);
            atomText(problems, `${label} Atom entry summary`, entry.summary, null, lead);
            contentInert(problems, `${label} Atom content`, textOf(entry.content), written);
            if (written && m.author && !(entry.author ?? []).map((x: Json) => norm(textOf(x.name))).includes(norm(m.author.names[e].name)))
              problems.push(`${label}: Atom author ${JSON.stringify(entry.author)}`);
            if (written && m.tag && !(entry.category ?? []).map((x: Json) => norm(x['@_term'])).includes(norm(m.tag.names[e].name)))
              problems.push(`${label}: Atom categories ${JSON.stringify(entry.category)}`);
          }
          const j = (json.items as Json[]).find((x) => String(x.url).endsWith(`-${id}`));
          if (!j) {
            problems.push(`${label}: not in the JSON Feed`);
            continue;
          }
          // JSON Feed titles and summaries are plain text.
          if (headline !== null && norm(j.title) !== norm(headline)) problems.push(`${label}: JSON Feed title ${JSON.stringify(j.title)}`);
          if (lead && !lead.includes(norm(j.summary))) problems.push(`${label}: JSON Feed summary ${JSON.stringify(j.summary)}`);
          contentInert(problems, `${label} JSON Feed content_html`, j.content_html ?? '', written);
          if (written && m.author && !(j.authors as Json[]).some((x) => norm(x.name) === norm(m.author.names[e].name)))
            problems.push(`${label}: JSON Feed authors`);
        }
        assert.deepEqual(problems, [], problems.join('\n'));
      });
    }

    test('section, tag and author feeds are well-formed and carry the names as exact text', async () => {
      const problems: string[] = [];
      for (const m of made) {
        for (const e of ['kz', 'en'] as const) {
          const d = dom((await get(await articlePath(m, e))).body);
          const scopes = [
            ...(m.section
              ? [[d.querySelector('.article-section a')!, d.querySelector('.article-section a')!.getAttribute('href')!] as const]
              : []),
            ...(m.tag ? [[d.querySelector('.tags a')!, `${d.querySelector('.tags a')!.getAttribute('href')!}/`] as const] : []),
            ...(m.author
              ? [[d.querySelector('.author-name a')!, `${d.querySelector('.author-name a')!.getAttribute('href')!}/`] as const]
              : []),
          ];
          for (const [link, scope] of scopes) {
            const name = norm(link.textContent);
            const rss = await feedXml(`${local(scope)}rss.xml`, problems);
            const atom = await feedXml(`${local(scope)}atom.xml`, problems);
            // Channel titles are plain text (RSS has no markup there by custom; Atom says so by its type).
            const rssTitle = norm(textOf(rss?.rss?.channel?.title));
            if (!rssTitle.includes(name))
              problems.push(`${m.h.key}: ${scope}rss.xml title ${JSON.stringify(rssTitle)} lacks ${JSON.stringify(name)}`);
            const atomTitle = atom?.feed?.title;
            const shown =
              atomTitle?.['@_type'] === 'html' || atomTitle?.['@_type'] === 'xhtml'
                ? norm(asHtml(textOf(atomTitle)).text)
                : norm(textOf(atomTitle));
            if (!shown.includes(name))
              problems.push(`${m.h.key}: ${scope}atom.xml title shows ${JSON.stringify(shown)}, lacks ${JSON.stringify(name)}`);
          }
        }
      }
      assert.deepEqual(problems, [], problems.join('\n'));
    });

    test('sitemaps: the index and every sitemap are valid against the schemas; news titles are the exact headlines', async () => {
      const index = await get('/sitemap.xml');
      assert.equal(xmlWellFormed(index.body, 'siteindex.xsd'), '');
      const listed = (xmlParser.parse(index.body) as Json).sitemapindex.sitemap as { loc: string }[];
      for (const s of listed) {
        const res = await get(local(s.loc));
        assert.equal(res.statusCode, 200, s.loc);
        assert.equal(xmlWellFormed(res.body, 'sitemap-all.xsd'), '', s.loc);
        const news = /\/news-([a-z-]+)\.xml$/.exec(s.loc)?.[1] as ReaderEdition | undefined;
        if (!news || !(READER_EDITIONS as readonly string[]).includes(news)) continue;
        const urls = (xmlParser.parse(res.body) as Json).urlset.url as Json[];
        for (const m of made) {
          const url: string = `${BASE}${await articlePath(m, news)}`;
          const entry: Json = urls.find((u) => u.loc === url);
          assert.ok(entry, `${m.h.key}: ${url} in ${s.loc}`);
          const headline = expectedHeadline(m, news);
          if (headline !== null) assert.equal(norm(entry['news:news']['news:title']), norm(headline), `${m.h.key}: news title in ${news}`);
        }
      }
    });

    test('ninjs 2.2 and 3.1 of every edition validate against the IPTC schemas and carry the exact headline; body_html is inert', async () => {
      for (const m of made) {
        for (const e of READER_EDITIONS) {
          const id = e === 'qz' || e === 'tote' ? m.articles.kz!.publicId : m.articles[e]!.publicId;
          for (const version of ['2.2', '3.1'] as const) {
            const res = await get(`/api/v1/ninjs/${e}/${id}${version === '3.1' ? '?version=3.1' : ''}`);
            assert.equal(res.statusCode, 200, `${m.h.key} ${e} ninjs ${version}: ${res.body.slice(0, 200)}`);
            const item = res.json() as Json;
            assert.ok(
              validate[version](item as object),
              `${m.h.key} ${e} ninjs ${version}: ${JSON.stringify(validate[version].errors?.slice(0, 3))}`,
            );
            const headline = expectedHeadline(m, e);
            if (headline !== null)
              assert.equal(norm(item.headlines?.[0]?.value ?? item.headline), norm(headline), `${m.h.key} ${e} ninjs ${version} headline`);
            const html = item.body_html ?? item.bodies?.find((b: Json) => /html/.test(b.contenttype ?? b.contentType ?? ''))?.value;
            if (html) assertInert(fragment(html), `${m.h.key} ${e} ninjs ${version} body`, 'none');
          }
        }
      }
    });

    test('the public API gives the exact texts and an inert rendered body; its docs page has no script and reflects nothing', async () => {
      for (const m of made) {
        for (const e of WRITTEN) {
          const a = m.articles[e]!;
          const res = await get(`/api/v1/articles/${e}/${a.publicId}`);
          assert.equal(res.statusCode, 200, res.body);
          const api = res.json();
          assert.equal(api.headline, a.headline);
          assert.equal(api.lead, a.lead);
          assertInert(fragment(api.body.html), `${m.h.key} ${e} API body.html`, 'none');
          assert.ok(
            norm(fragment(api.body.html).textContent).includes(norm(bodyTexts(a.body)[0])),
            `${m.h.key} ${e}: API body.html shows the text`,
          );
          if (m.author)
            assert.ok(JSON.stringify(api).includes(JSON.stringify(m.author.names[e].name)), `${m.h.key} ${e}: author name in the API`);
        }
      }
      const docs = await get('/api/docs');
      assert.equal(docs.statusCode, 200);
      const d = dom(docs.body);
      assertInert(d, 'API docs');
      assert.equal(d.querySelectorAll('script').length, 0, 'the docs page runs no script');
      const probe = await get(`/api/docs?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
      assert.equal(probe.body, docs.body, 'nothing from the request reaches the docs page');
    });

    test('script, data, protocol-relative and backslash links and embeds of other hosts are refused with a 4xx and change nothing', async () => {
      const draft = (
        await chief.post('/api/newsroom/articles', {
          body: textBody(),
          edition: 'en',
          sectionId: fallbackSection,
          headline: 'Hostile links',
        })
      ).json();
      const link = (href: string) => ({ version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'a link', href }] }] });
      const accepted: string[] = [];
      const tries = [
        ...HOSTILE_HREFS.map((href) => [`link ${JSON.stringify(href)}`, link(href)] as const),
        ...HOSTILE_EMBEDS.map(
          (embed) => [`${embed.provider} embed ${embed.url}`, { version: 1, blocks: [{ type: 'embed', ...embed }] }] as const,
        ),
      ];
      for (const [what, body] of tries) {
        const before = (await chief.get(`/api/newsroom/articles/${draft.id}`)).json();
        const res = await chief.put(`/api/newsroom/articles/${draft.id}`, { revision: before.revision, body });
        if (res.statusCode < 400) accepted.push(what);
        else assert.ok(res.statusCode < 500 && res.json().error.code, `${what}: ${res.statusCode} ${res.body}`);
      }
      assert.deepEqual(accepted, [], 'every hostile link and foreign embed is refused');
    });

    test('other links reach the page as one attribute each, exactly as written, external ones with rel="noopener noreferrer"', async () => {
      const draft = (
        await chief.post('/api/newsroom/articles', {
          body: textBody(),
          edition: 'en',
          sectionId: fallbackSection,
          headline: 'Tricky links',
        })
      ).json();
      const tricky = {
        version: 1,
        blocks: TRICKY_HREFS.map((href, n) => ({ type: 'paragraph', content: [{ type: 'text', text: `tricky ${n}`, href }] })),
      };
      const saved = await chief.put(`/api/newsroom/articles/${draft.id}`, { revision: draft.revision, body: tricky });
      assert.equal(saved.statusCode, 200, `links a body may carry: ${saved.body}`);
      const published = (
        await chief.post(`/api/newsroom/articles/${draft.id}/transitions`, { action: 'publish', revision: saved.json().revision })
      ).json();
      const d = await page(local(published.url), 'links article');
      const anchors = [...d.querySelectorAll('.article-body a')];
      assert.deepEqual(
        anchors.map((x) => x.getAttribute('href')),
        TRICKY_HREFS,
        'each link is one attribute, exactly as written',
      );
      for (const x of anchors) {
        if (/^https?:/.test(x.getAttribute('href')!)) assert.equal(x.getAttribute('rel'), 'noopener noreferrer', x.getAttribute('href')!);
      }
    });

    test('overlong texts are refused in every field with 400 or 413 and change nothing', async () => {
      const m = made[0]!;
      const a = (await chief.get(`/api/newsroom/articles/${m.articles.en!.id}`)).json();
      const tooLong: [string, () => Promise<LightMyRequestResponse>][] = [
        ...['headline', 'lead', 'sourceLine', 'seoTitle', 'seoDescription', 'correctionNote'].map(
          (f) =>
            [`article ${f}`, () => chief.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, [f]: OVERLONG })] as [
              string,
              () => Promise<LightMyRequestResponse>,
            ],
        ),
        [
          'body text',
          () =>
            chief.put(`/api/newsroom/articles/${a.id}`, {
              revision: a.revision,
              body: { version: 1, blocks: [{ type: 'paragraph', content: [text(OVERLONG)] }] },
            }),
        ],
        [
          'return comment',
          () => chief.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'return', revision: a.revision, comment: OVERLONG }),
        ],
        ['qz override', () => chief.put(`/api/newsroom/articles/${m.articles.kz!.id}/overrides/qz/headline`, { value: OVERLONG })],
        ['section name', () => chief.post('/api/newsroom/sections', { key: 'overlong', names: { en: { name: OVERLONG } } })],
        ['tag name', () => chief.post('/api/newsroom/tags', { names: { en: { name: OVERLONG } } })],
        ['author name', () => chief.post('/api/newsroom/authors', { names: { en: { name: OVERLONG } } })],
        ['author bio', () => chief.post('/api/newsroom/authors', { names: { en: { name: 'Bio', bio: OVERLONG } } })],
        ['user name', () => admin.patch(`/api/newsroom/users/${m.user?.id ?? chief.user.id}`, { name: OVERLONG })],
        ['lexicon spelling', () => chief.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'хостайлы', spelling: OVERLONG })],
        ...(m.asset
          ? [
              [
                'photo caption',
                () => chief.patch(`/api/newsroom/media/${m.asset.id}`, { texts: { en: { caption: OVERLONG, credit: 'x' } } }),
              ] as [string, () => Promise<LightMyRequestResponse>],
            ]
          : []),
      ];
      for (const [what, send] of tooLong) {
        const res = await send();
        assert.ok(res.statusCode === 400 || res.statusCode === 413, `${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      const after = (await chief.get(`/api/newsroom/articles/${a.id}`)).json();
      assert.equal(after.revision, a.revision, 'nothing was saved');
      assert.equal(
        (await chief.get('/api/newsroom/tags?q=script&limit=500'))
          .json()
          .items.every((x: Json) => Object.values(x.names).every((n: Json) => n.name.length <= 80)),
        true,
      );
    });
  });
}
