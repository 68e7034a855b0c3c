// A readable comparison of two revisions: headline, lead, body and the metadata that changed.
// The body is compared block by block first (blocks whose content is identical are matched
// whole), then word by word inside the blocks that changed, with jsdiff. Besides the words, the
// reviewer sees what text alone hides: changed link targets, marks (bold, italic…), and added,
// removed or changed photos, galleries and embeds.
//
// The work is bounded: every word comparison stops at an edit length (MAX_EDIT_LENGTH) and the
// whole comparison at a time budget; a block past either is shown whole (deleted, then inserted)
// and the answer says `limited`. It runs in a worker thread (diffWorker.ts) so a long comparison
// never holds the process's event loop.
import { diffArrays } from 'diff';
import type { Block, Body, Inline } from './body.ts';

// Word boundaries of every script (jsdiff's default word pattern knows Latin letters only).
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

export interface DiffPart { readonly op: 'eq' | 'ins' | 'del'; readonly text: string }
export interface FieldDiff { readonly field: string; readonly parts: readonly DiffPart[] }

/**
 * A change the words alone do not show. `before`/`after` hold the old and new value: a link's
 * target, a comma-separated list of marks, a photo's `#assetId`, a caption, an embed's address.
 */
export interface BodyChange {
  readonly kind: 'link' | 'marks' | 'image' | 'gallery' | 'embed';
  readonly op: 'added' | 'removed' | 'changed';
  /** Position of the block (from 1) in the newer revision; in the older one when it was removed. */
  readonly block: number;
  /** The words concerned, for context: the linked or marked text, a photo's caption. */
  readonly text: string;
  /** Which property of a photo or embed changed. */
  readonly field?: 'photo' | 'caption' | 'credit' | 'alt' | 'items' | 'url' | 'provider';
  readonly before: string;
  readonly after: string;
}

export interface RevisionComparison {
  readonly fields: FieldDiff[];
  readonly changes: BodyChange[];
  /** Some text was too different to compare word by word within the limits; it is shown whole. */
  readonly limited: boolean;
}

/** Edit length (inserted plus deleted words and spaces) past which one text is shown whole. */
export const MAX_EDIT_LENGTH = 2_000;
/** Time budget of one comparison, in milliseconds (in the worker thread). */
export const TIME_BUDGET_MS = 3_000;

interface Limits { readonly deadline: number; limited: boolean }

const now = () => performance.now();

/** jsdiff with the edit-length cap and what is left of the time budget; undefined past either. */
function boundedDiff<T>(a: T[], b: T[], limits: Limits): { value: T[]; added?: boolean; removed?: boolean; count: number }[] | undefined {
  const left = limits.deadline - now();
  if (left <= 0) return undefined;
  return diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH, timeout: Math.max(1, Math.floor(left)) } as Parameters<typeof diffArrays<T>>[2] & { maxEditLength: number }) ?? undefined;
}

const words = (text: string): string[] => [...segmenter.segment(text)].map((s) => s.segment);

function pushPart(out: DiffPart[], op: DiffPart['op'], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.op === op) out[out.length - 1] = { op, text: last.text + text };
  else out.push({ op, text });
}

/** Word differences of two texts, or the whole of both when past the limits. */
function wordParts(a: string, b: string, limits: Limits, out: DiffPart[] = []): DiffPart[] {
  if (a === b) { pushPart(out, 'eq', a); return out; }
  const changes = boundedDiff(words(a), words(b), limits);
  if (!changes) {
    limits.limited = true;
    pushPart(out, 'del', a);
    pushPart(out, 'ins', b);
    return out;
  }
  for (const c of changes) pushPart(out, c.added ? 'ins' : c.removed ? 'del' : 'eq', c.value.join(''));
  return out;
}

/** Differences word by word (spaces and punctuation are tokens of their own), as runs of text. */
export function wordDiff(a: string, b: string): DiffPart[] {
  return wordParts(a, b, { deadline: now() + TIME_BUDGET_MS, limited: false });
}

// ---------------------------------------------------------------------------------------------
// Body

