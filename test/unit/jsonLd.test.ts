// JSON-LD: safe serialization into HTML, the schema.org objects, and the crop geometry behind
// the image property.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { parseHTML } from 'linkedom';
import { JsonLd, serializeJsonLd } from '../../src/web/site/views/JsonLd.tsx';
import { breadcrumbJsonLd, newsArticleJsonLd, webSiteJsonLd, type NewsArticleInput } from '../../src/services/structuredData.ts';
import { CROP_MAX_WIDTH, CROP_RATIOS, cropFor, cropsFor } from '../../src/content/crops.ts';

/** A value inside parsed JSON by its path of keys. */
const at = (x: unknown, ...keys: (string | number)[]): unknown =>
  keys.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], x);

const HOSTILE = '</script><script>alert(1)</script> & <!-- \u2028\u2029 "quoted"';

const publisher = { name: 'Habarshy', url: 'https://x.test/en/', logo: { url: 'https://x.test/media/logo.png', width: 600, height: 60 } };
const article: NewsArticleInput = {
  url: 'https://x.test/en/news/a-abc123',
  headline: HOSTILE,
  description: 'Lead',
  datePublished: '2025-08-18T18:19:00+05:00',
  dateModified: '2025-08-18T19:00:00+05:00',
  inLanguage: 'en',
  section: 'Politics',
  keywords: ['Astana', 'Transport'],
  authors: [{ name: 'Aigerim', url: 'https://x.test/en/author/aigerim' }],
  images: [{ url: 'https://x.test/media/p-16x9-1200.webp', width: 1200, height: 675 }],
  publisher,
};

describe('serializeJsonLd', () => {
  test('escapes <, >, &, U+2028 and U+2029 and parses back to the same value', () => {
    const text = serializeJsonLd({ headline: HOSTILE });
    assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
    assert.match(text, /\\u003c\/script\\u003e\\u003cscript\\u003ealert\(1\)\\u003c\/script\\u003e/);
    assert.match(text, /\\u0026 \\u003c!-- \\u2028\\u2029/);
    assert.deepEqual(JSON.parse(text), { headline: HOSTILE });
  });

  test('a hostile headline stays inside one data block in the rendered HTML', () => {
    const html = `<!DOCTYPE html><html><head>${renderToString(h(JsonLd, { data: [newsArticleJsonLd(article)] }))}</head><body></body></html>`;
    const { document } = parseHTML(html);
    const scripts = [...document.querySelectorAll('script')];
    assert.equal(scripts.length, 1, html);
    assert.equal(scripts[0]!.getAttribute('type'), 'application/ld+json');
    const parsed = JSON.parse(scripts[0]!.textContent ?? '') as { headline: string };
    assert.equal(parsed.headline, HOSTILE);
    assert.ok(!html.includes('alert(1)</script>'), 'the headline cannot close the element');
  });

  test('nothing is written without data', () => {
    assert.equal(renderToString(h(JsonLd, { data: [] })), '');
    assert.equal(renderToString(h(JsonLd, { data: undefined })), '');
  });
});

