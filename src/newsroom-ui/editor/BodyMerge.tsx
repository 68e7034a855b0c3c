// The body part of the merge view: block by block (src/content/bodyMerge.ts). Unchanged blocks are
// folded away; each block that differs is shown side by side (theirs, mine) with a word diff, and
// the journalist takes theirs, mine or an edited text (text blocks), or keeps or leaves out a block
// only one side added. Every block stays a paragraph of its own, and the text that will be saved
// is shown below, built from the same choices as the save.
import { useMemo } from 'preact/hooks';
import type { Block } from '../../content/body.ts';
import {
  blockWords,
  chosenBlock,
  editBasis,
  editableText,
  type BlockChoice,
  type ChangedItem,
  type MergeItem,
} from '../../content/bodyMerge.ts';
// Word boundaries of every script (jsdiff's own word pattern splits Cyrillic into letters).
import { now, wordParts } from '../../content/diffWords.ts';
import { fill, type EditorStrings } from './strings.ts';
import { DiffText } from './WordDiff.tsx';
import type { DiffPart } from './types.ts';

/** Time for one block's word diff (this runs in the journalist's tab): past it, shown whole. */
const BLOCK_BUDGET_MS = 100;

export function blockKind(s: EditorStrings, block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return s.tParagraph;
    case 'heading':
      return fill(s.tHeading, { level: block.level });
    case 'quote':
      return s.tQuote;
    case 'list':
      return block.ordered ? s.tOrdered : s.tBullet;
    case 'image':
      return `${s.tImage} · ${fill(s.photoNumber, { id: block.assetId })}`;
    case 'gallery':
      return fill(s.gallery, { count: block.items.length });
    case 'embed':
      return fill(s.embedOf, { provider: block.provider });
    case 'table':
      return s.tTable;
    case 'divider':
      return s.tDivider;
  }
}

/** A block's words, a quote's attribution on a line of its own. */
function BlockWords(props: { block: Block; parts?: DiffPart[] }) {
  const { block } = props;
  return (
    <>
      <span class="ed-merge-words" dir="auto">
        {props.parts ? <DiffText parts={props.parts} /> : blockWords(block)}
      </span>
      {block.type === 'quote' && block.cite && (
        <span class="ed-merge-cite" dir="auto">
          — {block.cite}
        </span>
      )}
    </>
  );
}

/** One side of a changed block: its words with what the other side lacks marked, or "removed". */
function Side(props: { s: EditorStrings; title: string; block: Block | null; parts: DiffPart[] | null; testid: string; chosen: boolean }) {
  return (
    <div class={`ed-merge-side${props.chosen ? ' ed-merge-chosen' : ''}`}>
      <h4>{props.title}</h4>
      {props.block ? (
        <p class="ed-merge-text" data-testid={props.testid}>
          <BlockWords block={props.block} parts={props.parts ?? undefined} />
        </p>
      ) : (
        <p class="ed-merge-text ed-merge-removed" data-testid={props.testid}>
          {props.s.mergeRemoved}
        </p>
      )}
    </div>
  );
}

function ChangedBlock(props: {
  s: EditorStrings;
  n: number;
  item: ChangedItem;
  choice: BlockChoice;
  savedBy: string;
  onChoose(choice: BlockChoice): void;
}) {
  const { s, n, item, choice } = props;
  const shown = (item.mine ?? item.theirs)!;
  // Theirs shows what mine lacks (struck out), mine what theirs lacks (inserted).
  const parts = useMemo(
    () =>
      item.mine && item.theirs
        ? wordParts(blockWords(item.theirs), blockWords(item.mine), { deadline: now() + BLOCK_BUDGET_MS, limited: false })
        : null,
    [item],
  );
  const basis = editBasis(item);
  const edit = choice.take === 'edit' ? choice : null;
  const options: BlockChoice['take'][] = ['theirs', 'mine', ...(basis ? (['edit'] as const) : [])];
  const startEdit = (): BlockChoice => ({ take: 'edit', ...editableText(basis!) });
  return (
    <fieldset
      class={`ed-merge-block${item.conflict ? ' ed-merge-conflict' : ''}`}
      data-testid={`merge-block-${n}`}
      data-kind="changed"
      data-conflict={item.conflict ? 'true' : undefined}
    >
      <legend>
        {fill(s.diffBlock, { n })} · {blockKind(s, shown)}
      </legend>
      <p class={item.conflict ? 'ed-merge-flag' : 'ed-hint'}>
        {item.changedBy === 'both'
          ? s.mergeBothChanged
          : item.changedBy === 'mine'
            ? s.mergeChangedMine
            : fill(s.mergeChangedTheirs, { name: props.savedBy })}
      </p>
      <div class="ed-merge-sides">
        <Side
          s={s}
          title={s.mergeTheirs}
          block={item.theirs}
          parts={parts && parts.filter((p) => p.op !== 'ins')}
          testid={`merge-side-theirs-${n}`}
          chosen={choice.take === 'theirs'}
        />
        <Side
          s={s}
          title={s.mergeMine}
          block={item.mine}
          parts={parts && parts.filter((p) => p.op !== 'del')}
          testid={`merge-side-mine-${n}`}
          chosen={choice.take === 'mine'}
        />
      </div>
      <div class="ed-row" role="radiogroup" aria-label={`${s.mergeTake}: ${fill(s.diffBlock, { n })}`}>
        {options.map((c) => (
          <label key={c} class="ed-check">
            <input
              type="radio"
              name={`merge-block-${n}`}
              value={c}
              checked={choice.take === c}
              data-testid={`merge-block-${c}-${n}`}
              onChange={() => props.onChoose(c === 'edit' ? startEdit() : { take: c as 'mine' | 'theirs' })}
            />
            {c === 'theirs' ? s.mergeTheirs : c === 'mine' ? s.mergeMine : s.mergeEdit}
          </label>
        ))}
      </div>
      {edit && basis && (
        <div class="ed-merge-edit">
          <label>
            {s.mergeEditText}
            <textarea
              rows={basis.type === 'list' ? Math.max(3, basis.items.length + 1) : 3}
              dir="auto"
              data-testid={`merge-text-${n}`}
              value={edit.text}
              onInput={(e) => props.onChoose({ ...edit, text: e.currentTarget.value })}
            />
          </label>
          {basis.type === 'quote' && (
            <label>
              {s.quoteCite}
              <input
                type="text"
                dir="auto"
                data-testid={`merge-cite-${n}`}
                value={edit.cite ?? ''}
                onInput={(e) => props.onChoose({ ...edit, cite: e.currentTarget.value })}
              />
            </label>
          )}
        </div>
      )}
    </fieldset>
  );
}