interface Token { readonly text: string; readonly href: string; readonly marks: string }

/** The inline runs of a text-bearing block (list items and table cells on lines of their own). */
function inlinesOf(block: Block): Inline[] | null {
  const lines = (rows: readonly (readonly Inline[])[]) => rows.flatMap((r, i) => (i ? [{ type: 'text', text: '\n' } as Inline, ...r] : [...r]));
  switch (block.type) {
    case 'paragraph': case 'heading': case 'quote': return [...block.content];
    case 'list': return lines(block.items);
    case 'table': return lines(block.rows.map((r) => r.flatMap((c, i) => (i ? [{ type: 'text', text: ' | ' } as Inline, ...c] : [...c]))));
    default: return null;
  }
}

/** The text a block shows in the comparison (captions for photos, like bodyText). */
function blockText(block: Block): string {
  const inlines = inlinesOf(block);
  if (inlines) return inlines.map((x) => x.text).join('');
  if (block.type === 'image') return block.caption ?? '';
  if (block.type === 'gallery') return block.items.map((i) => i.caption ?? '').filter(Boolean).join('\n');
  return '';
}

/** Words of a text block, each with the link target and marks of the run where it starts. */
function tokens(inlines: readonly Inline[]): Token[] {
  const text = inlines.map((x) => x.text).join('');
  const out: Token[] = [];
  let run = 0;
  let runEnd = inlines[0]?.text.length ?? 0;
  for (const s of segmenter.segment(text)) {
    while (s.index >= runEnd && run < inlines.length - 1) runEnd += inlines[++run]!.text.length;
    const x = inlines[run];
    out.push({ text: s.segment, href: x?.href ?? '', marks: (x?.marks ?? []).join(',') });
  }
  return out;
}

const blank = (s: string) => s.trim() === '';

interface Pair { text: string; before: string; after: string; sep?: true }
const SEPARATOR: Pair = { text: '', before: '', after: '', sep: true };

/** Groups consecutive tokens whose (before, after) pair is the same, ignoring spaces between them. */
function groupRuns(pairs: readonly Pair[], emit: (text: string, before: string, after: string) => void): void {
  let cur: Pair | null = null;
  const flush = () => { if (cur && !blank(cur.text)) emit(cur.text.trim(), cur.before, cur.after); cur = null; };
  for (const p of pairs) {
    if (p.sep) { flush(); continue; }
    if (cur && cur.before === p.before && cur.after === p.after) { cur.text += p.text; continue; }
    if (cur && blank(p.text)) { cur.text += p.text; continue; }
    flush();
    if (p.before !== p.after) cur = { ...p };
  }
  flush();
}

const linkOp = (before: string, after: string): BodyChange['op'] => (!before ? 'added' : !after ? 'removed' : 'changed');

/** Word differences of two text blocks plus the link and mark changes on their words. */
function textBlockDiff(a: readonly Inline[], b: readonly Inline[], block: number, limits: Limits, parts: DiffPart[], changes: BodyChange[]): void {
  const ta = tokens(a);
  const tb = tokens(b);
  const result = boundedDiff(ta.map((t) => t.text), tb.map((t) => t.text), limits);
  if (!result) {
    limits.limited = true;
    pushPart(parts, 'del', ta.map((t) => t.text).join(''));
    pushPart(parts, 'ins', tb.map((t) => t.text).join(''));
    return;
  }
  const links: Pair[] = [];
  const marks: Pair[] = [];
  let ia = 0;
  let ib = 0;
  const breakRuns = () => { links.push(SEPARATOR); marks.push(SEPARATOR); };
  for (const c of result) {
    if (c.added) {
      breakRuns();
      for (const t of tb.slice(ib, ib + c.count)) links.push({ text: t.text, before: '', after: t.href });
      ib += c.count;
      breakRuns();
    } else if (c.removed) {
      breakRuns();
      for (const t of ta.slice(ia, ia + c.count)) links.push({ text: t.text, before: t.href, after: '' });
      ia += c.count;
      breakRuns();
    } else {
      for (let k = 0; k < c.count; k++) {
        const x = ta[ia + k]!;
        const y = tb[ib + k]!;
        links.push({ text: y.text, before: x.href, after: y.href });
        marks.push({ text: y.text, before: x.marks, after: y.marks });
      }
      ia += c.count;
      ib += c.count;
    }
    pushPart(parts, c.added ? 'ins' : c.removed ? 'del' : 'eq', c.value.join(''));
  }
  groupRuns(links, (text, before, after) => changes.push({ kind: 'link', op: linkOp(before, after), block, text, before, after }));
  groupRuns(marks, (text, before, after) => changes.push({ kind: 'marks', op: linkOp(before, after), block, text, before, after }));
}

