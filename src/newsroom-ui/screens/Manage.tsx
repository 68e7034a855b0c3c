// Management screens: sections (names per edition, order), tags (names per edition, merge),
// authors (names, roles and bios per edition, photo), users (roles, desks, disable, reset).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, call, get } from '../editor/net.ts';
import type { Author, Section, Tag, User } from '../editor/types.ts';
import { count, EDITION_NAMES, fill, pick, type ShellStrings } from '../strings.ts';
import { MediaPicker, thumb } from '../components/MediaPicker.tsx';
import { fillIsolated } from '../components/Isolate.ts';
import { EDITIONS as REGISTRY, WRITTEN_EDITIONS } from '../../editions/editions.ts';
import { useLatest } from '../editor/useLatest.ts';

const EDITIONS = WRITTEN_EDITIONS;
const LANG: Record<string, string> = Object.fromEntries(WRITTEN_EDITIONS.map((e) => [e, REGISTRY[e].language]));

/**
 * The screen's last message: a success (role=status, styled as one) or a failure (role=alert).
 * Both stay in view while the page scrolls (.nr-status is sticky), so a change made far down a
 * table is confirmed where the person is looking.
 */
function useMessage(s: ShellStrings) {
  const [message, setState] = useState<{ text: string; ok: boolean } | null>(null);
  const setMessage = (text: string) => setState(text ? { text, ok: true } : null);
  const fail = (e: unknown) =>
    setState({ text: fill(s.failed, { message: e instanceof ApiError || e instanceof Error ? e.message : String(e) }), ok: false });
  const view = !message ? null : message.ok ? (
    <p class="nr-status nr-success" role="status" data-testid="manage-status">
      {message.text}
    </p>
  ) : (
    <p class="nr-status nr-error" role="alert" data-testid="manage-error">
      {message.text}
    </p>
  );
  return { setMessage, fail, view };
}

