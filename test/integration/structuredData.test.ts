// Structured data and link previews of article pages and edition homes, on SQLite and PostgreSQL:
// the JSON-LD is extracted from the HTML and parsed, every URL in it is requested, the image crops
// are measured with sharp, and the Open Graph / Twitter tags agree with it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { EDITIONS, type EditionCode } from '../../src/editions/editions.ts';
import { cacheTags } from '../../src/cache/tags.ts';
import { dialects } from '../support/databases.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';

type Json = Record<string, unknown>;
const ORIGIN = 'https://habarshy.test';
const CYRILLIC = /[\u0400-\u04FF]/;
const ISO_ALMATY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/;
const EDITIONS_CHECKED: readonly EditionCode[] = ['kz', 'qz', 'tote', 'en', 'cn', 'uz-latn'];

const obj = (x: unknown): Json => {
  assert.ok(x !== null && typeof x === 'object' && !Array.isArray(x), `expected an object, got ${JSON.stringify(x)}`);
  return x as Json;
};
const list = (x: unknown): unknown[] => {
  assert.ok(Array.isArray(x), `expected an array, got ${JSON.stringify(x)}`);
  return x;
};
const str = (x: unknown): string => {
  assert.equal(typeof x, 'string', `expected a string, got ${JSON.stringify(x)}`);
  return x as string;
};

/** Every JSON-LD block of a page, parsed. */
function jsonLdOf(document: Document): Json[] {
  return [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => obj(JSON.parse(s.textContent ?? '')));
}

function ofType(blocks: readonly Json[], type: string): Json {
  const found = blocks.filter((b) => b['@type'] === type);
  assert.equal(found.length, 1, `one ${type} in ${JSON.stringify(blocks.map((b) => b['@type']))}`);
  assert.equal(found[0]!['@context'], 'https://schema.org');
  return found[0]!;
}

/** Every absolute URL anywhere in a JSON value (`@context` and the search template excepted). */
function urlsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && /^https?:\/\//.test(value) && !value.includes('{')) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => urlsIn(v, out));
  else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => k !== '@context' && urlsIn(v, out));
  return out;
}

const meta = (d: Document, attr: 'property' | 'name', key: string) =>
  [...d.querySelectorAll(`meta[${attr}="${key}"]`)].map((m) => m.getAttribute('content') ?? '');