const photo = (assetId: number) => `#${assetId}`;

/** What changed between two media blocks of the same type. */
function mediaChanges(a: Block, b: Block, block: number): BodyChange[] {
  const out: BodyChange[] = [];
  const field = (kind: BodyChange['kind'], name: NonNullable<BodyChange['field']>, before: string, after: string, text: string) => {
    if (before !== after) out.push({ kind, op: 'changed', block, field: name, text, before, after });
  };
  if (a.type === 'image' && b.type === 'image') {
    const text = b.caption ?? '';
    field('image', 'photo', photo(a.assetId), photo(b.assetId), text);
    field('image', 'caption', a.caption ?? '', b.caption ?? '', text);
    field('image', 'credit', a.credit ?? '', b.credit ?? '', text);
    field('image', 'alt', a.alt ?? '', b.alt ?? '', text);
  } else if (a.type === 'gallery' && b.type === 'gallery') {
    const list = (g: typeof a) => g.items.map((i) => `${photo(i.assetId)}${i.caption ? ` ${i.caption}` : ''}${i.credit ? ` (${i.credit})` : ''}`).join('; ');
    field('gallery', 'items', list(a), list(b), '');
  } else if (a.type === 'embed' && b.type === 'embed') {
    field('embed', 'provider', a.provider, b.provider, b.url);
    field('embed', 'url', a.url, b.url, b.url);
  }
  return out;
}

/** A photo, gallery or embed added or removed as a whole. */
function mediaPresence(block: Block, position: number, op: 'added' | 'removed'): BodyChange | null {
  const value = block.type === 'image' ? photo(block.assetId)
    : block.type === 'gallery' ? block.items.map((i) => photo(i.assetId)).join(', ')
    : block.type === 'embed' ? `${block.provider}: ${block.url}` : null;
  if (value === null) return null;
  const kind = block.type as 'image' | 'gallery' | 'embed';
  const text = block.type === 'image' ? block.caption ?? '' : block.type === 'embed' ? block.url : '';
  return { kind, op, block: position, text, before: op === 'removed' ? value : '', after: op === 'added' ? value : '' };
}

const isText = (b: Block) => inlinesOf(b) !== null;
/** Blocks that can be compared with each other: text with text, media with media of its type. */
const comparable = (a: Block, b: Block) => (isText(a) && isText(b)) || (!isText(a) && a.type === b.type && a.type !== 'divider');

function parseBodyText(value: unknown): Block[] {
  try {
    const body = (typeof value === 'string' ? JSON.parse(value) : value) as Body | null;
    return Array.isArray(body?.blocks) ? body.blocks : [];
  } catch {
    return [];
  }
}

