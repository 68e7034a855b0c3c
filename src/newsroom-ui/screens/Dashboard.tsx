// The dashboard: my drafts, waiting for review, scheduled, published today, most read today; a
// filtered list with headline search, days, sort and pages; bulk actions on the selected articles
// (BulkBar.tsx); and "New article".
import { useEffect, useState } from 'preact/hooks';
import { BulkBar } from './BulkBar.tsx';
import { get, post } from '../editor/net.ts';
import { formatTime } from '../editor/format.ts';
import type { Article, ArticleSummary, Author, Section, User } from '../editor/types.ts';
import { fillIsolated } from '../components/Isolate.ts';
import { count, EDITION_NAMES, fill, pick, type ShellStrings } from '../strings.ts';
import { useLatest } from '../editor/useLatest.ts';

type Summary = ArticleSummary & { views?: number };
interface DashboardAnswer {
  myDrafts: Summary[];
  waiting: Summary[];
  scheduled: Summary[];
  publishedToday: Summary[];
  mostReadToday: Summary[];
}
const STATES = ['draft', 'submitted', 'returned', 'approved', 'scheduled', 'published', 'unpublished'] as const;
const SORTS = ['modified', 'oldest', 'published', 'headline'] as const;
const PAGE = 30;

export function Dashboard(props: { s: ShellStrings; user: User; navigate(p: string): void }) {
  const { s, user } = props;
  const [board, setBoard] = useState<DashboardAnswer | null>(null);
  const [sections, setSections] = useState<Section[]>([]);
  const [authors, setAuthors] = useState<Author[]>([]);
  const [filters, setFilters] = useState({ edition: '', sectionId: '', status: '', authorId: '', q: '', from: '', to: '', sort: '' });
  const [offset, setOffset] = useState(0);
  const [reload, setReload] = useState(0);
  const [selected, setSelected] = useState<number[]>([]);
  const [list, setList] = useState<{ items: Summary[]; total: number } | null>(null);
  const [error, setError] = useState('');
  const latest = useLatest();

  useEffect(() => {
    get<DashboardAnswer>('/dashboard').then(setBoard, (e: Error) => setError(e.message));
    get<{ items: Section[] }>('/sections').then(
      (r) => setSections(r.items),
      () => undefined,
    );
    get<{ items: Author[] }>('/authors').then(
      (r) => setAuthors(r.items),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
    params.set('limit', String(PAGE));
    params.set('offset', String(offset));
    const timer = setTimeout(
      () =>
        latest(get<{ items: Summary[]; total: number }>(`/articles?${params}`)).then(
          (r) => {
            setError('');
            setList(r);
          },
          (e: Error) => setError(e.message),
        ),
      200,
    );
    return () => clearTimeout(timer);
  }, [filters, offset, reload]);
  const filter = (patch: Partial<typeof filters>) => {
    setFilters({ ...filters, ...patch });
    setOffset(0);
    setSelected([]);
  };
  const turn = (to: number) => {
    setOffset(to);
    setSelected([]);
  };

  const sectionName = (id: number | null, edition: string) => {
    const names = sections.find((x) => x.id === id)?.names;
    return names?.[edition]?.name ?? names?.[user.uiLang === 'kz' ? 'kz' : user.uiLang]?.name ?? '';
  };
  const open = (a: Summary) => props.navigate(`/newsroom/articles/${a.id}`);
  const rows = (items: Summary[] | undefined, testId: string, selectable = false) =>
    items && items.length > 0 ? (
      <ul class="nr-list" data-testid={testId}>
        {items.map((a) => (
          <li key={a.id} data-id={a.id}>
            {selectable && (
              <input
                type="checkbox"
                class="nr-select"
                data-testid={`select-${a.id}`}
                aria-label={fill(s.selectArticle, { headline: a.headline || s.untitled })}
                checked={selected.includes(a.id)}
                onChange={(e) =>
                  setSelected((e.target as HTMLInputElement).checked ? [...selected, a.id] : selected.filter((x) => x !== a.id))
                }
              />
            )}
            <a
              href={`/newsroom/articles/${a.id}`}
              onClick={(e) => {
                e.preventDefault();
                open(a);
              }}
              lang={a.edition === 'kz' ? 'kk' : a.edition === 'cn' ? 'zh' : a.edition}
            >
              <bdi>{a.headline || s.untitled}</bdi>
            </a>
            <span class="nr-meta">
              <span class={`nr-state nr-state-${a.status}`}>
                {pick(s, `status_${a.status}`)}
                {a.embargo ? ` · ${s.embargo}` : ''}
              </span>{' '}
              {EDITION_NAMES[a.edition]} · <bdi>{sectionName(a.sectionId, a.edition)}</bdi>
              {a.createdBy ? <> · {fillIsolated(s.by, { name: a.createdBy.name })}</> : ''}
              {' · '}
              <time dateTime={a.scheduledAt ?? a.publishedAt ?? a.modifiedAt}>
                {formatTime(a.scheduledAt ?? a.publishedAt ?? a.modifiedAt, user.uiLang)}
              </time>
              {a.views !== undefined ? ` · ${count(s, s.views, a.views)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    ) : (
      <p class="nr-empty">{s.nothing}</p>
    );

  return (
    <div class="nr-dashboard">
      <h1>{s.dashboard}</h1>
      {error && (
        <p class="nr-error" role="alert">
          {fill(s.failed, { message: error })}
        </p>
      )}
      <NewArticle s={s} user={user} sections={sections} onCreated={(a) => props.navigate(`/newsroom/articles/${a.id}`)} />
      <div class="nr-board">
        <section class="nr-card">
          <h2>{s.myDrafts}</h2>
          {rows(board?.myDrafts, 'my-drafts')}
        </section>
        <section class="nr-card">
          <h2>{s.waiting}</h2>
          {rows(board?.waiting, 'waiting')}
        </section>
        <section class="nr-card">
          <h2>{s.scheduled}</h2>
          {rows(board?.scheduled, 'scheduled')}
        </section>
        <section class="nr-card">
          <h2>{s.publishedToday}</h2>
          {rows(board?.publishedToday, 'published-today')}
        </section>
        <section class="nr-card">
          <h2>{s.mostRead}</h2>
          {rows(board?.mostReadToday, 'most-read')}
        </section>
      </div>
      <section class="nr-card">
        <h2>{s.results}</h2>
        <form class="nr-filters" onSubmit={(e) => e.preventDefault()}>
          <label class="nr-grow">
            {s.search}
            <input
              type="search"
              data-testid="search"
              value={filters.q}
              onInput={(e) => filter({ q: (e.target as HTMLInputElement).value })}
            />
          </label>
          <label>
            {s.edition}
            <select value={filters.edition} onChange={(e) => filter({ edition: (e.target as HTMLSelectElement).value })}>
              <option value="">{s.allEditions}</option>
              {user.desks.map((d) => (
                <option value={d}>{EDITION_NAMES[d]}</option>
              ))}
            </select>
          </label>
          <label>
            {s.section}
            <select value={filters.sectionId} onChange={(e) => filter({ sectionId: (e.target as HTMLSelectElement).value })}>
              <option value="">{s.allSections}</option>
              {sections.map((x) => (
                <option dir="auto" value={String(x.id)}>
                  {x.names[user.uiLang]?.name ?? x.names['en']?.name ?? x.key}
                </option>
              ))}
            </select>
          </label>
          <label>
            {s.results}
            <select value={filters.status} onChange={(e) => filter({ status: (e.target as HTMLSelectElement).value })}>
              <option value="">{s.allStates}</option>
              {STATES.map((st) => (
                <option value={st}>{pick(s, `status_${st}`)}</option>
              ))}
            </select>
          </label>
          <label>
            {s.author}
            <select
              value={filters.authorId}
              data-testid="filter-author"
              onChange={(e) => filter({ authorId: (e.target as HTMLSelectElement).value })}
            >
              <option value="">{s.allAuthors}</option>
              {authors.map((a) => (
                <option dir="auto" value={String(a.id)}>
                  {a.names[user.uiLang]?.name ?? a.names['kz']?.name ?? a.names['en']?.name ?? a.id}
                </option>
              ))}
            </select>
          </label>
          <label>
            {s.dateFrom}
            <input
              type="date"
              data-testid="filter-from"
              value={filters.from}
              max={filters.to || undefined}
              onChange={(e) => filter({ from: (e.target as HTMLInputElement).value })}
            />
          </label>
          <label>
            {s.dateTo}
            <input
              type="date"
              data-testid="filter-to"
              value={filters.to}
              min={filters.from || undefined}
              onChange={(e) => filter({ to: (e.target as HTMLInputElement).value })}
            />
          </label>
          <label>
            {s.sortBy}
            <select value={filters.sort} data-testid="sort" onChange={(e) => filter({ sort: (e.target as HTMLSelectElement).value })}>
              {SORTS.map((x) => (
                <option value={x === 'modified' ? '' : x}>{pick(s, `sort_${x}`)}</option>
              ))}
            </select>
          </label>
        </form>
        {list && list.items.length > 0 && (
          <label class="nr-check">
            <input
              type="checkbox"
              data-testid="select-all"
              checked={list.items.every((a) => selected.includes(a.id))}
              onChange={(e) => setSelected((e.target as HTMLInputElement).checked ? list.items.map((a) => a.id) : [])}
            />
            {s.selectAll}
          </label>
        )}
        <BulkBar
          s={s}
          uiLang={user.uiLang}
          sections={sections}
          selected={(list?.items ?? []).filter((a) => selected.includes(a.id))}
          onDone={(done) => {
            setSelected(selected.filter((id) => !done.includes(id)));
            setReload(reload + 1);
          }}
        />
        {rows(list?.items, 'article-list', true)}
        {list && list.total > 0 && (
          <nav class="nr-pager" aria-label={s.results} data-testid="pager">
            <button type="button" data-testid="page-prev" disabled={offset === 0} onClick={() => turn(Math.max(0, offset - PAGE))}>
              {s.prevPage}
            </button>
            <span data-testid="page-of">{fill(s.pageOf, { from: offset + 1, to: offset + list.items.length, total: list.total })}</span>
            <button type="button" data-testid="page-next" disabled={offset + PAGE >= list.total} onClick={() => turn(offset + PAGE)}>
              {s.nextPage}
            </button>
          </nav>
        )}
      </section>
    </div>
  );
}

function NewArticle(props: { s: ShellStrings; user: User; sections: Section[]; onCreated(a: Article): void }) {
  const { s, user } = props;
  const [open, setOpen] = useState(false);
  const [edition, setEdition] = useState(user.desks[0] ?? '');
  const [error, setError] = useState('');
  if (user.desks.length === 0) return null;
  const create = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    try {
      props.onCreated(await post<Article>('/articles', { edition, sectionId: Number(form.get('sectionId')) }));
    } catch (err) {
      setError(fill(s.failed, { message: err instanceof Error ? err.message : '' }));
    }
  };
  if (!open)
    return (
      <button type="button" class="nr-primary" data-testid="new-article" onClick={() => setOpen(true)}>
        {s.newArticle}
      </button>
    );
  return (
    <form class="nr-card nr-new" onSubmit={create} data-testid="new-article-form">
      <label>
        {s.edition}
        <select
          name="edition"
          value={edition}
          data-testid="new-edition"
          onChange={(e) => setEdition((e.target as HTMLSelectElement).value)}
        >
          {user.desks.map((d) => (
            <option value={d}>{EDITION_NAMES[d]}</option>
          ))}
        </select>
      </label>
      <label>
        {s.section}
        <select name="sectionId" required data-testid="new-section">
          {props.sections.map((x) => (
            <option dir="auto" value={String(x.id)}>
              {x.names[edition]?.name ?? x.key}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p class="nr-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="nr-primary" data-testid="new-create">
        {s.create}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {s.cancel}
      </button>
    </form>
  );
}