describe('structured data objects', () => {
  test('NewsArticle carries every property with its schema.org type', () => {
    const a = newsArticleJsonLd(article);
    assert.equal(a['@context'], 'https://schema.org');
    assert.equal(a['@type'], 'NewsArticle');
    assert.deepEqual(a['mainEntityOfPage'], { '@type': 'WebPage', '@id': article.url });
    assert.equal(a['headline'], HOSTILE);
    assert.equal(a['datePublished'], '2025-08-18T18:19:00+05:00');
    assert.equal(a['dateModified'], '2025-08-18T19:00:00+05:00');
    assert.equal(a['inLanguage'], 'en');
    assert.equal(a['articleSection'], 'Politics');
    assert.deepEqual(a['keywords'], ['Astana', 'Transport']);
    assert.deepEqual(a['author'], [{ '@type': 'Person', name: 'Aigerim', url: 'https://x.test/en/author/aigerim' }]);
    assert.deepEqual(a['image'], [{ '@type': 'ImageObject', url: 'https://x.test/media/p-16x9-1200.webp', width: 1200, height: 675 }]);
    assert.equal(at(a, 'publisher', '@type'), 'NewsMediaOrganization');
    assert.deepEqual(at(a, 'publisher', 'logo'), { '@type': 'ImageObject', url: 'https://x.test/media/logo.png', width: 600, height: 60 });
  });

  test('an article without photo, section or tags leaves those properties out rather than empty', () => {
    const a = newsArticleJsonLd({ ...article, images: [], section: '', keywords: [] });
    assert.ok(!('image' in a) && !('articleSection' in a) && !('keywords' in a));
  });

  test('BreadcrumbList numbers its items from 1', () => {
    const b = breadcrumbJsonLd([
      { name: 'Home', url: 'https://x.test/en/' },
      { name: 'Politics', url: 'https://x.test/en/politics/' },
    ]);
    assert.equal(b['@type'], 'BreadcrumbList');
    assert.deepEqual(
      (b['itemListElement'] as { position: number; item: string }[]).map((i) => [i.position, i.item]),
      [
        [1, 'https://x.test/en/'],
        [2, 'https://x.test/en/politics/'],
      ],
    );
  });

  test('WebSite has a SearchAction whose template holds the placeholder the query-input names', () => {
    const w = webSiteJsonLd({
      name: 'H',
      description: 'D',
      url: 'https://x.test/en/',
      inLanguage: 'en',
      searchUrlTemplate: 'https://x.test/en/search?q={search_term_string}',
      publisher,
    });
    assert.equal(w['@type'], 'WebSite');
    assert.equal(at(w, 'potentialAction', '@type'), 'SearchAction');
    assert.equal(at(w, 'potentialAction', 'target', 'urlTemplate'), 'https://x.test/en/search?q={search_term_string}');
    assert.equal(at(w, 'potentialAction', 'query-input'), 'required name=search_term_string');
  });
});

describe('crops', () => {
  test('each crop has exactly its ratio, is never wider than the maximum and never upscaled', () => {
    for (const [w, h] of [
      [1200, 800],
      [4000, 3000],
      [801, 2000],
      [640, 360],
      [3000, 1000],
    ] as const) {
      for (const c of cropsFor({ file_key: 'k', width: w, height: h, focal_x: 0.5, focal_y: 0.5 })) {
        const [rw, rh] = CROP_RATIOS[c.ratio];
        assert.equal(c.width * rh, c.height * rw, `${w}x${h} ${c.ratio}`);
        assert.ok(c.width <= CROP_MAX_WIDTH && c.width <= c.region.width && c.region.width <= w && c.region.height <= h);
        assert.equal(c.region.width * rh, c.region.height * rw);
        assert.equal(c.path, `/media/k-${c.ratio}-${c.width}.webp`);
      }
    }
  });

  test('the region follows the focal point and stops at the edges', () => {
    const left = cropFor('k', 1200, 800, 0, 0.5, '1x1')!;
    const right = cropFor('k', 1200, 800, 1, 0.5, '1x1')!;
    const middle = cropFor('k', 1200, 800, 0.5, 0.5, '1x1')!;
    assert.deepEqual([left.region.left, middle.region.left, right.region.left], [0, 200, 400]);
    const high = cropFor('k', 1200, 800, 0.5, 0.1, '16x9')!;
    assert.equal(high.region.top, 0);
    assert.equal(cropFor('k', 1200, 800, Number.NaN, 0.5, '1x1')!.region.left, 200);
  });

  test('a photo too small for a ratio gets no crop of it', () => {
    assert.equal(cropFor('k', 10, 5, 0.5, 0.5, '16x9'), null);
    assert.ok(cropFor('k', 10, 5, 0.5, 0.5, '1x1'));
  });
});