function AddedBlock(props: {
  s: EditorStrings;
  n: number;
  block: Block;
  side: 'mine' | 'theirs';
  savedBy: string;
  choice: BlockChoice;
  onChoose(c: BlockChoice): void;
}) {
  const { s, n } = props;
  return (
    <fieldset class="ed-merge-block ed-merge-added" data-testid={`merge-block-${n}`} data-kind="added">
      <legend>
        {fill(s.diffBlock, { n })} · {blockKind(s, props.block)}
      </legend>
      <p class="ed-hint">{props.side === 'mine' ? s.mergeAddedMine : fill(s.mergeAddedTheirs, { name: props.savedBy })}</p>
      <p class="ed-merge-text" data-testid={`merge-added-${n}`}>
        <BlockWords block={props.block} />
      </p>
      <div class="ed-row" role="radiogroup" aria-label={`${s.mergeTake}: ${fill(s.diffBlock, { n })}`}>
        {(['keep', 'drop'] as const).map((c) => (
          <label key={c} class="ed-check">
            <input
              type="radio"
              name={`merge-block-${n}`}
              value={c}
              checked={props.choice.take === c}
              data-testid={`merge-block-${c}-${n}`}
              onChange={() => props.onChoose({ take: c })}
            />
            {c === 'keep' ? s.mergeKeepBlock : s.mergeDropBlock}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export interface BodyMergeProps {
  s: EditorStrings;
  items: readonly MergeItem[];
  choices: readonly (BlockChoice | null)[];
  limited: boolean;
  savedBy: string;
  onChoose(index: number, choice: BlockChoice): void;
}

export function BodyMerge(props: BodyMergeProps) {
  const { s, items, choices } = props;
  const out = [];
  // Items are numbered in reading order (an unchanged run counts one number per block).
  for (let i = 0; i < items.length;) {
    const item = items[i]!;
    if (item.kind === 'same') {
      let j = i;
      while (j < items.length && items[j]!.kind === 'same') j++;
      const run = items.slice(i, j) as { block: Block }[];
      out.push(
        <details key={`same-${i}`} class="ed-merge-same" data-testid="merge-unchanged">
          <summary>{fill(s.mergeUnchanged, { count: run.length })}</summary>
          {run.map((x, k) => (
            <p key={k} class="ed-merge-text">
              <BlockWords block={x.block} />
            </p>
          ))}
        </details>,
      );
      i = j;
      continue;
    }
    const n = i + 1;
    const index = i;
    const choice = choices[i]!;
    out.push(
      item.kind === 'changed' ? (
        <ChangedBlock key={i} s={s} n={n} item={item} choice={choice} savedBy={props.savedBy} onChoose={(c) => props.onChoose(index, c)} />
      ) : (
        <AddedBlock
          key={i}
          s={s}
          n={n}
          block={item.block}
          side={item.side}
          savedBy={props.savedBy}
          choice={choice}
          onChoose={(c) => props.onChoose(index, c)}
        />
      ),
    );
    i++;
  }
  const merged = items.map((item, i) => chosenBlock(item, choices[i])).filter((b): b is Block => b !== null);
  return (
    <>
      <p class="ed-hint">{s.mergeBodyIntro}</p>
      {props.limited && (
        <p class="ed-hint" role="note">
          {s.diffLimited}
        </p>
      )}
      {out}
      <section class="ed-merge-result" aria-labelledby="ed-merge-result-title" data-testid="merge-result">
        <h4 id="ed-merge-result-title">{s.mergeResult}</h4>
        {merged.map((block, k) => (
          <p key={k} class="ed-merge-text" data-testid="merge-result-block" data-type={block.type}>
            <BlockWords block={block} />
          </p>
        ))}
      </section>
    </>
  );
}
