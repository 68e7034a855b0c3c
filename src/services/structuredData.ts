// Structured data (schema.org JSON-LD) of reader pages, as plain objects: data in, objects out.
// Texts arrive final (in the edition's language and script), dates as ISO 8601 with the offset,
// URLs absolute. Serializing them safely into HTML is the view's job (views/JsonLd.tsx).

export type JsonLd = Readonly<Record<string, unknown>>;

export interface LinkedName {
  readonly name: string;
  readonly url: string;
}

export interface ImageRef {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  /** The photo's caption and credit as the article shows them (its own, else the library's). */
  readonly caption?: string;
  readonly creditText?: string;
}

export interface Publisher extends LinkedName {
  readonly logo: ImageRef;
}

export interface NewsArticleInput {
  /** The canonical URL of the article page. */
  readonly url: string;
  readonly headline: string;
  readonly description: string;
  /** ISO 8601 with offset (isoWithOffset). */
  readonly datePublished: string;
  readonly dateModified: string;
  /** BCP 47, as `<html lang>`. */
  readonly inLanguage: string;
  readonly section: string;
  readonly keywords: readonly string[];
  readonly authors: readonly LinkedName[];
  /** The lead photo's crops (16:9, 4:3, 1:1). */
  readonly images: readonly ImageRef[];
  readonly publisher: Publisher;
}

const CONTEXT = 'https://schema.org';

function imageObject(i: ImageRef): JsonLd {
  return {
    '@type': 'ImageObject',
    url: i.url,
    width: i.width,
    height: i.height,
    ...(i.caption ? { caption: i.caption } : {}),
    ...(i.creditText ? { creditText: i.creditText } : {}),
  };
}

export function organizationJsonLd(p: Publisher): JsonLd {
  return { '@type': 'NewsMediaOrganization', name: p.name, url: p.url, logo: imageObject(p.logo) };
}

export function newsArticleJsonLd(a: NewsArticleInput): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    url: a.url,
    headline: a.headline,
    description: a.description,
    datePublished: a.datePublished,
    dateModified: a.dateModified,
    inLanguage: a.inLanguage,
    ...(a.section ? { articleSection: a.section } : {}),
    ...(a.keywords.length > 0 ? { keywords: [...a.keywords] } : {}),
    author: a.authors.map((x) => ({ '@type': 'Person', name: x.name, url: x.url })),
    ...(a.images.length > 0 ? { image: a.images.map(imageObject) } : {}),
    publisher: organizationJsonLd(a.publisher),
    isAccessibleForFree: true,
  };
}

/** Home → section → article (or any trail): positions from 1, every item with its URL. */
export function breadcrumbJsonLd(items: readonly LinkedName[]): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((x, i) => ({ '@type': 'ListItem', position: i + 1, name: x.name, item: x.url })),
  };
}

export interface WebSiteInput {
  readonly name: string;
  readonly description: string;
  /** The edition's home. */
  readonly url: string;
  readonly inLanguage: string;
  /** The search URL with `{search_term_string}` where the query goes. */
  readonly searchUrlTemplate: string;
  readonly publisher: Publisher;
}

export function webSiteJsonLd(w: WebSiteInput): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: w.name,
    description: w.description,
    url: w.url,
    inLanguage: w.inLanguage,
    publisher: organizationJsonLd(w.publisher),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: w.searchUrlTemplate },
      'query-input': 'required name=search_term_string',
    },
  };
}
