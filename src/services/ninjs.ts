// IPTC ninjs ("News in JSON") for partner agencies: pure functions from an API article to a ninjs
// 2.2 or 3.1 object (https://iptc.org/standards/ninjs/). 2.x spells properties in lower case
// (`versioncreated`), 3.x in camel case (`versionCreated`); the content is the same.
import type { ApiArticle, ApiBlock, ApiImage } from './apiModels.ts';
import type { Inline } from '../content/body.ts';

export const NINJS_VERSIONS = ['2.2', '3.1'] as const;
export type NinjsVersion = (typeof NINJS_VERSIONS)[number];

export const NINJS_SCHEMA_URI: Record<NinjsVersion, string> = {
  '2.2': 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json',
  '3.1': 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json',
};

/** Places the agency reports from, recognised by tag key: their GeoJSON point (longitude, latitude). */
export const KNOWN_PLACES: Readonly<Record<string, { readonly lon: number; readonly lat: number; readonly geonames: string }>> = {
  astana: { lon: 71.4491, lat: 51.1694, geonames: 'https://sws.geonames.org/1526273/' },
  almaty: { lon: 76.9286, lat: 43.2567, geonames: 'https://sws.geonames.org/1526384/' },
  shymkent: { lon: 69.5901, lat: 42.3417, geonames: 'https://sws.geonames.org/1518980/' },
};

export interface NinjsOptions {
  /** The agency as copyright holder, in the edition's language ("Habarshy"). */
  readonly publisher: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Ninjs = Record<string, any>;

const inlineText = (xs: readonly Inline[]) => xs.map((x) => x.text).join('');

/** The body as plain text: one paragraph per block, images left out, embeds as their URL. */
export function blocksToText(blocks: readonly ApiBlock[]): string {
  const parts: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        parts.push(inlineText(b.content));
        break;
      case 'quote':
        parts.push(b.cite ? `${inlineText(b.content)} — ${b.cite}` : inlineText(b.content));
        break;
      case 'list':
        parts.push(b.items.map((i, n) => `${b.ordered ? `${n + 1}.` : '•'} ${inlineText(i)}`).join('\n'));
        break;
      case 'table':
        parts.push(b.rows.map((r) => r.map(inlineText).join('\t')).join('\n'));
        break;
      case 'embed':
        parts.push(b.url);
        break;
      case 'image':
      case 'gallery':
      case 'divider':
        break;
    }
  }
  return parts.filter((p) => p !== '').join('\n\n');
}

