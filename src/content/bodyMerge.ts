// The three-way merge of an article body, block by block, for the newsroom's merge view (a save
// refused because someone saved a newer revision). The blocks of my version and of theirs are each
// aligned with the blocks of the revision both started from (the base): identical blocks match
// whole (jsdiff over the blocks), and inside a run that changed, a changed block is paired with the
// most similar block of its kind (by shared words), in order. What is left over was added or
// removed. Each base block then becomes one item (unchanged, or changed on one side or both), and
// each block added on one side an item of its own, in the place it was added.
//
// For every item the journalist takes mine, theirs, or an edited text (text blocks), or keeps or
// drops an added block; `mergedBlocks` builds the body from those choices. Pure: it runs in the
// journalist's tab and in the unit tests.
import type { Block, Inline } from './body.ts';
import { boundedDiff, now, wordDiff, type Limits } from './diffWords.ts';

/** Below this share of shared words two changed text blocks are not "the same block, edited". */
const MIN_SIMILARITY = 0.3;
/** Runs larger than this (blocks × blocks) are paired in order instead of by similarity. */
const MAX_PAIRING_CELLS = 10_000;

export type MergeSide = 'mine' | 'theirs';

/** A base block neither side changed (or both changed the same way): it stays, collapsed. */
export interface SameItem {
  readonly kind: 'same';
  readonly block: Block;
}

/** A base block that one side or both changed or removed (null: removed on that side). */
export interface ChangedItem {
  readonly kind: 'changed';
  readonly base: Block;
  readonly mine: Block | null;
  readonly theirs: Block | null;
  /** Both sides changed it, differently: defaults to mine but needs a look. */
  readonly conflict: boolean;
  /** Whose change it is when only one side changed it. */
  readonly changedBy: MergeSide | 'both';
}

/** A block only one side added (both sides adding the same block makes it a SameItem). */
export interface AddedItem {
  readonly kind: 'added';
  readonly side: MergeSide;
  readonly block: Block;
}

export type MergeItem = SameItem | ChangedItem | AddedItem;

/** The journalist's choice for one item. `edit` holds the text (and a quote's attribution). */
export type BlockChoice =
  | { readonly take: 'mine' }
  | { readonly take: 'theirs' }
  | { readonly take: 'edit'; readonly text: string; readonly cite?: string }
  | { readonly take: 'keep' }
  | { readonly take: 'drop' };

export interface BodyAlignment {
  readonly items: MergeItem[];
  /** The blocks were too many or too different to align within the limits: paired in order. */
  readonly limited: boolean;
}

// ---------------------------------------------------------------------------------------------
// Comparing blocks

/** A block's identity: its JSON with keys sorted and undefined values left out. */
export function blockKey(block: Block): string {
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(value).sort()) {
        const v = (value as Record<string, unknown>)[k];
        if (v !== undefined) out[k] = sorted(v);
      }
      return out;
    }
    return value;
  };
  return JSON.stringify(sorted(block));
}

export const sameBlock = (a: Block | null, b: Block | null): boolean => (a && b ? blockKey(a) === blockKey(b) : a === b);

/** Blocks whose words the journalist can edit in the merge view. */
export function isEditable(block: Block): boolean {
  return block.type === 'paragraph' || block.type === 'heading' || block.type === 'quote' || block.type === 'list';
}

/** The words of a block as the merge view shows them: list items on lines of their own. */
export function blockWords(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      return block.content.map((x) => x.text).join('');
    case 'list':
      return block.items.map((item) => item.map((x) => x.text).join('')).join('\n');
    case 'table':
      return block.rows.map((r) => r.map((c) => c.map((x) => x.text).join('')).join(' | ')).join('\n');
    case 'image':
      return [block.caption, block.credit].filter(Boolean).join(' · ');
    case 'gallery':
      return block.items.map((i) => i.caption ?? `#${i.assetId}`).join(' · ');
    case 'embed':
      return block.url;
    case 'divider':
      return '—';
  }
}

const wordSet = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[\s\p{P}]+/u)
      .filter(Boolean),
  );

/** 0 (unrelated) … 1: how likely `b` is `a` edited. Blocks of different kinds never pair. */
export function similarity(a: Block, b: Block): number {
  const textual = (x: Block) =>
    x.type === 'paragraph' || x.type === 'heading' || x.type === 'quote' || x.type === 'list' || x.type === 'table';
  if (textual(a) !== textual(b)) return 0;
  if (!textual(a)) {
    if (a.type !== b.type || a.type === 'divider') return 0;
    if (a.type === 'image' && b.type === 'image') return a.assetId === b.assetId ? 1 : 0.5;
    if (a.type === 'embed' && b.type === 'embed') return a.url === b.url ? 1 : 0.5;
    return 0.5;
  }
  if (a.type !== b.type && (a.type === 'table' || b.type === 'table')) return 0;
  const wa = wordSet(blockWords(a));
  const wb = wordSet(blockWords(b));
  if (!wa.size && !wb.size) return a.type === b.type ? 1 : 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.max(wa.size, wb.size);
}