for (const dialect of dialects()) {
  describe(`structured data on ${dialect}`, () => {
    let site: TestSite;
    const get = (url: string) => site.app.inject({ method: 'GET', url });
    const local = (url: string) => {
      assert.ok(url.startsWith(`${ORIGIN}/`), `${url} is absolute on the site's origin`);
      return url.slice(ORIGIN.length);
    };
    const resolves = async (url: string) => {
      const res = await get(local(url));
      assert.equal(res.statusCode, 200, url);
      return res;
    };
    const firstArticle = async (code: EditionCode) => {
      const href = dom((await get(`/${code}/`)).body)
        .querySelector('main a[href*="/news/"]')
        ?.getAttribute('href');
      assert.ok(href);
      return href;
    };

    before(async () => {
      site = await bootSite(dialect);
    });
    after(async () => {
      await site.close();
    });

    for (const code of EDITIONS_CHECKED) {
      test(`${code}: the home describes the WebSite with a working SearchAction`, async () => {
        const d = dom((await get(`/${code}/`)).body);
        const site_ = ofType(jsonLdOf(d), 'WebSite');
        assert.equal(site_['url'], `${ORIGIN}/${code}/`);
        assert.equal(site_['inLanguage'], d.documentElement.getAttribute('lang'));
        assert.ok(str(site_['name']));
        assert.equal(obj(site_['publisher'])['@type'], 'NewsMediaOrganization');
        const action = obj(site_['potentialAction']);
        assert.equal(action['@type'], 'SearchAction');
        const template = str(obj(action['target'])['urlTemplate']);
        assert.equal(template, `${ORIGIN}/${code}/search?q={search_term_string}`);
        assert.equal(action['query-input'], 'required name=search_term_string');
        const search = await resolves(template.replace('{search_term_string}', encodeURIComponent('Астана')));
        assert.match(search.headers['content-type'] as string, /text\/html/);
        for (const url of urlsIn(site_)) await resolves(url);
      });

      test(`${code}: an article page carries NewsArticle, BreadcrumbList and complete previews`, async () => {
        const href = await firstArticle(code);
        const d = dom((await get(href)).body);
        const lang = d.documentElement.getAttribute('lang');
        assert.equal(lang, EDITIONS[code].lang);
        const canonical = d.querySelector('link[rel="canonical"]')?.getAttribute('href');
        assert.equal(canonical, `${ORIGIN}${href}`);
        const blocks = jsonLdOf(d);
        const a = ofType(blocks, 'NewsArticle');

        assert.deepEqual(a['mainEntityOfPage'], { '@type': 'WebPage', '@id': canonical });
        assert.equal(a['headline'], d.querySelector('article.article h1')?.textContent);
        assert.equal(a['description'], d.querySelector('meta[name="description"]')?.getAttribute('content'));
        assert.equal(a['inLanguage'], lang);
        assert.equal(a['articleSection'], d.querySelector('.article-section a')?.textContent);
        assert.deepEqual(
          a['keywords'],
          [...d.querySelectorAll('nav.tags a')].map((x) => x.textContent),
        );
        assert.ok(list(a['keywords']).length > 0);

        const published = str(a['datePublished']);
        const modified = str(a['dateModified']);
        assert.match(published, ISO_ALMATY);
        assert.match(modified, ISO_ALMATY);
        const shown = d.querySelector('.article-time time[datetime]')!.getAttribute('datetime')!;
        assert.equal(
          Date.parse(published),
          Math.floor(Date.parse(shown) / 1000) * 1000,
          'the same instant as the page shows (to the second)',
        );
        assert.ok(Date.parse(modified) >= Date.parse(published));

        const authors = list(a['author']).map(obj);
        const authorLinks = [...d.querySelectorAll('.author-card a')].map((x) => `${ORIGIN}${x.getAttribute('href')}`);
        assert.ok(authors.length > 0);
        assert.deepEqual(
          authors.map((x) => x['@type']),
          authors.map(() => 'Person'),
        );
        assert.deepEqual(
          authors.map((x) => x['url']),
          authorLinks,
        );
        assert.deepEqual(
          authors.map((x) => x['name']),
          [...d.querySelectorAll('.author-card a')].map((x) => x.textContent),
        );

        const publisher = obj(a['publisher']);
        assert.equal(publisher['@type'], 'NewsMediaOrganization');
        assert.equal(publisher['url'], `${ORIGIN}/${code}/`);
        const logo = obj(publisher['logo']);
        const logoFile = await resolves(str(logo['url']));
        const logoMeta = await sharp(logoFile.rawPayload).metadata();
        assert.equal(logoMeta.format, 'png');
        assert.deepEqual([logoMeta.width, logoMeta.height, logo['width'], logo['height']], [600, 60, 600, 60]);

        // The three crops of the lead photo exist, at the size and ratio they claim.
        const images = list(a['image']).map(obj);
        const ratios: string[] = [];
        for (const image of images) {
          assert.equal(image['@type'], 'ImageObject');
          const file = await resolves(str(image['url']));
          assert.equal(file.headers['content-type'], 'image/webp');
          const m = await sharp(file.rawPayload).metadata();
          assert.deepEqual([m.width, m.height], [image['width'], image['height']], str(image['url']));
          ratios.push((m.width! / m.height!).toFixed(3));
          assert.ok(m.width! * m.height! >= 50_000, 'large enough for search engines');
        }
        assert.deepEqual(ratios, [(16 / 9).toFixed(3), (4 / 3).toFixed(3), (1).toFixed(3)]);

        const crumbs = ofType(blocks, 'BreadcrumbList');
        const items = list(crumbs['itemListElement']).map(obj);
        assert.deepEqual(
          items.map((i) => i['@type']),
          ['ListItem', 'ListItem', 'ListItem'],
        );
        assert.deepEqual(
          items.map((i) => i['position']),
          [1, 2, 3],
        );
        assert.deepEqual(
          items.map((i) => i['item']),
          [`${ORIGIN}/${code}/`, `${ORIGIN}${d.querySelector('.article-section a')!.getAttribute('href')}`, canonical],
        );
        assert.equal(items[2]!['name'], a['headline']);

        for (const url of new Set([...urlsIn(a), ...urlsIn(crumbs)])) await resolves(url);

        if (EDITIONS[code].kind === 'derived') {
          const texts = [
            a['headline'],
            a['description'],
            a['articleSection'],
            ...list(a['keywords']),
            ...authors.map((x) => x['name']),
            publisher['name'],
            ...items.map((i) => i['name']),
          ];
          for (const t of texts) assert.doesNotMatch(str(t), CYRILLIC, `${code}: ${String(t)}`);
        }

        // Open Graph and Twitter agree with the structured data.
        assert.deepEqual(meta(d, 'property', 'og:type'), ['article']);
        assert.deepEqual(meta(d, 'property', 'og:url'), [canonical]);
        assert.deepEqual(meta(d, 'property', 'article:published_time'), [published]);
        assert.deepEqual(meta(d, 'property', 'article:modified_time'), [modified]);
        assert.deepEqual(meta(d, 'property', 'article:section'), [a['articleSection']]);
        assert.deepEqual(meta(d, 'property', 'article:tag'), a['keywords']);
        assert.deepEqual(meta(d, 'property', 'article:author'), authorLinks);
        const wide = images[0]!;
        assert.deepEqual(meta(d, 'property', 'og:image'), [wide['url']]);
        assert.deepEqual(meta(d, 'property', 'og:image:width'), [String(wide['width'])]);
        assert.deepEqual(meta(d, 'property', 'og:image:height'), [String(wide['height'])]);
        const alt = meta(d, 'property', 'og:image:alt');
        assert.equal(alt.length, 1);
        assert.equal(alt[0], d.querySelector('figure.figure img')?.getAttribute('alt'));
        assert.deepEqual(meta(d, 'name', 'twitter:card'), ['summary_large_image']);
        assert.deepEqual(meta(d, 'name', 'twitter:image'), [wide['url']]);
        assert.deepEqual(meta(d, 'name', 'twitter:image:alt'), alt);
        assert.deepEqual(meta(d, 'name', 'twitter:title'), [d.title]);
        assert.equal(meta(d, 'name', 'twitter:description')[0], a['description']);
      });
    }

    test('a hostile headline stays data: no script runs, JSON-LD parses back to the headline', async () => {
      const href = await firstArticle('en');
      const publicId = href.slice(-6);
      const hostile = 'Budget </script><script>alert(1)</script> & <!-- \u2028 passed';
      const db = site.database.handle.db;
      const row = await db
        .selectFrom('articles')
        .select(['id', 'published_at'])
        .where('public_id', '=', publicId)
        .executeTakeFirstOrThrow();
      const updated = new Date(Math.floor(Date.parse(row.published_at!) / 1000) * 1000 + 3_600_000).toISOString();
      await db.updateTable('articles').set({ headline: hostile, updated_at: updated }).where('id', '=', row.id).execute();
      site.services.invalidate([cacheTags.article(row.id)]);
      const res = await get(href);
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes('<script>alert(1)'), 'the headline never becomes markup');
      const d = dom(res.body);
      const scripts = [...d.querySelectorAll('script')];
      // Only the site's own script files (the reading settings' prefs.js, then site.js) and the two
      // data blocks: nothing the headline could have made.
      assert.deepEqual(
        scripts.filter((s) => s.hasAttribute('src')).map((s) => s.getAttribute('src')!.replace(/\.[0-9a-f]+\.js$/, '.js')),
        ['/assets/prefs.js', '/assets/site.js'],
      );
      assert.deepEqual(
        scripts.filter((s) => !s.hasAttribute('src')).map((s) => s.getAttribute('type')),
        ['application/ld+json', 'application/ld+json'],
      );
      const a = ofType(jsonLdOf(d), 'NewsArticle');
      assert.equal(a['headline'], hostile);
      assert.match(str(a['dateModified']), ISO_ALMATY);
      assert.equal(Date.parse(str(a['dateModified'])), Date.parse(updated), 'an update moves dateModified');
      assert.deepEqual(meta(d, 'property', 'article:modified_time'), [a['dateModified']]);
    });
  });
}
