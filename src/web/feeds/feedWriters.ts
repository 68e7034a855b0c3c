// Feed data → RSS 2.0, Atom 1.0 and JSON Feed 1.1, written by the `feed` package. Where the
// package falls short the gaps are closed here, each with its reason:
// - it writes JSON Feed 1.0 (one `author`, no `language`, no attachments): 1.1 is written here;
// - its XML writer (xml-js's `writeText`) turns every `&amp;` of a text back into `&` before
//   escaping, so a name that holds the characters `&amp;` came out as `&amp;` read once (a level
//   lost), and attribute values get only `"` escaped (a `<` there is not XML). So no text of ours
//   goes through it as text or attribute: each passes as a unique placeholder (`Placeholders`) and
//   is written, escaped here, into the finished document;
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
import { xmlEscape, xmlSafe } from '../../services/xmlEscape.ts';

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

/**
 * Texts handed to the package as placeholders (`habarshy-<uuid>-<n>`: letters, digits and hyphens,
 * which it writes unchanged) and put into the finished XML by `write()`: as plain XML text
 * (`xmlEscape`, also right inside a quoted attribute value), or, for a placeholder the package wrapped
 * in CDATA (an RSS item title), as text with hexadecimal references (`plainXmlText`).
 */
class Placeholders {
  private readonly marker = `habarshy-${randomUUID()}-`;
  private readonly texts: string[] = [];

  put(text: string): string {
    return `${this.marker}${this.texts.push(text) - 1}`;
  }

  write(xml: string): string {
    const pattern = new RegExp(`<!\\[CDATA\\[${this.marker}(\\d+)\\]\\]>|${this.marker}(\\d+)`, 'g');
    return xml.replace(pattern, (_, inCdata: string | undefined, bare: string | undefined) =>
      inCdata !== undefined ? plainXmlText(this.texts[Number(inCdata)]!) : xmlEscape(this.texts[Number(bare)]!),
    );
  }
}

function build(data: FeedData, text: Placeholders, item: (i: FeedItem) => Item): Feed {
  const feed = new Feed({
    id: data.id,
    title: text.put(data.title),
    description: text.put(data.description),
    link: data.link,
    language: data.language,
    updated: data.updated,
    generator: 'Habarshy',
    image: data.logo,
    copyright: text.put(`© ${data.publisher.name}`),
    author: { name: text.put(data.publisher.name), link: data.publisher.url },
    feedLinks: { ...data.urls },
  });
  for (const i of data.items) feed.addItem(item(i));
  return feed;
}

export function rss2(data: FeedData): string {
  const text = new Placeholders();
  const written = build(data, text, (i) => ({
    title: text.put(i.title),
    id: i.guid,
    guid: i.guid,
    link: i.url,
    date: i.published,
    published: i.published,
    description: cdata(escapeHtml(i.summary)),
    ...(i.contentHtml !== null ? { content: htmlForCdata(i.contentHtml) } : {}),
    category: [...(i.section ? [i.section] : []), ...i.tags].map((c) => ({ name: text.put(c.name), domain: c.url })),
    ...(i.image ? { enclosure: { url: i.image.url, type: i.image.type, length: i.image.length } } : {}),
    extensions:
      i.authors.length > 0
        ? [{ name: 'dc:creator', objects: i.authors.map((a) => ({ _text: text.put(a.name) })) as unknown as Record<string, unknown> }]
        : [],
  })).rss2();
  const xml = text.write(written);
  return xml.includes('xmlns:dc=') || !xml.includes('<dc:creator>')
    ? xml
    : xml.replace('<rss version="2.0"', '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"');
}

export function atom1(data: FeedData): string {
  const text = new Placeholders();
  return text.write(
    build(data, text, (i) => ({
      title: cdata(escapeHtml(i.title)),
      id: i.guid,
      link: i.url,
      date: i.updated,
      published: i.published,
      description: cdata(escapeHtml(i.summary)),
      ...(i.contentHtml !== null ? { content: htmlForCdata(i.contentHtml) } : {}),
      author: i.authors.map((a) => ({ name: text.put(a.name), link: a.url })),
      category: [...(i.section ? [i.section] : []), ...i.tags].map((c) => ({ term: text.put(c.name) })),
      ...(i.image ? { enclosure: { url: i.image.url, type: i.image.type, length: i.image.length } } : {}),
    })).atom1(),
  );
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
        ...(i.image
          ? { attachments: [{ url: i.image.url, mime_type: i.image.type, size_in_bytes: i.image.length, title: i.image.alt }] }
          : {}),
      };
    }),
  };
  return JSON.stringify(out);
}