/** Pairs of (removed, added) positions, in order, maximising the total similarity. */
function pairRun(removed: readonly Block[], added: readonly Block[]): [number, number][] {
  const n = removed.length;
  const m = added.length;
  if (!n || !m) return [];
  if (n * m > MAX_PAIRING_CELLS) {
    const out: [number, number][] = [];
    for (let i = 0; i < Math.min(n, m); i++) if (similarity(removed[i]!, added[i]!) > 0) out.push([i, i]);
    return out;
  }
  const sim = removed.map((a) => added.map((b) => similarity(a, b)));
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      const s = sim[i - 1]![j - 1]!;
      best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, s >= MIN_SIMILARITY ? best[i - 1]![j - 1]! + s : 0);
    }
  const out: [number, number][] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const s = sim[i - 1]![j - 1]!;
    if (s >= MIN_SIMILARITY && best[i]![j] === best[i - 1]![j - 1]! + s) {
      out.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (best[i]![j] === best[i - 1]![j]) i--;
    else j--;
  }
  return out.reverse();
}

/** One side against the base: for each base block its counterpart (null: removed), and the added blocks by gap. */
interface SideAlignment {
  readonly counterpart: (Block | null)[];
  /** additions[g]: blocks added before base block g (g = base length: at the end). */
  readonly additions: Block[][];
}

function alignSide(base: readonly Block[], side: readonly Block[], limits: Limits): SideAlignment {
  const counterpart: (Block | null)[] = base.map(() => null);
  const additions: Block[][] = Array.from({ length: base.length + 1 }, () => []);
  const keysA = base.map(blockKey);
  const keysB = side.map(blockKey);
  const runs = boundedDiff(keysA, keysB, limits);
  if (!runs) limits.limited = true;
  const chunks = runs ?? [
    { removed: true, count: keysA.length, value: keysA },
    { added: true, count: keysB.length, value: keysB },
  ];
  let ia = 0;
  let ib = 0;
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k]!;
    if (!c.added && !c.removed) {
      for (let n = 0; n < c.count; n++) counterpart[ia + n] = side[ib + n]!;
      ia += c.count;
      ib += c.count;
      continue;
    }
    const removedCount = c.removed ? c.count : 0;
    const addedChunk = c.added ? c : chunks[k + 1]?.added ? chunks[++k]! : null;
    const addedCount = addedChunk ? addedChunk.count : 0;
    const removed = base.slice(ia, ia + removedCount);
    const added = side.slice(ib, ib + addedCount);
    const pairs = pairRun(removed, added);
    const pairedAdded = new Map(pairs.map(([r, a]) => [a, r]));
    for (const [r, a] of pairs) counterpart[ia + r] = added[a]!;
    // An added block goes in the gap after the last base block before it on this side.
    let lastBase = ia - 1;
    for (let a = 0; a < added.length; a++) {
      const r = pairedAdded.get(a);
      if (r !== undefined) lastBase = ia + r;
      else additions[lastBase + 1]!.push(added[a]!);
    }
    ia += removedCount;
    ib += addedCount;
  }
  return { counterpart, additions };
}

/** The merge items of a body edited on two sides since `base`, in reading order. */
export function alignBodies(base: readonly Block[], mine: readonly Block[], theirs: readonly Block[], budgetMs = 300): BodyAlignment {
  const limits: Limits = { deadline: now() + budgetMs, limited: false };
  const m = alignSide(base, mine, limits);
  const t = alignSide(base, theirs, limits);
  const items: MergeItem[] = [];
  for (let g = 0; g <= base.length; g++) {
    // Theirs first (they are already saved), then mine; a block both added is kept once.
    const theirsAdded = t.additions[g]!;
    const mineAdded = m.additions[g]!.filter((b) => {
      const i = theirsAdded.findIndex((x) => sameBlock(x, b));
      return i < 0;
    });
    for (const block of theirsAdded)
      items.push(m.additions[g]!.some((x) => sameBlock(x, block)) ? { kind: 'same', block } : { kind: 'added', side: 'theirs', block });
    for (const block of mineAdded) items.push({ kind: 'added', side: 'mine', block });
    if (g === base.length) break;
    const b = base[g]!;
    const mb = m.counterpart[g]!;
    const tb = t.counterpart[g]!;
    const mineChanged = !sameBlock(b, mb);
    const theirsChanged = !sameBlock(b, tb);
    if (!mineChanged && !theirsChanged) items.push({ kind: 'same', block: b });
    else if (sameBlock(mb, tb)) {
      if (mb) items.push({ kind: 'same', block: mb });
      // Both removed it: nothing to choose.
    } else
      items.push({
        kind: 'changed',
        base: b,
        mine: mb,
        theirs: tb,
        conflict: mineChanged && theirsChanged,
        changedBy: mineChanged && theirsChanged ? 'both' : mineChanged ? 'mine' : 'theirs',
      });
  }
  return { items, limited: limits.limited };
}

