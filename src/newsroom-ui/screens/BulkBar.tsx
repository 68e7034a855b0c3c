// Bulk actions on the articles selected in the dashboard's list: move to a section, unpublish,
// delete drafts, assign to someone (with a due time in Almaty time). Every action asks first (what,
// how many); the server checks each article on its own, and the answer is shown per article: how
// many were done, and why each other one was not.
import { useEffect, useState } from 'preact/hooks';
import { get, post } from '../editor/net.ts';
import type { ArticleSummary, Section } from '../editor/types.ts';
import { peopleStrings } from '../people/strings.ts';
import { fill, pick, type ShellStrings } from '../strings.ts';

const ACTIONS = ['section', 'unpublish', 'delete', 'assign'] as const;
type BulkAction = (typeof ACTIONS)[number];

interface Person {
  id: number;
  name: string;
  desks: string[];
}

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
  const [people, setPeople] = useState<Person[] | null>(null);
  const [assigneeId, setAssigneeId] = useState('');
  const [due, setDue] = useState('');
  const ps = peopleStrings(props.uiLang);
  useEffect(() => {
    if (action === 'assign' && people === null)
      get<{ items: Person[] }>('/people').then(
        (r) => setPeople(r.items),
        () => setPeople([]),
      );
  }, [action]);
  // Those who work on a desk of the selected articles (the server checks each article's desk).
  const editions = new Set(selected.map((a) => a.edition));
  const assignees = (people ?? []).filter((p) => p.desks.some((d) => editions.has(d as ArticleSummary['edition'])));
  const assignee = assignees.find((p) => String(p.id) === assigneeId);
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
        ...(action === 'assign' ? { assigneeId: Number(assigneeId), due } : {}),
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
  const question = fill(pick(s, `bulkConfirm_${action}`), {
    n: selected.length,
    section: sectionName(target),
    name: assignee?.name ?? '',
    due: due.replace('T', ' '),
  });

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
          {action === 'assign' && (
            <>
              <label>
                {ps.assignee}
                <select
                  required
                  value={assigneeId}
                  data-testid="bulk-assignee"
                  onChange={(e) => setAssigneeId((e.target as HTMLSelectElement).value)}
                >
                  <option value="">{ps.choose}</option>
                  {assignees.map((p) => (
                    <option key={p.id} value={String(p.id)} dir="auto">
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {ps.due}
                {/* The API reads a local YYYY-MM-DDTHH:mm in the agency's time zone (Asia/Almaty). */}
                <input type="datetime-local" required value={due} data-testid="bulk-due" onInput={(e) => setDue(e.currentTarget.value)} />
              </label>
            </>
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
            class={action === 'section' || action === 'assign' ? 'nr-primary' : 'nr-danger'}
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