/** The body comparison: block by block, then word by word inside changed blocks. */
export function bodyDiff(before: readonly Block[], after: readonly Block[], limits: Limits): { parts: DiffPart[]; changes: BodyChange[] } {
  const parts: DiffPart[] = [];
  const changes: BodyChange[] = [];
  const keysA = before.map((b) => JSON.stringify(b));
  const keysB = after.map((b) => JSON.stringify(b));
  const blocks = boundedDiff(keysA, keysB, limits)
    ?? [{ removed: true, count: keysA.length, value: keysA }, { added: true, count: keysB.length, value: keysB }];
  let ia = 0;
  let ib = 0;
  const newline = () => { if (parts.length) pushPart(parts, 'eq', '\n'); };
  for (let k = 0; k < blocks.length; k++) {
    const c = blocks[k]!;
    if (!c.added && !c.removed) {
      for (let n = 0; n < c.count; n++) { newline(); pushPart(parts, 'eq', blockText(after[ib + n]!)); }
      ia += c.count;
      ib += c.count;
      continue;
    }
    // A run of removed blocks and the run of added blocks after it (either may be empty).
    const removed = c.removed ? before.slice(ia, ia + c.count) : [];
    const addedRun = c.added ? c : blocks[k + 1]?.added ? blocks[++k]! : null;
    const added = addedRun ? after.slice(ib, ib + addedRun.count) : [];
    const firstAdded = ib;
    const firstRemoved = ia;
    ia += removed.length;
    ib += added.length;
    const pairs = Math.max(removed.length, added.length);
    for (let n = 0; n < pairs; n++) {
      const a = removed[n];
      const b = added[n];
      newline();
      if (a && b && comparable(a, b)) {
        const ai = inlinesOf(a);
        const bi = inlinesOf(b);
        if (ai && bi) textBlockDiff(ai, bi, firstAdded + n + 1, limits, parts, changes);
        else {
          wordParts(blockText(a), blockText(b), limits, parts);
          changes.push(...mediaChanges(a, b, firstAdded + n + 1));
        }
        continue;
      }
      if (a) {
        pushPart(parts, 'del', blockText(a));
        const gone = mediaPresence(a, firstRemoved + n + 1, 'removed');
        if (gone) changes.push(gone);
        else if (isText(a)) for (const x of inlinesOf(a)!) if (x.href) changes.push({ kind: 'link', op: 'removed', block: firstRemoved + n + 1, text: x.text.trim(), before: x.href, after: '' });
      }
      if (b) {
        if (a) newline();
        pushPart(parts, 'ins', blockText(b));
        const added1 = mediaPresence(b, firstAdded + n + 1, 'added');
        if (added1) changes.push(added1);
        else if (isText(b)) for (const x of inlinesOf(b)!) if (x.href) changes.push({ kind: 'link', op: 'added', block: firstAdded + n + 1, text: x.text.trim(), before: '', after: x.href });
      }
    }
  }
  return { parts, changes };
}

/** The body comparison within the time budget (pure: the newsroom's merge view uses it too). */
export function compareBodies(before: readonly Block[], after: readonly Block[], budgetMs = TIME_BUDGET_MS): { parts: DiffPart[]; changes: BodyChange[]; limited: boolean } {
  const limits: Limits = { deadline: now() + budgetMs, limited: false };
  return { ...bodyDiff(before, after, limits), limited: limits.limited };
}

// ---------------------------------------------------------------------------------------------
// Revisions

const META_FIELDS = ['source_line', 'slug', 'seo_title', 'seo_description', 'section_id', 'tagIds', 'authorIds', 'hero_asset_id',
  'breaking', 'pinned', 'correction_note', 'status'] as const;

function asText(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  return value === null || value === undefined ? '' : String(value);
}

/** Differences between two revision snapshots (the `data` of two revision rows). Pure and bounded. */
export function revisionDiff(from: Record<string, unknown>, to: Record<string, unknown>, budgetMs = TIME_BUDGET_MS): RevisionComparison {
  const limits: Limits = { deadline: now() + budgetMs, limited: false };
  const fields: FieldDiff[] = [];
  for (const field of ['headline', 'lead'] as const) fields.push({ field, parts: wordParts(asText(from[field]), asText(to[field]), limits) });
  const body = bodyDiff(parseBodyText(from['body']), parseBodyText(to['body']), limits);
  fields.push({ field: 'body', parts: body.parts });
  for (const field of META_FIELDS) {
    const a = asText(from[field]);
    const b = asText(to[field]);
    if (a !== b) fields.push({ field, parts: wordParts(a, b, limits) });
  }
  return { fields, changes: body.changes, limited: limits.limited };
}
