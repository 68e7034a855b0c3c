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
import type { Block, Body } from './body.ts';
import {
  TIME_BUDGET_MS,
  type Limits,
  now,
  boundedDiff,
  pushPart,
  wordParts,
  inlinesOf,
  blockText,
  textBlockDiff,
  type DiffPart,
  type BodyChange,
} from './diffWords.ts';

export { MAX_EDIT_LENGTH, TIME_BUDGET_MS, wordDiff, type BodyChange, type DiffPart } from './diffWords.ts';

export interface FieldDiff {
  readonly field: string;
  readonly parts: readonly DiffPart[];
}

export interface RevisionComparison {
  readonly fields: FieldDiff[];
  readonly changes: BodyChange[];
  /** Some text was too different to compare word by word within the limits; it is shown whole. */
  readonly limited: boolean;
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
    const list = (g: typeof a) =>
      g.items.map((i) => `${photo(i.assetId)}${i.caption ? ` ${i.caption}` : ''}${i.credit ? ` (${i.credit})` : ''}`).join('; ');
    field('gallery', 'items', list(a), list(b), '');
  } else if (a.type === 'embed' && b.type === 'embed') {
    field('embed', 'provider', a.provider, b.provider, b.url);
    field('embed', 'url', a.url, b.url, b.url);
  }
  return out;
}

/** A photo, gallery or embed added or removed as a whole. */
function mediaPresence(block: Block, position: number, op: 'added' | 'removed'): BodyChange | null {
  const value =
    block.type === 'image'
      ? photo(block.assetId)
      : block.type === 'gallery'
        ? block.items.map((i) => photo(i.assetId)).join(', ')
        : block.type === 'embed'
          ? `${block.provider}: ${block.url}`
          : null;
  if (value === null) return null;
  const kind = block.type as 'image' | 'gallery' | 'embed';
  const text = block.type === 'image' ? (block.caption ?? '') : block.type === 'embed' ? block.url : '';
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
  const blocks = boundedDiff(keysA, keysB, limits) ?? [
    { removed: true, count: keysA.length, value: keysA },
    { added: true, count: keysB.length, value: keysB },
  ];
  let ia = 0;
  let ib = 0;
  const newline = () => {
    if (parts.length) pushPart(parts, 'eq', '\n');
  };
  for (let k = 0; k < blocks.length; k++) {
    const c = blocks[k]!;
    if (!c.added && !c.removed) {
      for (let n = 0; n < c.count; n++) {
        newline();
        pushPart(parts, 'eq', blockText(after[ib + n]!));
      }
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
        else if (isText(a))
          for (const x of inlinesOf(a)!)
            if (x.href)
              changes.push({ kind: 'link', op: 'removed', block: firstRemoved + n + 1, text: x.text.trim(), before: x.href, after: '' });
      }
      if (b) {
        if (a) newline();
        pushPart(parts, 'ins', blockText(b));
        const added1 = mediaPresence(b, firstAdded + n + 1, 'added');
        if (added1) changes.push(added1);
        else if (isText(b))
          for (const x of inlinesOf(b)!)
            if (x.href)
              changes.push({ kind: 'link', op: 'added', block: firstAdded + n + 1, text: x.text.trim(), before: '', after: x.href });
      }
    }
  }
  return { parts, changes };
}

/** The body comparison within the time budget (pure: the newsroom's merge view uses it too). */
export function compareBodies(
  before: readonly Block[],
  after: readonly Block[],
  budgetMs = TIME_BUDGET_MS,
): { parts: DiffPart[]; changes: BodyChange[]; limited: boolean } {
  const limits: Limits = { deadline: now() + budgetMs, limited: false };
  return { ...bodyDiff(before, after, limits), limited: limits.limited };
}

// ---------------------------------------------------------------------------------------------
// Revisions

const META_FIELDS = [
  'source_line',
  'slug',
  'seo_title',
  'seo_description',
  'section_id',
  'tagIds',
  'authorIds',
  'hero_asset_id',
  'breaking',
  'pinned',
  'correction_note',
  'status',
] as const;

function asText(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  return value === null || value === undefined ? '' : String(value);
}

/** Differences between two revision snapshots (the `data` of two revision rows). Pure and bounded. */
export function revisionDiff(from: Record<string, unknown>, to: Record<string, unknown>, budgetMs = TIME_BUDGET_MS): RevisionComparison {
  const limits: Limits = { deadline: now() + budgetMs, limited: false };
  const fields: FieldDiff[] = [];
  for (const field of ['headline', 'lead'] as const)
    fields.push({ field, parts: wordParts(asText(from[field]), asText(to[field]), limits) });
  const body = bodyDiff(parseBodyText(from['body']), parseBodyText(to['body']), limits);
  fields.push({ field: 'body', parts: body.parts });
  for (const field of META_FIELDS) {
    const a = asText(from[field]);
    const b = asText(to[field]);
    if (a !== b) fields.push({ field, parts: wordParts(a, b, limits) });
  }
  return { fields, changes: body.changes, limited: limits.limited };
}
