// The save was refused (409 CONFLICT): someone saved a newer revision. For each field where the
// two versions differ, both are shown side by side with a word diff and the journalist keeps
// theirs, mine, or an edited text; the result is saved on top of the newer revision. For the body,
// The body is merged block by block (BodyMerge.tsx): per block theirs, mine or an edited text.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { alignBodies, defaultChoice, mergedBlocks, type BlockChoice } from '../../content/bodyMerge.ts';
import { fillIsolated } from '../components/Isolate.ts';
import { get } from './net.ts';
import { pick, type EditorStrings } from './strings.ts';
import { FIELD_NAMES, type Article, type ArticleFields, type RevisionItem } from './types.ts';
import { BodyMerge } from './BodyMerge.tsx';
// Word boundaries of every script (jsdiff's own word pattern splits Cyrillic into letters).
import { wordDiff } from '../../content/diffWords.ts';
import { DiffText } from './WordDiff.tsx';

/** A short time budget: this runs in the journalist's tab. */
const BODY_BUDGET_MS = 300;

type Choice = 'theirs' | 'mine' | 'edit';
const TEXT_FIELDS = new Set<keyof ArticleFields>([
  'headline',
  'lead',
  'sourceLine',
  'slug',
  'seoTitle',
  'seoDescription',
  'correctionNote',
]);

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fields where mine and theirs differ; by default I keep what I changed and take the rest. */
export function conflictingFields(
  base: ArticleFields,
  mine: ArticleFields,
  theirs: ArticleFields,
): { field: keyof ArticleFields; mineChanged: boolean }[] {
  return FIELD_NAMES.filter((field) => !sameValue(mine[field], theirs[field])).map((field) => ({
    field,
    mineChanged: !sameValue(mine[field], base[field]),
  }));
}

function display(s: EditorStrings, field: keyof ArticleFields, fields: ArticleFields): string {
  const value = fields[field];
  if (typeof value === 'boolean') return value ? s.yes : s.no;
  if (Array.isArray(value)) return value.map((v) => `#${v}`).join(', ');
  if (value === null) return '—';
  return String(value);
}

export interface MergeViewProps {
  base: ArticleFields;
  mine: ArticleFields;
  theirs: Article;
  s: EditorStrings;
  busy: boolean;
  onSave(merged: ArticleFields): void;
  onCancel(): void;
}

export function MergeView(props: MergeViewProps) {
  const { s, mine, theirs } = props;
  const conflicts = conflictingFields(props.base, mine, theirs);
  const [choices, setChoices] = useState<Partial<Record<keyof ArticleFields, Choice>>>(
    Object.fromEntries(conflicts.map((c) => [c.field, c.mineChanged ? 'mine' : 'theirs'])),
  );
  const [edits, setEdits] = useState<Partial<Record<keyof ArticleFields, string>>>({});
  const alignment = useMemo(
    () => alignBodies(props.base.body?.blocks ?? [], mine.body?.blocks ?? [], theirs.body?.blocks ?? [], BODY_BUDGET_MS),
    [props.base.body, mine.body, theirs.body],
  );
  // The choices belong to one alignment: a newer conflict starts again from the defaults.
  const [body, setBody] = useState(() => ({ alignment, choices: alignment.items.map(defaultChoice) }));
  const bodyChoices = body.alignment === alignment ? body.choices : alignment.items.map(defaultChoice);
  const chooseBlock = (index: number, choice: BlockChoice) =>
    setBody({ alignment, choices: bodyChoices.map((c, k) => (k === index ? choice : c)) });
  const [savedBy, setSavedBy] = useState(s.mergeSomeone);
  useEffect(() => {
    get<{ items: RevisionItem[] }>(`/articles/${theirs.id}/revisions`).then(
      (r) => {
        const name = r.items.find((i) => i.revision === theirs.revision)?.user?.name;
        if (name) setSavedBy(name);
      },
      () => undefined,
    );
  }, [theirs.id, theirs.revision]);

  const merged = (): ArticleFields => {
    const result: ArticleFields = { ...mine };
    for (const { field } of conflicts) {
      const choice = choices[field] ?? 'mine';
      const value = choice === 'theirs' ? theirs[field] : choice === 'edit' ? (edits[field] ?? mine[field]) : mine[field];
      (result as unknown as Record<string, unknown>)[field] = value;
    }
    if (conflicts.some((c) => c.field === 'body'))
      result.body = { ...(mine.body ?? theirs.body), blocks: mergedBlocks(alignment.items, bodyChoices) };
    return result;
  };

  return (
    <div class="ed-overlay" role="dialog" aria-modal="true" aria-labelledby="ed-merge-title" data-testid="merge-view">
      <div class="ed-dialog ed-merge">
        <h2 id="ed-merge-title">{s.mergeTitle}</h2>
        <p>{fillIsolated(s.mergeIntro, { name: savedBy, revision: theirs.revision })}</p>
        {conflicts.length === 0 && <p>{s.mergeNothing}</p>}
        {conflicts.map(({ field }) => {
          if (field === 'body')
            return (
              <fieldset key={field} class="ed-merge-field" data-testid="merge-field-body">
                <legend>{pick(s, 'f_body')}</legend>
                <BodyMerge
                  s={s}
                  items={alignment.items}
                  choices={bodyChoices}
                  limited={alignment.limited}
                  savedBy={savedBy}
                  onChoose={chooseBlock}
                />
              </fieldset>
            );
          const choice = choices[field] ?? 'mine';
          const theirsText = display(s, field, theirs);
          const mineText = display(s, field, mine);
          return (
            <fieldset key={field} class="ed-merge-field" data-testid={`merge-field-${field}`}>
              <legend>{pick(s, `f_${field}`)}</legend>
              <div class="ed-merge-sides">
                <div>
                  <h3>{s.mergeTheirs}</h3>
                  <p class="ed-merge-text" dir="auto" data-testid={`merge-theirs-${field}`}>
                    {theirsText}
                  </p>
                </div>
                <div>
                  <h3>{s.mergeMine}</h3>
                  <p class="ed-merge-text" dir="auto" data-testid={`merge-mine-${field}`}>
                    {mineText}
                  </p>
                </div>
              </div>
              <p class="ed-merge-diff">
                <DiffText parts={wordDiff(theirsText, mineText)} />
              </p>
              <div class="ed-row" role="radiogroup" aria-label={s.mergeTake}>
                {(['theirs', 'mine', ...(TEXT_FIELDS.has(field) ? ['edit' as const] : [])] as Choice[]).map((c) => (
                  <label key={c} class="ed-check">
                    <input
                      type="radio"
                      name={`merge-${field}`}
                      value={c}
                      checked={choice === c}
                      data-testid={`merge-choose-${c}-${field}`}
                      onChange={() => setChoices({ ...choices, [field]: c })}
                    />
                    {c === 'theirs' ? s.mergeTheirs : c === 'mine' ? s.mergeMine : s.mergeEdit}
                  </label>
                ))}
              </div>
              {choice === 'edit' && (
                <textarea
                  rows={3}
                  aria-label={pick(s, `f_${field}`)}
                  data-testid={`merge-edit-${field}`}
                  value={edits[field] ?? String(mine[field] ?? '')}
                  onInput={(e) => setEdits({ ...edits, [field]: e.currentTarget.value })}
                />
              )}
            </fieldset>
          );
        })}
        <div class="ed-row">
          <button type="button" class="ed-primary" data-testid="merge-save" disabled={props.busy} onClick={() => props.onSave(merged())}>
            {s.mergeSave}
          </button>
          <button type="button" onClick={props.onCancel}>
            {s.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}
