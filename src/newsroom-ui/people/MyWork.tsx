// "My work": the assignments given to me (start the draft from one, open it, mark it done) and, for
// editors, the form to assign a story and every open assignment of their desks.
import { useEffect, useState } from 'preact/hooks';
import { call, get, post } from '../editor/net.ts';
import { formatTime } from '../editor/format.ts';
import type { Article, Section, User } from '../editor/types.ts';
import type { Assignment, People } from '../../contracts/newsroom/people.ts';
import { EDITION_NAMES } from '../strings.ts';
import { fill, peopleStrings } from './strings.ts';

const langOf = (edition: string) => (edition === 'kz' ? 'kk' : edition === 'cn' ? 'zh' : edition);

export function MyWork(props: { user: User; navigate(p: string): void }) {
  const { user } = props;
  const s = peopleStrings(user.uiLang);
  const editor = user.role !== 'journalist';
  const [mine, setMine] = useState<Assignment[] | null>(null);
  const [open, setOpen] = useState<Assignment[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [version, setVersion] = useState(0);
  const fail = (e: Error) => setMessage({ ok: false, text: fill(s.failed, { message: e.message }) });

  useEffect(() => {
    get<{ items: Assignment[] }>('/assignments').then((r) => setMine(r.items), fail);
    if (editor) get<{ items: Assignment[] }>('/assignments?scope=open').then((r) => setOpen(r.items), fail);
  }, [version]);

  const start = async (a: Assignment) => {
    try {
      const article = await post<Article>(`/assignments/${a.id}/draft`);
      props.navigate(`/newsroom/articles/${article.id}`);
    } catch (e) {
      fail(e as Error);
    }
  };
  const finish = async (a: Assignment, status: 'done' | 'cancelled') => {
    try {
      await call('PATCH', `/assignments/${a.id}`, { status });
      setVersion((v) => v + 1);
    } catch (e) {
      fail(e as Error);
    }
  };

  const row = (a: Assignment, actions: boolean) => (
    <li key={a.id} data-testid="assignment">
      <bdi lang={langOf(a.edition)} class="pp-headline">
        {a.headline}
      </bdi>
      <span class="nr-meta">
        {EDITION_NAMES[a.edition]} · {fill(s.dueAt, { time: formatTime(a.dueAt, user.uiLang) })} ·{' '}
        <bdi>{actions ? fill(s.assignedBy, { name: a.assignedBy.name }) : a.assignee.name}</bdi>
      </span>
      {a.note && <p class="pp-note">{a.note}</p>}
      {actions && (
        <span class="pp-actions">
          {a.articleId === null ? (
            <button type="button" data-testid="start-draft" onClick={() => void start(a)}>
              {s.startDraft}
            </button>
          ) : (
            <a
              href={`/newsroom/articles/${a.articleId}`}
              data-testid="open-draft"
              onClick={(e) => {
                e.preventDefault();
                props.navigate(`/newsroom/articles/${a.articleId}`);
              }}
            >
              {s.openDraft}
            </a>
          )}
          <button type="button" class="nr-quiet" onClick={() => void finish(a, 'done')}>
            {s.markDone}
          </button>
        </span>
      )}
      {!actions && (
        <button type="button" class="nr-quiet" onClick={() => void finish(a, 'cancelled')}>
          {s.cancel}
        </button>
      )}
    </li>
  );

  return (
    <section class="pp-work" aria-labelledby="pp-work-title">
      <h1 id="pp-work-title">{s.myWork}</h1>
      {message && (
        <p class={message.ok ? 'pp-ok' : 'nr-error'} role={message.ok ? 'status' : 'alert'} data-testid="work-message">
          {message.text}
        </p>
      )}
      <h2>{s.myAssignments}</h2>
      {mine && mine.length === 0 && <p>{s.noAssignments}</p>}
      {mine && mine.length > 0 && (
        <ul class="nr-list pp-list" data-testid="my-assignments">
          {mine.map((a) => row(a, true))}
        </ul>
      )}
      {editor && (
        <>
          <AssignForm
            user={user}
            onAssigned={(a) => {
              setMessage({ ok: true, text: fill(s.assigned, { name: a.assignee.name }) });
              setVersion((v) => v + 1);
            }}
            onError={fail}
          />
          <h2>{s.openAssignments}</h2>
          {open && open.length === 0 && <p>{s.noOpenAssignments}</p>}
          {open && open.length > 0 && (
            <ul class="nr-list pp-list" data-testid="open-assignments">
              {open.map((a) => row(a, false))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function AssignForm(props: { user: User; onAssigned(a: Assignment): void; onError(e: Error): void }) {
  const s = peopleStrings(props.user.uiLang);
  const desks = props.user.desks;
  const [people, setPeople] = useState<People['items']>([]);
  const [sections, setSections] = useState<Section[]>([]);
  const empty = { headline: '', edition: desks[0] ?? 'kz', sectionId: '', due: '', assigneeId: '', note: '' };
  const [form, setForm] = useState(empty);
  useEffect(() => {
    get<People>('/people').then((r) => setPeople(r.items), props.onError);
    get<{ items: Section[] }>('/sections').then((r) => setSections(r.items), props.onError);
  }, []);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const a = await post<Assignment>('/assignments', {
        headline: form.headline,
        edition: form.edition,
        sectionId: Number(form.sectionId),
        due: form.due,
        assigneeId: Number(form.assigneeId),
        ...(form.note.trim() ? { note: form.note } : {}),
      });
      setForm({ ...empty, edition: form.edition });
      props.onAssigned(a);
    } catch (err) {
      props.onError(err as Error);
    }
  };
  const uiEdition = props.user.uiLang;
  return (
    <form class="pp-assign" data-testid="assign-form" onSubmit={(e) => void submit(e)}>
      <h2>{s.assign}</h2>
      <label>
        <span>{s.plannedHeadline}</span>
        <input
          required
          maxLength={300}
          value={form.headline}
          data-testid="assign-headline"
          onInput={(e) => set({ headline: e.currentTarget.value })}
        />
      </label>
      <label>
        <span>{s.desk}</span>
        <select value={form.edition} data-testid="assign-desk" onChange={(e) => set({ edition: e.currentTarget.value, assigneeId: '' })}>
          {desks.map((d) => (
            <option key={d} value={d}>
              {EDITION_NAMES[d]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{s.section}</span>
        <select required value={form.sectionId} data-testid="assign-section" onChange={(e) => set({ sectionId: e.currentTarget.value })}>
          <option value="">{s.choose}</option>
          {sections.map((x) => (
            <option key={x.id} value={String(x.id)}>
              {x.names[form.edition]?.name ?? x.names[uiEdition]?.name ?? x.key}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{s.due}</span>
        {/* The API reads a local YYYY-MM-DDTHH:mm in the agency's time zone (Asia/Almaty). */}
        <input
          type="datetime-local"
          required
          value={form.due}
          data-testid="assign-due"
          onInput={(e) => set({ due: e.currentTarget.value })}
        />
      </label>
      <label>
        <span>{s.assignee}</span>
        <select required value={form.assigneeId} data-testid="assign-assignee" onChange={(e) => set({ assigneeId: e.currentTarget.value })}>
          <option value="">{s.choose}</option>
          {people
            .filter((p) => p.desks.includes(form.edition))
            .map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        <span>{s.note}</span>
        <textarea
          rows={2}
          maxLength={2000}
          value={form.note}
          data-testid="assign-note"
          onInput={(e) => set({ note: e.currentTarget.value })}
        />
      </label>
      <button type="submit" data-testid="assign-submit">
        {s.assignButton}
      </button>
    </form>
  );
}
