// Bulk actions on the articles selected in the dashboard's list: move to a section, unpublish,
// delete drafts. Every action asks first (what, how many); the server checks each article on its
// own, and the answer is shown per article: how many were done, and why each other one was not.
import { useState } from 'preact/hooks';
import { post } from '../editor/net.ts';
import type { ArticleSummary, Section } from '../editor/types.ts';
import { fill, pick, type ShellStrings } from '../strings.ts';

const ACTIONS = ['section', 'unpublish', 'delete'] as const;
type BulkAction = (typeof ACTIONS)[number];

interface BulkResult {
  id: number;
  ok: boolean;
  error?: { code: string; message: string };
}

export function BulkBar(props: {
  s: ShellStrings;
  uiLang: string;
  sections: Section[];
  selected: ArticleSummary[];
  /** The ids that were done (the list reloads). */
  onDone(done: number[]): void;
}) {
  const { s, selected } = props;
  const [action, setAction] = useState<BulkAction>('section');
  const [sectionId, setSectionId] = useState('');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ ok: number; n: number; refused: string[] } | null>(null);
  const [error, setError] = useState('');
  const sectionName = (id: string) => {
    const names = props.sections.find((x) => String(x.id) === id)?.names;
    return names?.[props.uiLang]?.name ?? names?.['kz']?.name ?? '';
  };
  const target = sectionId || String(props.sections[0]?.id ?? '');
  if (selected.length === 0 && !report) return null;

  const run = async () => {
    setBusy(true);
    setError('');
    try {
      const answer = await post<{ results: BulkResult[] }>('/articles/bulk', {
        action,
        ids: selected.map((a) => a.id),
        ...(action === 'section' ? { sectionId: Number(target) } : {}),
      });
      const headline = (id: number) => selected.find((a) => a.id === id)?.headline || s.untitled;
      const refused = answer.results
        .filter((r) => !r.ok)
        .map((r) => {
          const known = pick(s, `bulkErr_${r.error?.code ?? ''}`);
          return fill(s.bulkNotDone, { headline: headline(r.id), reason: known.startsWith('bulkErr_') ? (r.error?.message ?? '') : known });
        });
      setReport({ ok: answer.results.filter((r) => r.ok).length, n: answer.results.length, refused });
      props.onDone(answer.results.filter((r) => r.ok).map((r) => r.id));
    } catch (e) {
      setError(fill(s.failed, { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  const question = fill(pick(s, `bulkConfirm_${action}`), { n: selected.length, section: sectionName(target) });

  return (
    <div class="nr-bulk" data-testid="bulk-bar">
      {selected.length > 0 && (
        <form
          class="nr-filters"
          onSubmit={(e) => {
            e.preventDefault();
            setReport(null);
            setAsking(true);
          }}
        >
          <strong data-testid="selected-count">{fill(s.selectedCount, { n: selected.length })}</strong>
          <label>
            {s.bulkAction}
            <select
              value={action}
              data-testid="bulk-action"
              onChange={(e) => {
                setAction((e.target as HTMLSelectElement).value as BulkAction);
                setAsking(false);
              }}
            >
              {ACTIONS.map((a) => (
                <option value={a}>{pick(s, `bulk_${a}`)}</option>
              ))}
            </select>
          </label>
          {action === 'section' && (
            <label>
              {s.section}
              <select value={target} data-testid="bulk-section" onChange={(e) => setSectionId((e.target as HTMLSelectElement).value)}>
                {props.sections.map((x) => (
                  <option dir="auto" value={String(x.id)}>
                    {x.names[props.uiLang]?.name ?? x.names['kz']?.name ?? x.key}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" data-testid="bulk-apply" disabled={busy}>
            {s.bulkApply}
          </button>
        </form>
      )}
      {asking && selected.length > 0 && (
        <div class="nr-confirm" role="alertdialog" aria-labelledby="nr-bulk-question" data-testid="bulk-confirm">
          <p id="nr-bulk-question">{question}</p>
          <button
            type="button"
            class={action === 'section' ? 'nr-primary' : 'nr-danger'}
            data-testid="bulk-yes"
            disabled={busy}
            onClick={() => void run()}
            ref={(el) => el?.focus()}
          >
            {s.bulkYes}
          </button>
          <button type="button" data-testid="bulk-cancel" onClick={() => setAsking(false)}>
            {s.cancel}
          </button>
        </div>
      )}
      {error && (
        <p class="nr-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div class={report.refused.length ? 'nr-status nr-status-partial' : 'nr-status nr-success'} role="status" data-testid="bulk-report">
          <p>{fill(s.bulkDone, { ok: report.ok, n: report.n })}</p>
          {report.refused.length > 0 && (
            <ul>
              {report.refused.map((line) => (
                <li>
                  <bdi>{line}</bdi>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
