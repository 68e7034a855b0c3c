// The audit log, newest first: readable actions in the interface language, filters (who, what,
// when, in agency days), links to the articles and users concerned, and pages of 50 (older
// entries by the last id shown).
import { useEffect, useState } from 'preact/hooks';
import { get } from '../editor/net.ts';
import { formatTime } from '../editor/format.ts';
import type { User } from '../editor/types.ts';
import { en } from '../i18n/en.ts';
import { fill, pick, type ShellStrings } from '../strings.ts';
import { useLatest } from '../editor/useLatest.ts';

interface Entry {
  id: number;
  at: string;
  user: { id: number; name: string } | null;
  action: string;
  targetType: string;
  targetId: string;
  targetName: string | null;
  detail: Record<string, unknown>;
}

const PAGE = 50;
/** Every action the strings can name: audit_article_publish → article.publish. */
const ACTIONS = Object.keys(en)
  .filter((k) => k.startsWith('audit_'))
  .map((k) => k.slice('audit_'.length).replace('_', '.'));

export function actionText(s: ShellStrings, action: string): string {
  const text = pick(s, `audit_${action.replace(/\./g, '_')}`);
  return text.startsWith('audit_') ? action : text;
}

export function AuditScreen(props: { s: ShellStrings; user: User; navigate(to: string): void }) {
  const { s, user } = props;
  const [filters, setFilters] = useState({ userId: '', action: '', from: '', to: '' });
  // The ids that start each page shown so far: [] is the newest page.
  const [pages, setPages] = useState<number[]>([]);
  const [items, setItems] = useState<Entry[] | null>(null);
  const [people, setPeople] = useState<{ id: number; name: string }[]>([]);
  const [error, setError] = useState('');
  const before = pages[pages.length - 1];
  const latest = useLatest();

  useEffect(() => {
    if (user.role !== 'admin') return;
    get<{ items: { id: number; name: string }[] }>('/users').then(
      (r) => setPeople(r.items),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    const params = new URLSearchParams({ limit: String(PAGE) });
    for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
    if (before !== undefined) params.set('before', String(before));
    latest(get<{ items: Entry[] }>(`/audit?${params}`)).then(
      (r) => {
        setError('');
        setItems(r.items);
        // Chief editors cannot list users: the people of the entries seen fill the "who" filter.
        if (user.role !== 'admin')
          setPeople((known) => {
            const more = r.items.flatMap((e) => (e.user && !known.some((p) => p.id === e.user!.id) ? [e.user] : []));
            return more.length ? [...known, ...more.filter((p, i) => more.findIndex((q) => q.id === p.id) === i)] : known;
          });
      },
      (e: Error) => setError(e.message),
    );
  }, [filters, before]);

  const filter = (patch: Partial<typeof filters>) => {
    setFilters({ ...filters, ...patch });
    setPages([]);
  };
  const go = (e: Event, to: string) => {
    e.preventDefault();
    props.navigate(to);
  };
  const target = (e: Entry) => {
    const what = pick(s, `target_${e.targetType}`);
    const label = what.startsWith('target_') ? e.targetType : what;
    if (e.targetType === 'article') {
      const headline = e.targetName ?? (typeof e.detail['headline'] === 'string' ? e.detail['headline'] : '');
      // A deleted article has no page any more: its headline (kept in the entry) is shown instead.
      if (e.action === 'article.delete')
        return (
          <>
            {label} <bdi>{headline || e.targetId}</bdi>
          </>
        );
      return (
        <a
          href={`/newsroom/articles/${e.targetId}`}
          data-testid="audit-article"
          onClick={(ev) => go(ev, `/newsroom/articles/${e.targetId}`)}
        >
          {label} <bdi>{headline || `#${e.targetId}`}</bdi>
        </a>
      );
    }
    if (e.targetType === 'user') {
      const name = e.targetName ?? `#${e.targetId}`;
      return user.role === 'admin' ? (
        <a
          href={`/newsroom/manage/users#user-${e.targetId}`}
          data-testid="audit-user"
          onClick={(ev) => {
            // The shell routes by path: the hash (the row to show) is kept in the address.
            ev.preventDefault();
            history.pushState(null, '', `/newsroom/manage/users#user-${e.targetId}`);
            props.navigate('/newsroom/manage/users');
          }}
        >
          {label} <bdi>{name}</bdi>
        </a>
      ) : (
        <>
          {label} <bdi>{name}</bdi>
        </>
      );
    }
    return (
      <>
        {label} <bdi>{e.targetId}</bdi>
      </>
    );
  };

  return (
    <section class="nr-card">
      <h1>{s.audit}</h1>
      <form class="nr-filters" onSubmit={(e) => e.preventDefault()} data-testid="audit-filters">
        <label>
          {s.who}
          <select
            value={filters.userId}
            data-testid="audit-who"
            onChange={(e) => filter({ userId: (e.target as HTMLSelectElement).value })}
          >
            <option value="">{s.allPeople}</option>
            {people.map((p) => (
              <option dir="auto" value={String(p.id)}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {s.action}
          <select
            value={filters.action}
            data-testid="audit-what"
            onChange={(e) => filter({ action: (e.target as HTMLSelectElement).value })}
          >
            <option value="">{s.allActions}</option>
            {ACTIONS.map((a) => (
              <option value={a}>{actionText(s, a)}</option>
            ))}
          </select>
        </label>
        <label>
          {s.dateFrom}
          <input
            type="date"
            data-testid="audit-from"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => filter({ from: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          {s.dateTo}
          <input
            type="date"
            data-testid="audit-to"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => filter({ to: (e.target as HTMLInputElement).value })}
          />
        </label>
      </form>
      {error && (
        <p class="nr-status nr-error" role="alert">
          {fill(s.failed, { message: error })}
        </p>
      )}
      {items && items.length === 0 && <p class="nr-empty">{s.nothing}</p>}
      {items && items.length > 0 && (
        <table class="nr-table" data-testid="audit">
          <thead>
            <tr>
              <th>{s.when}</th>
              <th>{s.who}</th>
              <th>{s.action}</th>
              <th>{s.target}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} data-action={e.action}>
                <td>
                  <time dateTime={e.at}>{formatTime(e.at, user.uiLang)}</time>
                </td>
                <td>
                  {e.user ? (
                    <a
                      href="#"
                      data-testid="audit-who-link"
                      onClick={(ev) => {
                        ev.preventDefault();
                        filter({ userId: String(e.user!.id) });
                      }}
                    >
                      <bdi>{e.user.name}</bdi>
                    </a>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{actionText(s, e.action)}</td>
                <td>{target(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="nr-pager" aria-label={s.audit}>
        {pages.length > 0 && (
          <button type="button" data-testid="audit-newest" onClick={() => setPages([])}>
            {s.newestEntries}
          </button>
        )}
        {items && items.length === PAGE && (
          <button type="button" data-testid="audit-older" onClick={() => setPages([...pages, items[items.length - 1]!.id])}>
            {s.olderEntries}
          </button>
        )}
      </nav>
    </section>
  );
}
