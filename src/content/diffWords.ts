// The word level of revision comparison (diff.ts): texts word by word with jsdiff within the
// edit-length cap and the time budget, and the link and mark changes on the words of a text block.
import { diffArrays } from 'diff';
import type { Block, Inline } from './body.ts';

// Word boundaries of every script (jsdiff's default word pattern knows Latin letters only).
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

export interface DiffPart {
  readonly op: 'eq' | 'ins' | 'del';
  readonly text: string;
}

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

/** Edit length (inserted plus deleted words and spaces) past which one text is shown whole. */
export const MAX_EDIT_LENGTH = 2_000;
/** Time budget of one comparison, in milliseconds (in the worker thread). */
export const TIME_BUDGET_MS = 3_000;

export interface Limits {
  readonly deadline: number;
  limited: boolean;
}

export const now = () => performance.now();

/** jsdiff with the edit-length cap and what is left of the time budget; undefined past either. */
export function boundedDiff<T>(
  a: T[],
  b: T[],
  limits: Limits,
): { value: T[]; added?: boolean; removed?: boolean; count: number }[] | undefined {
  const left = limits.deadline - now();
  if (left <= 0) return undefined;
  return (
    diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH, timeout: Math.max(1, Math.floor(left)) } as Parameters<typeof diffArrays<T>>[2] & {
      maxEditLength: number;
    }) ?? undefined
  );
}

const words = (text: string): string[] => [...segmenter.segment(text)].map((s) => s.segment);

export function pushPart(out: DiffPart[], op: DiffPart['op'], text: string): void {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.op === op) out[out.length - 1] = { op, text: last.text + text };
  else out.push({ op, text });
}

/** Word differences of two texts, or the whole of both when past the limits. */
export function wordParts(a: string, b: string, limits: Limits, out: DiffPart[] = []): DiffPart[] {
  if (a === b) {
    pushPart(out, 'eq', a);
    return out;
  }
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

interface Token {
  readonly text: string;
  readonly href: string;
  readonly marks: string;
}

/** The inline runs of a text-bearing block (list items and table cells on lines of their own). */
export function inlinesOf(block: Block): Inline[] | null {
  const lines = (rows: readonly (readonly Inline[])[]) =>
    rows.flatMap((r, i) => (i ? [{ type: 'text', text: '\n' } as Inline, ...r] : [...r]));
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      return [...block.content];
    case 'list':
      return lines(block.items);
    case 'table':
      return lines(block.rows.map((r) => r.flatMap((c, i) => (i ? [{ type: 'text', text: ' | ' } as Inline, ...c] : [...c]))));
    default:
      return null;
  }
}

/** The text a block shows in the comparison (captions for photos, like bodyText). */
export function blockText(block: Block): string {
  const inlines = inlinesOf(block);
  if (inlines) return inlines.map((x) => x.text).join('');
  if (block.type === 'image') return block.caption ?? '';
  if (block.type === 'gallery')
    return block.items
      .map((i) => i.caption ?? '')
      .filter(Boolean)
      .join('\n');
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

interface Pair {
  text: string;
  before: string;
  after: string;
  sep?: true;
}
const SEPARATOR: Pair = { text: '', before: '', after: '', sep: true };

/** Groups consecutive tokens whose (before, after) pair is the same, ignoring spaces between them. */
function groupRuns(pairs: readonly Pair[], emit: (text: string, before: string, after: string) => void): void {
  let cur: Pair | null = null;
  const flush = () => {
    if (cur && !blank(cur.text)) emit(cur.text.trim(), cur.before, cur.after);
    cur = null;
  };
  for (const p of pairs) {
    if (p.sep) {
      flush();
      continue;
    }
    if (cur && cur.before === p.before && cur.after === p.after) {
      cur.text += p.text;
      continue;
    }
    if (cur && blank(p.text)) {
      cur.text += p.text;
      continue;
    }
    flush();
    if (p.before !== p.after) cur = { ...p };
  }
  flush();
}

const linkOp = (before: string, after: string): BodyChange['op'] => (!before ? 'added' : !after ? 'removed' : 'changed');

/** Word differences of two text blocks plus the link and mark changes on their words. */
export function textBlockDiff(
  a: readonly Inline[],
  b: readonly Inline[],
  block: number,
  limits: Limits,
  parts: DiffPart[],
  changes: BodyChange[],
): void {
  const ta = tokens(a);
  const tb = tokens(b);
  const result = boundedDiff(
    ta.map((t) => t.text),
    tb.map((t) => t.text),
    limits,
  );
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
  const breakRuns = () => {
    links.push(SEPARATOR);
    marks.push(SEPARATOR);
  };
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