export function SectionsScreen(props: { s: ShellStrings }) {
  const { s } = props;
  const [items, setItems] = useState<Section[]>([]);
  const { setMessage, fail, view } = useMessage(s);
  const load = () => get<{ items: Section[] }>('/sections').then((r) => setItems(r.items), fail);
  useEffect(() => {
    void load();
  }, []);
  const move = (i: number, by: number) => {
    const next = [...items];
    const [it] = next.splice(i, 1);
    next.splice(i + by, 0, it!);
    setItems(next);
  };
  const saveOrder = () => call('PUT', '/sections/order', { ids: items.map((x) => x.id) }).then(() => setMessage(s.saved), fail);
  const rename = (id: number, edition: string, name: string) =>
    call('PATCH', `/sections/${id}`, { names: { [edition]: { name } } }).then(() => {
      setMessage(s.saved);
      void load();
    }, fail);
  return (
    <section class="nr-card" data-testid="manage-sections">
      <h1>{s.sections}</h1>
      {view}
      <table class="nr-table">
        <thead>
          <tr>
            <th />
            {EDITIONS.map((e) => (
              <th>{EDITION_NAMES[e]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((x, i) => (
            <tr key={x.id}>
              <td class="nr-nowrap">
                <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={s.moveUp}>
                  ↑
                </button>
                <button type="button" disabled={i === items.length - 1} onClick={() => move(i, 1)} aria-label={s.moveDown}>
                  ↓
                </button>
              </td>
              {EDITIONS.map((e) => (
                <td>
                  <input
                    lang={LANG[e]}
                    dir="auto"
                    aria-label={`${s.name} (${EDITION_NAMES[e]})`}
                    value={x.names[e]?.name ?? ''}
                    onChange={(ev) => void rename(x.id, e, (ev.target as HTMLInputElement).value)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="nr-primary" onClick={() => void saveOrder()}>
        {s.saveOrder}
      </button>
    </section>
  );
}

export function TagsScreen(props: { s: ShellStrings }) {
  const { s } = props;
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Tag[]>([]);
  const [merging, setMerging] = useState<Tag | null>(null);
  const { setMessage, fail, view } = useMessage(s);
  const latest = useLatest();
  const load = () =>
    latest(get<{ items: Tag[] }>(`/tags?limit=100${q ? `&q=${encodeURIComponent(q)}` : ''}`)).then((r) => setItems(r.items), fail);
  useEffect(() => {
    const t = setTimeout(load, 200);
    return () => clearTimeout(t);
  }, [q]);
  const rename = (id: number, edition: string, name: string) =>
    call('PATCH', `/tags/${id}`, { names: { [edition]: { name } } }).then(() => {
      setMessage(s.saved);
      void load();
    }, fail);
  const merge = (from: Tag, into: number) =>
    call<{ articlesMoved: number }>('POST', `/tags/${from.id}/merge`, { into }).then((r) => {
      setMerging(null);
      setMessage(count(s, s.mergeDone, r.articlesMoved));
      void load();
    }, fail);
  const label = (t: Tag) => t.names['kz']?.name ?? t.names['ru']?.name ?? t.names['en']?.name ?? t.key;
  return (
    <section class="nr-card" data-testid="manage-tags">
      <h1>{s.tags}</h1>
      {view}
      <label class="nr-grow">
        {s.search}
        <input type="search" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
      </label>
      <table class="nr-table">
        <thead>
          <tr>
            {EDITIONS.map((e) => (
              <th>{EDITION_NAMES[e]}</th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((t) => (
            <tr key={t.id}>
              {EDITIONS.map((e) => (
                <td>
                  <input
                    lang={LANG[e]}
                    dir="auto"
                    aria-label={`${s.name} (${EDITION_NAMES[e]})`}
                    value={t.names[e]?.name ?? ''}
                    onChange={(ev) => void rename(t.id, e, (ev.target as HTMLInputElement).value)}
                  />
                </td>
              ))}
              <td>
                {merging?.id === t.id ? (
                  <label>
                    {fillIsolated(s.mergeInto, { from: label(t) })}
                    <select onChange={(ev) => void merge(t, Number((ev.target as HTMLSelectElement).value))}>
                      <option value="">—</option>
                      {items
                        .filter((o) => o.id !== t.id)
                        .map((o) => (
                          <option dir="auto" value={String(o.id)}>
                            {label(o)}
                          </option>
                        ))}
                    </select>
                  </label>
                ) : (
                  <button type="button" onClick={() => setMerging(t)}>
                    {s.merge}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function AuthorsScreen(props: { s: ShellStrings }) {
  const { s } = props;
  const [items, setItems] = useState<Author[]>([]);
  const [picking, setPicking] = useState<number | null>(null);
  const { setMessage, fail, view } = useMessage(s);
  const load = () => get<{ items: Author[] }>('/authors').then((r) => setItems(r.items), fail);
  useEffect(() => {
    void load();
  }, []);
  const save = (id: number | null, body: unknown) =>
    call(id === null ? 'POST' : 'PATCH', id === null ? '/authors' : `/authors/${id}`, body).then(() => {
      setMessage(s.saved);
      void load();
    }, fail);
  const field = (a: Author, e: string, key: 'name' | 'role' | 'bio', value: string) => {
    const current = a.names[e] ?? { name: '' };
    if (key !== 'name' && !current.name) return;
    void save(a.id, { names: { [e]: { name: current.name, role: current.role ?? '', bio: current.bio ?? '', [key]: value } } });
  };
  const create = (e: Event) => {
    e.preventDefault();
    const name = String(new FormData(e.target as HTMLFormElement).get('name') ?? '').trim();
    if (name) void save(null, { names: { kz: { name } } });
    (e.target as HTMLFormElement).reset();
  };
  return (
    <section class="nr-card" data-testid="manage-authors">
      <h1>{s.authors}</h1>
      {view}
      <form class="nr-new" onSubmit={create}>
        <label>
          {s.newAuthor}
          <input name="name" lang="kk" required />
        </label>
        <button type="submit">{s.create}</button>
      </form>
      {items.map((a) => (
        <details key={a.id} class="nr-author">
          <summary>
            <bdi>{a.names['kz']?.name ?? a.names['ru']?.name ?? a.names['en']?.name ?? a.id}</bdi>
          </summary>
          <div class="nr-row">
            <button type="button" onClick={() => setPicking(a.id)}>
              {s.choose}: {s.photos}
            </button>
          </div>
          <table class="nr-table">
            <thead>
              <tr>
                <th />
                <th>{s.name}</th>
                <th>{s.role}</th>
                <th>{s.bio}</th>
              </tr>
            </thead>
            <tbody>
              {EDITIONS.map((e) => (
                <tr>
                  <th>{EDITION_NAMES[e]}</th>
                  {(['name', 'role', 'bio'] as const).map((key) => (
                    <td>
                      <input
                        lang={LANG[e]}
                        dir="auto"
                        aria-label={`${pick(s, key)} (${EDITION_NAMES[e]})`}
                        value={a.names[e]?.[key] ?? ''}
                        onChange={(ev) => field(a, e, key, (ev.target as HTMLInputElement).value)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
      {picking !== null && (
        <MediaPicker
          edition="kz"
          onPick={(asset) => {
            void save(picking, { names: {}, photoAssetId: asset.id });
            setPicking(null);
            void thumb;
          }}
          onClose={() => setPicking(null)}
        />
      )}
    </section>
  );
}

interface ManagedUser extends User {
  disabled: boolean;
}

export function UsersScreen(props: { s: ShellStrings; me: User }) {
  const { s } = props;
  const [items, setItems] = useState<ManagedUser[]>([]);
  const { setMessage, fail, view } = useMessage(s);
  const load = () => get<{ items: ManagedUser[] }>('/users').then((r) => setItems(r.items), fail);
  useEffect(() => {
    void load();
  }, []);
  // A link from the audit log (#user-12) shows that user's row.
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown || items.length === 0 || !location.hash.startsWith('#user-')) return;
    document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: 'center' });
    setShown(true);
  }, [items]);
  const [pending, setPending] = useState<{ user: ManagedUser; body: Record<string, unknown>; question: string } | null>(null);
  const nameOf = (u: ManagedUser) => u.name || u.email;
  const patch = (u: ManagedUser, body: Record<string, unknown>, done = fill(s.userSaved, { name: nameOf(u) })) =>
    call('PATCH', `/users/${u.id}`, body).then(
      () => {
        setMessage(done);
        void load();
        return true;
      },
      (e: unknown) => {
        fail(e);
        return false;
      },
    );
  /** Role and desk changes ask first; until answered, the row shows what is stored. */
  const ask = (u: ManagedUser, body: Record<string, unknown>, question: string) => {
    setMessage('');
    setPending({ user: u, body, question });
    setItems([...items]);
  };
  const deskList = (desks: readonly string[]) => (desks.length ? desks.map((d) => EDITION_NAMES[d]).join(', ') : s.noDesks);
  const create = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    call('POST', '/users', {
      email: String(f.get('email')),
      name: String(f.get('name')),
      password: String(f.get('password')),
      role: String(f.get('role')),
      desks: EDITIONS.filter((d) => f.get(`desk-${d}`) === 'on'),
    }).then(() => {
      (e.target as HTMLFormElement).reset();
      setMessage(fill(s.userCreated, { name: String(f.get('name')) }));
      void load();
    }, fail);
  };
  // Least privileged first: a new user is a journalist unless the admin picks more.
  const ROLES = ['journalist', 'editor', 'chief', 'admin'] as const;
  return (
    <section class="nr-card" data-testid="manage-users">
      <h1>{s.users}</h1>
      {view}
      {pending && (
        <div class="nr-status nr-confirm" role="alertdialog" aria-labelledby="nr-user-question" data-testid="user-confirm">
          <p id="nr-user-question">
            <bdi>{pending.question}</bdi>
          </p>
          <button
            type="button"
            class="nr-primary"
            data-testid="user-confirm-yes"
            ref={(el) => el?.focus()}
            onClick={() => {
              const { user, body } = pending;
              setPending(null);
              void patch(user, body);
            }}
          >
            {s.confirmYes}
          </button>
          <button
            type="button"
            data-testid="user-confirm-cancel"
            onClick={() => {
              setPending(null);
              setItems([...items]);
            }}
          >
            {s.cancel}
          </button>
        </div>
      )}
      <form class="nr-new" onSubmit={create} data-testid="new-user">
        <strong>{s.newUser}</strong>
        <label>
          {s.email}
          <input name="email" type="email" required />
        </label>
        <label>
          {s.name}
          <input name="name" required />
        </label>
        <label>
          {s.password}
          <input name="password" type="password" minLength={10} required autocomplete="new-password" />
        </label>
        <label>
          {s.role}
          <select name="role" data-testid="new-user-role">
            {ROLES.map((r) => (
              <option value={r} selected={r === 'journalist'}>
                {pick(s, `role_${r}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="nr-desks">
          <legend>{s.desks}</legend>
          {EDITIONS.map((d) => (
            <label class="nr-check">
              <input type="checkbox" name={`desk-${d}`} />
              {EDITION_NAMES[d]}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="nr-primary">
          {s.create}
        </button>
      </form>
      <table class="nr-table">
        <thead>
          <tr>
            <th>{s.name}</th>
            <th>{s.email}</th>
            <th>{s.role}</th>
            <th>{s.desks}</th>
            <th>{s.disabledUser}</th>
            <th>{s.resetPassword}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((u) => (
            <tr key={u.id} id={`user-${u.id}`} data-testid={`user-${u.id}`}>
              <td>
                <bdi>{u.name}</bdi>
              </td>
              <td>
                <bdi>{u.email}</bdi>
              </td>
              <td>
                <select
                  value={u.role}
                  disabled={u.id === props.me.id}
                  aria-label={s.role}
                  data-testid="user-role"
                  onChange={(e) => {
                    const role = (e.target as HTMLSelectElement).value;
                    ask(
                      u,
                      { role },
                      fill(s.confirmRole, { name: nameOf(u), from: pick(s, `role_${u.role}`), to: pick(s, `role_${role}`) }),
                    );
                  }}
                >
                  {ROLES.map((r) => (
                    <option value={r}>{pick(s, `role_${r}`)}</option>
                  ))}
                </select>
              </td>
              <td class="nr-nowrap">
                {EDITIONS.map((d) => (
                  <label class="nr-check">
                    <input
                      type="checkbox"
                      checked={u.desks.includes(d)}
                      disabled={u.role === 'admin' || u.role === 'chief'}
                      data-testid={`user-desk-${d}`}
                      onChange={(e) => {
                        const desks = (e.target as HTMLInputElement).checked ? [...u.desks, d] : u.desks.filter((x) => x !== d);
                        ask(u, { desks }, fill(s.confirmDesks, { name: nameOf(u), desks: deskList(desks) }));
                      }}
                    />
                    {EDITION_NAMES[d]}
                  </label>
                ))}
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={s.disabledUser}
                  checked={u.disabled}
                  disabled={u.id === props.me.id}
                  onChange={(e) => void patch(u, { disabled: (e.target as HTMLInputElement).checked })}
                />
              </td>
              <td>
                <form
                  class="nr-inline"
                  data-testid="reset-password"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const form = e.target as HTMLFormElement;
                    const field = form.elements.namedItem('password') as HTMLInputElement;
                    // The typed password stays in the field until the server has taken it (a weak
                    // one is refused and can be corrected); once set, the field is emptied.
                    void patch(u, { password: field.value }, fill(s.passwordSet, { name: nameOf(u) })).then((ok) => {
                      if (ok) field.value = '';
                    });
                  }}
                >
                  <input name="password" type="password" minLength={10} required aria-label={s.resetPassword} autocomplete="new-password" />
                  <button type="submit">{s.setPassword}</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
