// Body blocks (src/content/body.ts, docs/body-schema.md) ⇄ the ProseMirror JSON of the editor.
// Pure functions with no DOM and no runtime import of body.ts (its TypeBox compiler uses
// `new Function`, which the newsroom's CSP forbids): the unit test checks the round trip in Node.
import type { Block, Body, Inline } from '../../content/body.ts';
import { embedProviderOf } from '../../content/embeds.ts';

/** ProseMirror/TipTap JSON, as `editor.getJSON()` returns it. */
export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}
export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  marks?: PmMark[];
  text?: string;
}

type MarkName = NonNullable<Inline['marks']>[number];
type EmbedProvider = Extract<Block, { type: 'embed' }>['provider'];
type ImageFields = Omit<Extract<Block, { type: 'image' }>, 'type'>;

/** Body marks in their canonical order, with the TipTap mark that carries each. */
const MARKS: readonly (readonly [MarkName, string])[] = [
  ['bold', 'bold'],
  ['italic', 'italic'],
  ['underline', 'underline'],
  ['strike', 'strike'],
  ['code', 'code'],
  ['sub', 'subscript'],
  ['sup', 'superscript'],
];
const MARK_BY_PM = new Map(MARKS.map(([body, pm]) => [pm, body]));
const PM_BY_MARK = new Map(MARKS.map(([body, pm]) => [body, pm]));

/**
 * The body schema's patterns (src/content/body.ts), repeated here because that module is not
 * bundled (a unit test checks they are the same). `//host` and `/\host` are other hosts, not paths.
 */
export const HREF_PATTERN = /^(https?:\/\/[^\s]+|mailto:[^\s]+|\/(?![/\\])[^\s]*)$/;
export const LANG_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function isAllowedHref(href: unknown): href is string {
  return typeof href === 'string' && href.length <= 2048 && HREF_PATTERN.test(href);
}

export function isAllowedLang(lang: unknown): lang is string {
  return typeof lang === 'string' && lang.length <= 35 && LANG_PATTERN.test(lang);
}

// ---------------------------------------------------------------------------------------------
// blocks → ProseMirror

