// Every save is a revision: the list, a comparison of any two (from the API: the words, plus the
// changed link targets, formatting, photos and embeds that words alone would hide), and restoring
// one as a new revision.
import { useEffect, useState } from 'preact/hooks';
import { fillIsolated } from '../components/Isolate.ts';
import { errorText, formatTime } from './format.ts';
import { get } from './net.ts';
import { fill, pick, type EditorStrings } from './strings.ts';
import type { Article, DiffAnswer, RevisionItem } from './types.ts';
import { DiffText } from './WordDiff.tsx';

/** A change beyond the words (src/content/diff.ts `BodyChange`). */
export interface BodyChange {
  kind: 'link' | 'marks' | 'image' | 'gallery' | 'embed';
  op: 'added' | 'removed' | 'changed';
  block: number;
  text: string;
  field?: string;
  before: string;
  after: string;
}
export type Comparison = DiffAnswer & { changes?: BodyChange[]; limited?: boolean };

/** A value as the reviewer reads it: mark names in the interface language, `—` for nothing. */
function shown(s: EditorStrings, change: BodyChange, value: string): string {
  if (change.kind === 'marks')
    return value
      ? value
          .split(',')
          .map((m) => pick(s, `mark_${m}`))
          .join(', ')
      : s.markPlain;
  return value || '—';
}

export function BodyChanges(props: { s: EditorStrings; changes: readonly BodyChange[] }) {
  const { s } = props;
  return (
    <ul class="ed-changes" data-testid="diff-changes">
      {props.changes.map((c, i) => (
        <li key={i} data-kind={c.kind} data-op={c.op}>
          <strong>
            {pick(s, `chg_${c.kind}`)}: {pick(s, `chgOp_${c.op}`)}
          </strong>
          {c.field ? <> ({pick(s, `chgField_${c.field}`)})</> : null}
          {' · '}
          {fill(s.diffBlock, { n: c.block })}
          {c.text ? (
            <>
              {' '}
              · «<bdi>{c.text}</bdi>»
            </>
          ) : null}
          {': '}
          {c.op !== 'added' && <del dir="auto">{shown(s, c, c.before)}</del>}
          {c.op === 'changed' && ' → '}
          {c.op !== 'removed' && <ins dir="auto">{shown(s, c, c.after)}</ins>}
        </li>
      ))}
    </ul>
  );
}

export interface RevisionsPanelProps {
  article: Article;
  s: EditorStrings;
  uiLang: string;
  canRestore: boolean;
  onRestore(revision: number): void;
  onClose(): void;
}

export function RevisionsPanel(props: RevisionsPanelProps) {
  const { s, article } = props;
  const [items, setItems] = useState<RevisionItem[]>([]);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<Comparison | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    get<{ items: RevisionItem[] }>(`/articles/${article.id}/revisions`).then(
      (r) => {
        setItems(r.items);
        setTo(r.items[0]?.revision ?? null);
        setFrom(r.items[1]?.revision ?? r.items[0]?.revision ?? null);
      },
      (e) => setError(errorText(s, e)),
    );
  }, [article.id, article.revision]);

  const compare = () => {
    if (from === null || to === null) return;
    setError('');
    get<Comparison>(`/articles/${article.id}/diff?from=${from}&to=${to}`).then(setDiff, (e) => setError(errorText(s, e)));
  };
  const label = (item: RevisionItem) =>
    fill(s.revisionBy, { revision: item.revision, time: formatTime(item.at, props.uiLang), name: item.user?.name ?? '—' });
  const isolatedLabel = (item: RevisionItem) =>
    fillIsolated(s.revisionBy, { revision: item.revision, time: formatTime(item.at, props.uiLang), name: item.user?.name ?? '—' });
  const picker = (value: number | null, set: (n: number) => void, name: string, testid: string) => (
    <label class="ed-field">
      <span>{name}</span>
      <select value={value ?? ''} data-testid={testid} onChange={(e) => set(Number(e.currentTarget.value))}>
        {items.map((item) => (
          <option key={item.revision} dir="auto" value={item.revision}>
            {label(item)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <aside class="ed-panel" aria-labelledby="ed-revisions-title" data-testid="revisions-panel">
      <header class="ed-row">
        <h2 id="ed-revisions-title">{s.revisions}</h2>
        <button type="button" onClick={props.onClose}>
          {s.close}
        </button>
      </header>
      <ol class="ed-revisions">
        {items.map((item) => (
          <li key={item.revision}>
            {isolatedLabel(item)}
            {props.canRestore && item.revision !== article.revision && (
              <button
                type="button"
                data-testid={`restore-${item.revision}`}
                onClick={() => {
                  if (window.confirm(fill(s.confirmRestore, { revision: item.revision }))) props.onRestore(item.revision);
                }}
              >
                {fill(s.restoreRevision, { revision: item.revision })}
              </button>
            )}
          </li>
        ))}
      </ol>
      <div class="ed-row">
        {picker(from, setFrom, s.compareFrom, 'compare-from')}
        {picker(to, setTo, s.compareTo, 'compare-to')}
        <button type="button" data-testid="compare" onClick={compare}>
          {s.compare}
        </button>
      </div>
      {error && (
        <p role="alert" class="ed-error">
          {error}
        </p>
      )}
      {diff && (
        <div class="ed-diff-result" data-testid="diff-result">
          {diff.fields.length === 0 && <p>{s.noChanges}</p>}
          {diff.limited && (
            <p class="ed-hint" role="note" data-testid="diff-limited">
              {s.diffLimited}
            </p>
          )}
          {diff.changes && diff.changes.length > 0 && (
            <section>
              <h3>{s.diffChanges}</h3>
              <BodyChanges s={s} changes={diff.changes} />
            </section>
          )}
          {diff.fields.map((f) => (
            <section key={f.field}>
              <h3>{pick(s, `f_${f.field}`)}</h3>
              <p class="ed-merge-text">
                <DiffText parts={f.parts} />
              </p>
            </section>
          ))}
        </div>
      )}
    </aside>
  );
}
