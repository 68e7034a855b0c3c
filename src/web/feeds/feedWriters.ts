// Feed data → RSS 2.0, Atom 1.0 and JSON Feed 1.1, written by the `feed` package. Where the
// package falls short the gaps are closed here, each with its reason:
// - it writes JSON Feed 1.0 (one `author`, no `language`, no attachments): 1.1 is written here;
// - it wraps titles and HTML in CDATA and escapes only the first `]]>`: texts are prepared so that
//   every later one is split too (`cdata()`), and HTML content carries `]]&gt;` instead;
// - RSS item titles are plain text, written (as the RSS Advisory Board's profile recommends for
//   plain text) with `&`, `<` and `>` as hexadecimal character references instead of the package's
//   CDATA, which aggregators that read titles as HTML would interpret; an RSS description is HTML
//   by the specification, so the lead is HTML-escaped there: `<img onerror>` in a lead is text;
// - Atom titles and summaries are `type="html"`: plain texts are HTML-escaped so a headline with
//   `<b>` in it is shown, not interpreted;
// - RSS has no element for an author's name (`author` is an e-mail address): `dc:creator` is used,
//   and the Dublin Core namespace declared when the package did not (it does only with content).
import { randomUUID } from 'node:crypto';
import { Feed, type Item } from 'feed';
import type { FeedData, FeedItem } from '../../services/feeds.ts';
import { xmlSafe } from '../../services/xmlEscape.ts';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => HTML_ENTITIES[c]!);

/**
 * Text for a CDATA section written by the package, which replaces only the first `]]>`: every
 * later one is split here (the package's own replacement then handles the first).
 */
export function cdata(text: string): string {
  const clean = xmlSafe(text);
  const first = clean.indexOf(']]>');
  if (first < 0) return clean;
  const head = clean.slice(0, first + 3);
  return head + clean.slice(first + 3).replaceAll(']]>', ']]]]><![CDATA[>');
}

/** HTML inside CDATA: `]]&gt;` is the same HTML as `]]>` and cannot end the section. */
const htmlForCdata = (html: string) => xmlSafe(html).replaceAll(']]>', ']]&gt;');

/** Plain text as XML character data, markup characters as hexadecimal references (`a&#x3C;b`). */
const PLAIN_REFS: Record<string, string> = { '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;' };
export const plainXmlText = (s: string) => xmlSafe(s).replace(/[&<>]/g, (c) => PLAIN_REFS[c]!);

/** Attribute values the package writes with only `"` and `&` escaped: `<` cannot be written there. */
const attr = (s: string) => xmlSafe(s).replace(/</g, '\uFF1C');

function build(data: FeedData, item: (i: FeedItem) => Item): Feed {
  const feed = new Feed({
    id: data.id,
    title: xmlSafe(data.title),
    description: xmlSafe(data.description),
    link: data.link,
    language: data.language,
    updated: data.updated,
    generator: 'Habarshy',
    image: data.logo,
    copyright: `© ${xmlSafe(data.publisher.name)}`,
    author: { name: xmlSafe(data.publisher.name), link: data.publisher.url },
    feedLinks: { ...data.urls },
  });
  for (const i of data.items) feed.addItem(item(i));
  return feed;
}

export function rss2(data: FeedData): string {
  // Titles go through the package as unique placeholders and are written as text afterwards.
  const marker = `habarshy-title-${randomUUID()}-`;
  const titles: string[] = [];
  const placeholder = (title: string) => `${marker}${titles.push(title) - 1}`;
  const written = build(data, (i) => ({
    title: placeholder(i.title),
    id: i.guid,
    guid: i.guid,
    link: i.url,
    date: i.published,
    published: i.published,
    description: cdata(escapeHtml(i.summary)),
    ...(i.contentHtml !== null ? { content: htmlForCdata(i.contentHtml) } : {}),
    category: [...(i.section ? [i.section] : []), ...i.tags].map((c) => ({ name: xmlSafe(c.name), domain: c.url })),
    ...(i.image ? { enclosure: { url: i.image.url, type: i.image.type, length: i.image.length } } : {}),
    extensions: i.authors.length > 0 ? [{ name: 'dc:creator', objects: i.authors.map((a) => ({ _text: xmlSafe(a.name) })) as unknown as Record<string, unknown> }] : [],
  })).rss2();
  const xml = written.replace(new RegExp(`<!\\[CDATA\\[${marker}(\\d+)\\]\\]>`, 'g'), (_, n: string) => plainXmlText(titles[Number(n)]!));
  return xml.includes('xmlns:dc=') || !xml.includes('<dc:creator>')
    ? xml
    : xml.replace('<rss version="2.0"', '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"');
}

export function atom1(data: FeedData): string {
  return build(data, (i) => ({
    title: cdata(escapeHtml(i.title)),
    id: i.guid,
    link: i.url,
    date: i.updated,
    published: i.published,
    description: cdata(escapeHtml(i.summary)),
    ...(i.contentHtml !== null ? { content: htmlForCdata(i.contentHtml) } : {}),
    author: i.authors.map((a) => ({ name: xmlSafe(a.name), link: a.url })),
    category: [...(i.section ? [i.section] : []), ...i.tags].map((c) => ({ term: attr(c.name) })),
    ...(i.image ? { enclosure: { url: i.image.url, type: i.image.type, length: i.image.length } } : {}),
  })).atom1();
}

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). The `feed` package writes version 1.0
 * (one `author`, no `language`, no attachments), so this one is written here: JSON.stringify
 * escapes by construction.
 */
export function jsonFeed(data: FeedData): string {
  const out = {
    version: 'https://jsonfeed.org/version/1.1',
    title: data.title,
    home_page_url: data.link,
    feed_url: data.urls.json,
    description: data.description,
    icon: data.logo,
    language: data.language,
    authors: [{ name: data.publisher.name, url: data.publisher.url }],
    items: data.items.map((i) => {
      return {
        id: i.guid,
        url: i.url,
        title: i.title,
        summary: i.summary,
        ...(i.contentHtml !== null ? { content_html: i.contentHtml } : { content_text: i.summary }),
        ...(i.image ? { image: i.image.url } : {}),
        date_published: i.publishedIso,
        date_modified: i.updatedIso,
        authors: i.authors.map((a) => ({ name: a.name, url: a.url })),
        tags: [...(i.section ? [i.section.name] : []), ...i.tags.map((t) => t.name)],
        language: data.language,
        ...(i.image ? { attachments: [{ url: i.image.url, mime_type: i.image.type, size_in_bytes: i.image.length, title: i.image.alt }] } : {}),
      };
    }),
  };
  return JSON.stringify(out);
}