export function bodyToDoc(body: Body | null | undefined): PmNode {
  const content = (body?.blocks ?? []).map(blockToNode);
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

function inlinesToNodes(inlines: readonly Inline[]): PmNode[] {
  return inlines
    .filter((x) => x.text !== '')
    .map((x) => {
      const marks: PmMark[] = (x.marks ?? []).map((m) => ({ type: PM_BY_MARK.get(m) ?? m }));
      if (x.href) marks.push({ type: 'link', attrs: { href: x.href } });
      if (x.lang) marks.push({ type: 'lang', attrs: { lang: x.lang } });
      return marks.length ? { type: 'text', text: x.text, marks } : { type: 'text', text: x.text };
    });
}

function textBlock(type: string, inlines: readonly Inline[], attrs?: Record<string, unknown>): PmNode {
  const node: PmNode = { type };
  if (attrs) node.attrs = attrs;
  const content = inlinesToNodes(inlines);
  if (content.length) node.content = content;
  return node;
}

function imageAttrs(image: ImageFields): Record<string, unknown> {
  return { assetId: image.assetId, caption: image.caption ?? '', credit: image.credit ?? '', alt: image.alt ?? '' };
}

function blockToNode(block: Block): PmNode {
  switch (block.type) {
    case 'paragraph':
      return textBlock('paragraph', block.content);
    case 'heading':
      return textBlock('heading', block.content, { level: block.level });
    case 'quote':
      return {
        type: 'blockquote',
        attrs: { cite: block.cite ?? '', lang: block.lang ?? '' },
        content: [textBlock('paragraph', block.content)],
      };
    case 'list':
      return {
        type: block.ordered ? 'orderedList' : 'bulletList',
        content: block.items.map((item) => ({ type: 'listItem', content: [textBlock('paragraph', item)] })),
      };
    case 'image':
      return { type: 'image', attrs: imageAttrs(block) };
    case 'gallery':
      return { type: 'gallery', attrs: { items: block.items.map(imageAttrs) } };
    case 'embed':
      return { type: 'embed', attrs: { provider: block.provider, url: block.url } };
    case 'table':
      return {
        type: 'table',
        content: block.rows.map((row, r) => ({
          type: 'tableRow',
          content: row.map((cell) => ({
            type: block.header && r === 0 ? 'tableHeader' : 'tableCell',
            content: [textBlock('paragraph', cell)],
          })),
        })),
      };
    case 'divider':
      return { type: 'horizontalRule' };
  }
}

// ---------------------------------------------------------------------------------------------
// ProseMirror → blocks

export function docToBody(doc: PmNode): Body {
  const blocks: Block[] = [];
  for (const node of doc.content ?? []) blocks.push(...nodeToBlocks(node));
  // An empty editor holds one empty paragraph; the body of an empty article has no blocks.
  while (blocks.length && isEmptyParagraph(blocks[blocks.length - 1]!)) blocks.pop();
  return { version: 1, blocks };
}

function isEmptyParagraph(block: Block): boolean {
  return block.type === 'paragraph' && block.content.length === 0;
}

function textAttr(attrs: Record<string, unknown> | undefined, key: string): string {
  const value = attrs?.[key];
  return typeof value === 'string' ? value : '';
}

/** Inline runs of a text block; adjacent runs with equal attributes are joined. */
export function nodesToInlines(nodes: readonly PmNode[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') {
      appendText(out, { type: 'text', text: ' ' });
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    appendText(out, textNodeToInline(node));
  }
  return out;
}

function textNodeToInline(node: PmNode): Inline {
  const inline: Inline = { type: 'text', text: node.text ?? '' };
  const present = new Set<MarkName>();
  for (const mark of node.marks ?? []) {
    const name = MARK_BY_PM.get(mark.type);
    if (name) present.add(name);
    else if (mark.type === 'link' && isAllowedHref(mark.attrs?.['href'])) inline.href = mark.attrs['href'];
    else if (mark.type === 'lang' && isAllowedLang(mark.attrs?.['lang'])) inline.lang = mark.attrs['lang'];
  }
  const marks = MARKS.map(([name]) => name).filter((name) => present.has(name));
  if (marks.length) inline.marks = marks;
  return inline;
}

function sameAttributes(a: Inline, b: Inline): boolean {
  return a.href === b.href && a.lang === b.lang && (a.marks ?? []).join() === (b.marks ?? []).join();
}

function appendText(out: Inline[], inline: Inline): void {
  const last = out[out.length - 1];
  if (last && sameAttributes(last, inline)) last.text += inline.text;
  else out.push(inline);
}

/** The inline content of a container whose children are paragraphs (list item, cell, quote). */
function containerInlines(node: PmNode): Inline[] {
  const out: Inline[] = [];
  for (const child of node.content ?? []) {
    const inlines = child.type === 'text' ? nodesToInlines([child]) : nodesToInlines(child.content);
    if (out.length && inlines.length) appendText(out, { type: 'text', text: ' ' });
    for (const inline of inlines) appendText(out, inline);
  }
  return out;
}

function headingLevel(level: unknown): 2 | 3 | 4 {
  const n = typeof level === 'number' ? level : 2;
  return n <= 2 ? 2 : n >= 4 ? 4 : 3;
}

function readImage(attrs: Record<string, unknown> | undefined): ImageFields | null {
  const assetId = Number(attrs?.['assetId']);
  if (!Number.isInteger(assetId) || assetId < 1) return null;
  const image: ImageFields = { assetId };
  for (const key of ['caption', 'credit', 'alt'] as const) {
    const value = textAttr(attrs, key);
    if (value) image[key] = value;
  }
  return image;
}

function nodeToBlocks(node: PmNode): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [{ type: 'paragraph', content: nodesToInlines(node.content) }];
    case 'heading':
      return [{ type: 'heading', level: headingLevel(node.attrs?.['level']), content: nodesToInlines(node.content) }];
    case 'blockquote':
      return [quoteBlock(node)];
    case 'bulletList':
    case 'orderedList':
      return listBlock(node);
    case 'image': {
      const image = readImage(node.attrs);
      return image ? [{ type: 'image', ...image }] : [];
    }
    case 'gallery':
      return galleryBlock(node);
    case 'embed':
      return embedBlock(node);
    case 'table':
      return tableBlock(node);
    case 'horizontalRule':
      return [{ type: 'divider' }];
    default:
      // Anything else a future extension might produce keeps its words as a paragraph.
      return node.content ? [{ type: 'paragraph', content: containerInlines(node) }] : [];
  }
}