/** Words: runs of letters and digits, each Chinese character counted as one. */
export function wordCount(text: string): number {
  return text.match(/\p{Script=Han}|[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** The place an article reports from: the first tag naming a known place, in the edition's script. */
export function locatedOf(article: ApiArticle): { name: string; key: string } | null {
  const tag = article.tags.find((t) => Object.hasOwn(KNOWN_PLACES, t.key));
  return tag ? { name: tag.name, key: tag.key } : null;
}

/** Every picture of the article: the lead photo first, then those of the body. */
function pictures(article: ApiArticle): { role: string; image: ApiImage }[] {
  const out: { role: string; image: ApiImage }[] = [];
  if (article.image) out.push({ role: 'featureimage', image: article.image });
  for (const b of article.body.blocks) {
    if (b.type === 'image') out.push({ role: 'image', image: b.image });
    else if (b.type === 'gallery') for (const image of b.images) out.push({ role: 'image', image });
  }
  return out;
}

/** Property names per version: 2.x lower case, 3.x camel case. */
function naming(version: NinjsVersion) {
  const camel = version.startsWith('3');
  const n = (lower: string, camelCase: string) => (camel ? camelCase : lower);
  return {
    camel,
    firstCreated: n('firstcreated', 'firstCreated'),
    versionCreated: n('versioncreated', 'versionCreated'),
    pubStatus: n('pubstatus', 'pubStatus'),
    representationType: n('representationtype', 'representationType'),
    copyrightHolder: n('copyrightholder', 'copyrightHolder'),
    contentType: n('contenttype', 'contentType'),
    charCount: n('charcount', 'charCount'),
    wordCount: n('wordcount', 'wordCount'),
    altIds: n('altids', 'altIds'),
    geoJson: n('geojson', 'geoJSON'),
  };
}

function picture(article: ApiArticle, p: { role: string; image: ApiImage }, index: number, version: NinjsVersion): Ninjs {
  const k = naming(version);
  const { image } = p;
  const item: Ninjs = {
    name: p.role === 'featureimage' ? 'featureimage' : `image${index}`,
    uri: image.url,
    type: 'picture',
    [k.representationType]: 'full',
    language: article.lang,
    [k.pubStatus]: 'usable',
    renditions: image.renditions.map((r) => ({
      name: `w${r.width}`,
      href: r.url,
      [k.contentType]: 'image/webp',
      width: r.width,
      height: r.height,
    })),
  };
  if (k.camel) item['rel'] = p.role === 'featureimage' ? 'featureimage' : 'inline';
  if (image.caption) item['descriptions'] = [{ role: 'caption', [k.contentType]: 'text/plain', value: image.caption }];
  if (image.alt) item['headlines'] = [{ role: 'alt', value: image.alt }];
  if (image.credit) {
    item['by'] = image.credit;
    item[k.copyrightHolder] = image.credit;
  }
  return item;
}

/** One article as a ninjs object of the given version. */
export function toNinjs(article: ApiArticle, version: NinjsVersion, opts: NinjsOptions): Ninjs {
  const k = naming(version);
  const text = blocksToText(article.body.blocks);
  const located = locatedOf(article);
  const place = located ? KNOWN_PLACES[located.key] : undefined;
  const out: Ninjs = {
    uri: article.url,
    standard: { name: 'ninjs', version, schema: NINJS_SCHEMA_URI[version] },
    type: 'text',
    [k.representationType]: 'full',
    version: String(article.revision),
    [k.firstCreated]: article.createdAt,
    [k.versionCreated]: article.updatedAt ?? article.publishedAt,
    [k.pubStatus]: 'usable',
    urgency: article.breaking ? 1 : 5,
    [k.copyrightHolder]: opts.publisher,
    language: article.lang,
    headlines: [{ role: 'main', value: article.headline }],
    descriptions: [{ role: 'summary', [k.contentType]: 'text/plain', value: article.lead }],
    bodies: [
      {
        role: 'main',
        [k.contentType]: 'text/html',
        [k.charCount]: [...text].length,
        [k.wordCount]: wordCount(text),
        value: article.body.html,
      },
      { role: 'main', [k.contentType]: 'text/plain', [k.charCount]: [...text].length, [k.wordCount]: wordCount(text), value: text },
    ],
    subjects: [
      ...(article.section ? [{ name: article.section.name, rel: 'section', uri: article.section.url, literal: article.section.key }] : []),
      ...article.tags.map((t) => ({ name: t.name, rel: 'tag', uri: t.url, literal: t.key })),
    ],
    [k.altIds]: [
      { role: 'publicId', value: article.id },
      { role: 'storyId', value: String(article.storyId) },
    ],
  };
  if (article.authors.length > 0) {
    out['by'] = article.authors.map((a) => a.name).join(', ');
    out['people'] = article.authors.map((a) => ({ name: a.name, rel: 'author', uri: a.url }));
  }
  if (located && place) {
    out['located'] = located.name;
    out['places'] = [
      {
        name: located.name,
        rel: 'located',
        uri: place.geonames,
        literal: located.key,
        [k.geoJson]: { type: 'Point', coordinates: [place.lon, place.lat] },
      },
    ];
  }
  const pics = pictures(article);
  if (pics.length > 0) out['associations'] = pics.map((p, i) => picture(article, p, i, version));
  return out;
}
