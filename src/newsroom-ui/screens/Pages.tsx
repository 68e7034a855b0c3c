// The agency's static pages (admins): the list of every edition's pages and the page editor — the
// title, the article body editor, save (a stale save is refused and says so), publish, unpublish,
// and the revisions with restore. /newsroom/pages and /newsroom/pages/{id}.
import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Body } from '../../content/body.ts';
import type { Page, PageRevision, PageSummary } from '../../contracts/newsroom/pages.ts';
import { BodyEditor } from '../editor/BodyEditor.tsx';
import { errorText, formatTime } from '../editor/format.ts';
import { ApiError, get, post, put } from '../editor/net.ts';
import { editorStrings } from '../editor/strings.ts';
import type { User } from '../editor/types.ts';
import '../editor/editor.css';

interface PageStrings {
  pages: string;
  edition: string;
  title: string;
  state: string;
  published: string;
  draft: string;
  changed: string;
  open: string;
  save: string;
  saved: string;
  publish: string;
  publishedNow: string;
  unpublish: string;
  unpublishedNow: string;
  revisions: string;
  restore: string;
  restored: string;
  stale: string;
  view: string;
  back: string;
  newPage: string;
  slug: string;
  slugHint: string;
  slugInvalid: string;
  slugTaken: string;
  create: string;
  cancel: string;
}

const STRINGS: Record<'kz' | 'ru' | 'en', PageStrings> = {
  en: {
    pages: 'Pages',
    edition: 'Edition',
    title: 'Title',
    state: 'State',
    published: 'Published',
    draft: 'Not published',
    changed: 'Published; newer revision not published',
    open: 'Edit',
    save: 'Save',
    saved: 'Saved.',
    publish: 'Publish',
    publishedNow: 'Published: readers see this revision.',
    unpublish: 'Unpublish',
    unpublishedNow: 'Unpublished: the page is gone from the site.',
    revisions: 'Revisions',
    restore: 'Restore',
    restored: 'The revision was saved again as the newest one.',
    stale: 'Someone saved this page first. Reload it to see their revision.',
    view: 'View on the site',
    back: 'All pages',
    newPage: 'New page',
    slug: 'Address (slug)',
    slugHint: 'Lower-case Latin letters, digits and hyphens, e.g. "advertising".',
    slugInvalid: 'The address may hold only lower-case Latin letters, digits and single hyphens between them.',
    slugTaken: 'This edition already has a page at "{slug}": choose another address or edit that page.',
    create: 'Create',
    cancel: 'Cancel',
  },
  kz: {
    pages: 'Беттер',
    edition: 'Басылым',
    title: 'Тақырып',
    state: 'Күйі',
    published: 'Жарияланған',
    draft: 'Жарияланбаған',
    changed: 'Жарияланған; жаңа нұсқасы жарияланбаған',
    open: 'Өңдеу',
    save: 'Сақтау',
    saved: 'Сақталды.',
    publish: 'Жариялау',
    publishedNow: 'Жарияланды: оқырмандар осы нұсқаны көреді.',
    unpublish: 'Жариялаудан алу',
    unpublishedNow: 'Жариялаудан алынды: бет сайтта жоқ.',
    revisions: 'Нұсқалар',
    restore: 'Қалпына келтіру',
    restored: 'Нұсқа ең жаңасы ретінде қайта сақталды.',
    stale: 'Бұл бетті басқа біреу бұрын сақтады. Оның нұсқасын көру үшін бетті қайта жүктеңіз.',
    view: 'Сайтта қарау',
    back: 'Барлық беттер',
    newPage: 'Жаңа бет',
    slug: 'Мекенжайы (slug)',
    slugHint: 'Кіші латын әріптері, цифрлар және дефис, мысалы "advertising".',
    slugInvalid: 'Мекенжайда тек кіші латын әріптері, цифрлар және олардың арасындағы жалғыз дефис болады.',
    slugTaken: 'Бұл басылымда "{slug}" мекенжайлы бет бар: басқа мекенжай таңдаңыз немесе сол бетті өңдеңіз.',
    create: 'Құру',
    cancel: 'Болдырмау',
  },
  ru: {
    pages: 'Страницы',
    edition: 'Редакция',
    title: 'Заголовок',
    state: 'Состояние',
    published: 'Опубликована',
    draft: 'Не опубликована',
    changed: 'Опубликована; новая версия не опубликована',
    open: 'Изменить',
    save: 'Сохранить',
    saved: 'Сохранено.',
    publish: 'Опубликовать',
    publishedNow: 'Опубликовано: читатели видят эту версию.',
    unpublish: 'Снять с публикации',
    unpublishedNow: 'Снято с публикации: страницы нет на сайте.',
    revisions: 'Версии',
    restore: 'Восстановить',
    restored: 'Версия сохранена заново как самая новая.',
    stale: 'Кто-то сохранил страницу раньше. Перезагрузите её, чтобы увидеть его версию.',
    view: 'Открыть на сайте',
    back: 'Все страницы',
    newPage: 'Новая страница',
    slug: 'Адрес (slug)',
    slugHint: 'Строчные латинские буквы, цифры и дефисы, например "advertising".',
    slugInvalid: 'В адресе могут быть только строчные латинские буквы, цифры и одиночные дефисы между ними.',
    slugTaken: 'В этой редакции уже есть страница "{slug}": выберите другой адрес или измените ту страницу.',
    create: 'Создать',
    cancel: 'Отмена',
  },
};