/** The choice the view starts with: whoever changed it; both → mine (flagged by `conflict`); added → keep. */
export function defaultChoice(item: MergeItem): BlockChoice | null {
  if (item.kind === 'same') return null;
  if (item.kind === 'added') return { take: 'keep' };
  return { take: item.changedBy === 'theirs' ? 'theirs' : 'mine' };
}

// ---------------------------------------------------------------------------------------------
// Editing

/** The block an edit starts from: mine, or theirs when I removed it. */
export function editBasis(item: ChangedItem): Block | null {
  const basis = item.mine ?? item.theirs;
  return basis && isEditable(basis) ? basis : null;
}

/** The text (and a quote's attribution) of a block, as the merge view's edit fields hold them. */
export function editableText(block: Block): { text: string; cite?: string } {
  return block.type === 'quote' ? { text: blockWords(block), cite: block.cite ?? '' } : { text: blockWords(block) };
}

type Attrs = Omit<Inline, 'type' | 'text'>;
const attrsOf = (x: Inline): Attrs => {
  const { type: _t, text: _x, ...rest } = x;
  return rest;
};
const sameAttrs = (a: Attrs, b: Attrs) => JSON.stringify(a) === JSON.stringify(b);

/**
 * `inlines` with their words changed to `text`: words kept keep their marks and links, inserted
 * words take those of the word before them (of the word after them at the start).
 */
export function retext(inlines: readonly Inline[], text: string): Inline[] {
  const old = inlines.map((x) => x.text).join('');
  // Character offset → the run it belongs to.
  const runAt: number[] = [];
  inlines.forEach((x, i) => {
    for (let c = 0; c < x.text.length; c++) runAt.push(i);
  });
  const attrsAt = (offset: number): Attrs => {
    const i = runAt[Math.max(0, Math.min(offset, runAt.length - 1))];
    return i === undefined ? {} : attrsOf(inlines[i]!);
  };
  const out: Inline[] = [];
  const push = (t: string, attrs: Attrs) => {
    if (!t) return;
    const last = out[out.length - 1];
    if (last && sameAttrs(attrsOf(last), attrs)) out[out.length - 1] = { ...last, text: last.text + t };
    else out.push({ type: 'text', text: t, ...attrs });
  };
  let at = 0;
  for (const part of wordDiff(old, text)) {
    if (part.op === 'del') at += part.text.length;
    else if (part.op === 'ins') push(part.text, at > 0 ? attrsAt(at - 1) : attrsAt(0));
    else {
      for (let c = 0; c < part.text.length; c++) push(part.text[c]!, attrsAt(at + c));
      at += part.text.length;
    }
  }
  return out;
}

/** Splits runs at line breaks: one list of runs per line. */
function splitLines(inlines: readonly Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const x of inlines) {
    const pieces = x.text.split('\n');
    pieces.forEach((piece, i) => {
      if (i) lines.push([]);
      if (piece) lines[lines.length - 1]!.push({ ...x, text: piece });
    });
  }
  return lines;
}

/** `block` with its words replaced by an edited text (and a quote's attribution). */
export function editedBlock(block: Block, text: string, cite?: string): Block {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return { ...block, content: retext(block.content, text) };
    case 'quote': {
      const { cite: _old, ...rest } = block;
      const who = (cite ?? block.cite ?? '').trim();
      return { ...rest, content: retext(block.content, text), ...(who ? { cite: who } : {}) };
    }
    case 'list': {
      const joined = block.items.flatMap((item, i) => (i ? [{ type: 'text', text: '\n' } as Inline, ...item] : [...item]));
      const items = splitLines(retext(joined, text)).filter((line) => line.some((x) => x.text.trim()));
      return { ...block, items: items.length ? items : [[]] };
    }
    default:
      return block;
  }
}

// ---------------------------------------------------------------------------------------------
// The result

/** The block one item contributes to the merged body (null: none). */
export function chosenBlock(item: MergeItem, choice: BlockChoice | null | undefined): Block | null {
  if (item.kind === 'same') return item.block;
  const c = choice ?? defaultChoice(item)!;
  if (item.kind === 'added') return c.take === 'drop' ? null : item.block;
  if (c.take === 'theirs') return item.theirs;
  if (c.take === 'edit') {
    const basis = editBasis(item);
    return basis ? editedBlock(basis, c.text, c.cite) : item.mine;
  }
  return item.mine;
}

/** The merged body's blocks: each item's chosen block, in order. */
export function mergedBlocks(items: readonly MergeItem[], choices: readonly (BlockChoice | null | undefined)[]): Block[] {
  const out: Block[] = [];
  items.forEach((item, i) => {
    const block = chosenBlock(item, choices[i]);
    if (block) out.push(block);
  });
  return out;
}