/**
 * An embed that came from a stored body keeps its provider and address exactly as they were, even
 * when this editor does not know them (a provider added on the server first): dropping it here
 * would delete it at the next save. Only an embed without a provider (pasted HTML) must be
 * recognised by its address, or it is left out (it never was in the body).
 */
function embedBlock(node: PmNode): Block[] {
  const provider = textAttr(node.attrs, 'provider');
  const url = textAttr(node.attrs, 'url');
  if (provider && url) return [{ type: 'embed', provider: provider as EmbedProvider, url }];
  const embed = embedFromUrl(url);
  return embed ? [{ type: 'embed', ...embed }] : [];
}

function quoteBlock(node: PmNode): Block {
  const quote: Extract<Block, { type: 'quote' }> = { type: 'quote', content: containerInlines(node) };
  const cite = textAttr(node.attrs, 'cite').trim();
  const lang = textAttr(node.attrs, 'lang');
  if (cite) quote.cite = cite;
  if (isAllowedLang(lang)) quote.lang = lang;
  return quote;
}

function listBlock(node: PmNode): Block[] {
  const items = (node.content ?? []).map(containerInlines);
  return items.length ? [{ type: 'list', ordered: node.type === 'orderedList', items }] : [];
}

function galleryBlock(node: PmNode): Block[] {
  const raw = node.attrs?.['items'];
  const items = (Array.isArray(raw) ? raw : [])
    .map((item) => readImage(item as Record<string, unknown>))
    .filter((item): item is ImageFields => item !== null);
  return items.length ? [{ type: 'gallery', items }] : [];
}

function tableBlock(node: PmNode): Block[] {
  const rows = (node.content ?? []).map((row) => row.content ?? []).filter((cells) => cells.length > 0);
  if (!rows.length) return [];
  const header = rows[0]!.every((cell) => cell.type === 'tableHeader');
  return [{ type: 'table', header, rows: rows.map((cells) => cells.map(containerInlines)) }];
}

// ---------------------------------------------------------------------------------------------
// Embeds, counts

/** The embed for a pasted post URL, or null when the address is not one of the supported providers. */
export function embedFromUrl(raw: string): { provider: EmbedProvider; url: string } | null {
  const url = raw.trim();
  const provider = embedProviderOf(url);
  return provider ? { provider, url } : null;
}

/** All words of a body as plain text (paragraph per line). */
export function bodyPlainText(body: Body): string {
  const lines: string[] = [];
  const join = (xs: readonly Inline[]) => lines.push(xs.map((x) => x.text).join(''));
  for (const block of body.blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
      case 'quote':
        join(block.content);
        break;
      case 'list':
        block.items.forEach(join);
        break;
      case 'table':
        block.rows.forEach((row) => row.forEach(join));
        break;
      case 'image':
        if (block.caption) lines.push(block.caption);
        break;
      case 'gallery':
        block.items.forEach((item) => item.caption && lines.push(item.caption));
        break;
      case 'embed':
      case 'divider':
        break;
    }
  }
  return lines.join('\n');
}

/** 200 words a minute: the usual figure for news reading in the languages we publish. */
const WORDS_PER_MINUTE = 200;

export interface TextStats {
  characters: number;
  words: number;
  readingMinutes: number;
}

export function textStats(...texts: string[]): TextStats {
  const all = texts.join('\n');
  const characters = [...all.replace(/\s+/g, ' ').trim()].length;
  const words = all.split(/\s+/).filter(Boolean).length;
  return { characters, words, readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
}