export function pageStrings(uiLang: string): PageStrings {
  return STRINGS[uiLang as 'kz' | 'ru' | 'en'] ?? STRINGS.en;
}

/** Where a new page lives: the written editions (derived ones show their source's pages converted). */
const PAGE_EDITIONS = ['kz', 'ru', 'en', 'cn', 'uz'] as const;
/** The contract's PageSlug (src/contracts/newsroom/pages.ts). */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function PagesScreen(props: { user: User; navigate(path: string): void }) {
  const p = pageStrings(props.user.uiLang);
  const [items, setItems] = useState<PageSummary[] | null>(null);
  const [error, setError] = useState('');
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    get<{ items: PageSummary[] }>('/pages').then(
      (r) => setItems(r.items),
      (e) => setError(errorText(editorStrings(props.user.uiLang), e)),
    );
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!items) return <p role="status">…</p>;
  return (
    <section class="nr-card">
      <h1>{p.pages}</h1>
      {props.user.role === 'admin' ? (
        creating ? (
          <NewPageForm user={props.user} onCancel={() => setCreating(false)} onCreated={(id) => props.navigate(`/newsroom/pages/${id}`)} />
        ) : (
          <p>
            <button type="button" data-testid="page-new" onClick={() => setCreating(true)}>
              {p.newPage}
            </button>
          </p>
        )
      ) : null}
      <table class="nr-table" data-testid="pages-list">
        <thead>
          <tr>
            <th scope="col">{p.edition}</th>
            <th scope="col">{p.title}</th>
            <th scope="col">{p.state}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((page) => (
            <tr>
              <td>{page.edition}</td>
              <td>
                <a
                  href={`/newsroom/pages/${page.id}`}
                  data-testid={`page-${page.edition}-${page.slug}`}
                  onClick={(e) => {
                    e.preventDefault();
                    props.navigate(`/newsroom/pages/${page.id}`);
                  }}
                >
                  {page.title}
                </a>{' '}
                <code>{page.url}</code>
              </td>
              <td>{stateText(p, page)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A new page: edition, address and title; created unpublished with an empty body, then edited like the others. */
function NewPageForm(props: { user: User; onCancel(): void; onCreated(id: number): void }) {
  const s = editorStrings(props.user.uiLang);
  const p = pageStrings(props.user.uiLang);
  const [edition, setEdition] = useState<string>(PAGE_EDITIONS.includes(props.user.uiLang as 'kz') ? props.user.uiLang : 'kz');
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const slugOk = SLUG.test(slug) && slug.length <= 60;
  const submit = async () => {
    if (!slugOk) return setMessage(p.slugInvalid);
    setBusy(true);
    setMessage('');
    try {
      const page = await post<Page>('/pages', { edition, slug, title: title.trim(), body: { version: 1, blocks: [] } });
      props.onCreated(page.id);
    } catch (e) {
      setMessage(
        e instanceof ApiError && e.status === 409 && e.code === 'SLUG_TAKEN' ? p.slugTaken.replace('{slug}', slug) : errorText(s, e),
      );
      setBusy(false);
    }
  };
  return (
    <form
      data-testid="page-new-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{p.newPage}</h2>
      <label class="ed-field">
        <span>{p.edition}</span>
        <select data-testid="page-new-edition" value={edition} onChange={(e) => setEdition((e.target as HTMLSelectElement).value)}>
          {PAGE_EDITIONS.map((code) => (
            <option value={code}>{code}</option>
          ))}
        </select>
      </label>
      <label class="ed-field">
        <span>{p.slug}</span>
        <input
          type="text"
          data-testid="page-new-slug"
          value={slug}
          maxLength={60}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={slug !== '' && !slugOk}
          aria-describedby="page-new-slug-hint"
          onInput={(e) => setSlug((e.target as HTMLInputElement).value)}
        />
        <small id="page-new-slug-hint">{p.slugHint}</small>
      </label>
      <label class="ed-field">
        <span>{p.title}</span>
        <input
          type="text"
          data-testid="page-new-title"
          value={title}
          maxLength={200}
          onInput={(e) => setTitle((e.target as HTMLInputElement).value)}
        />
      </label>
      <p class="ed-actions">
        <button type="submit" data-testid="page-new-create" disabled={busy || !slug || !title.trim()}>
          {p.create}
        </button>{' '}
        <button type="button" class="nr-quiet" onClick={props.onCancel}>
          {p.cancel}
        </button>
      </p>
      <p role="alert" data-testid="page-new-message">
        {message}
      </p>
    </form>
  );
}

function stateText(p: PageStrings, page: { revision: number; publishedRevision: number | null }): string {
  if (page.publishedRevision === null) return p.draft;
  return page.publishedRevision === page.revision ? p.published : p.changed;
}

export function PageEditorScreen(props: { id: number; user: User; navigate(path: string): void }) {
  const s = editorStrings(props.user.uiLang);
  const p = pageStrings(props.user.uiLang);
  const [page, setPage] = useState<Page | null>(null);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState<Body | null>(null);
  const [revisions, setRevisions] = useState<PageRevision[]>([]);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  // A restore replaces the text: the body editor starts again from the restored revision.
  const [generation, setGeneration] = useState(0);
  const editor = useRef<Editor | null>(null);

  const loadRevisions = () => get<{ items: PageRevision[] }>(`/pages/${props.id}/revisions`).then((r) => setRevisions(r.items));
  const take = (next: Page) => {
    setPage(next);
    setTitle(next.title);
    setBody(next.body);
    void loadRevisions();
  };
  useEffect(() => {
    get<Page>(`/pages/${props.id}`).then(take, (e) => setMessage(errorText(s, e)));
  }, [props.id]);

  if (!page || !body) return <p role={message ? 'alert' : 'status'}>{message || s.loading}</p>;

  const act = async (fn: () => Promise<Page>, done: string) => {
    setBusy(true);
    try {
      take(await fn());
      setMessage(done);
    } catch (e) {
      setMessage(e instanceof ApiError && e.status === 409 && e.code === 'CONFLICT' ? p.stale : errorText(s, e));
    } finally {
      setBusy(false);
    }
  };
  const dirty = title !== page.title || JSON.stringify(body) !== JSON.stringify(page.body);
  const save = () => act(() => put<Page>(`/pages/${page.id}`, { baseRevision: page.revision, title, body }), p.saved);
  const publish = () =>
    act(async () => {
      const saved = dirty ? await put<Page>(`/pages/${page.id}`, { baseRevision: page.revision, title, body }) : page;
      return post<Page>(`/pages/${page.id}/publish`, { revision: saved.revision });
    }, p.publishedNow);

  return (
    <section class="nr-card" data-testid="page-editor">
      <p>
        <a
          href="/newsroom/pages"
          onClick={(e) => {
            e.preventDefault();
            props.navigate('/newsroom/pages');
          }}
        >
          {p.back}
        </a>
      </p>
      <h1>
        {p.pages}: {page.edition} · <code>{page.slug}</code>
      </h1>
      <p
        data-testid="page-state"
        data-state={page.publishedRevision === null ? 'draft' : page.publishedRevision === page.revision ? 'published' : 'changed'}
      >
        {stateText(p, page)}{' '}
        {page.publishedRevision !== null ? (
          <a href={page.url} target="_blank" rel="noopener">
            {p.view}
          </a>
        ) : null}
      </p>
      <label class="ed-field">
        <span>{p.title}</span>
        <input data-testid="page-title" value={title} maxLength={200} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
      </label>
      <div class="ed-body" data-testid="page-body">
        <BodyEditor
          key={generation}
          initial={body}
          editable
          edition={page.edition}
          s={s}
          onChange={setBody}
          onReady={(e) => {
            editor.current = e;
          }}
        />
      </div>
      <p class="ed-actions">
        <button type="button" data-testid="page-save" disabled={busy || !dirty || !title.trim()} onClick={() => void save()}>
          {p.save}
        </button>{' '}
        <button
          type="button"
          data-testid="page-publish"
          disabled={busy || !title.trim() || (!dirty && page.publishedRevision === page.revision)}
          onClick={() => void publish()}
        >
          {p.publish}
        </button>{' '}
        {page.publishedRevision !== null ? (
          <button
            type="button"
            class="nr-quiet"
            data-testid="page-unpublish"
            disabled={busy}
            onClick={() => void act(() => post<Page>(`/pages/${page.id}/unpublish`), p.unpublishedNow)}
          >
            {p.unpublish}
          </button>
        ) : null}
      </p>
      <p role="status" data-testid="page-message">
        {message}
      </p>
      <h2>{p.revisions}</h2>
      <ol class="nr-revisions" data-testid="page-revisions" reversed>
        {revisions.map((r) => (
          <li>
            {r.title} · {r.by ?? '—'} · {formatTime(r.at, props.user.uiLang)} {r.published ? `· ${p.published}` : ''}{' '}
            {r.revision !== page.revision ? (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void act(async () => {
                    const next = await post<Page>(`/pages/${page.id}/revisions/${r.revision}/restore`, { baseRevision: page.revision });
                    setGeneration((g) => g + 1);
                    return next;
                  }, p.restored)
                }
              >
                {p.restore} {r.revision}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
