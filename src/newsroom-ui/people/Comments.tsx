// Comments on an article, beside its timeline: threads (answer a comment), @mentions with an
// autocomplete of colleagues' names (arrow keys, Enter or Tab to pick, Escape to close), edit and
// delete of one's own. Never part of the article's text.
import { useEffect, useRef, useState } from 'preact/hooks';
import { call, del, get, post } from '../editor/net.ts';
import { formatTime } from '../editor/format.ts';
import type { User } from '../editor/types.ts';
import type { Comment, People } from '../../contracts/newsroom/people.ts';
import { fill, peopleStrings, type PeopleStrings } from './strings.ts';

type Person = People['items'][number];

/** The "@query" that ends at the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|[^\p{L}\p{N}_])@([^@\n]{0,40})$/u.exec(text.slice(0, caret));
  if (!m) return null;
  return { start: caret - m[2]!.length - 1, query: m[2]! };
}

function CommentBox(props: {
  s: PeopleStrings;
  people: Person[];
  initial?: string;
  label: string;
  testId: string;
  onSend(body: string): Promise<boolean>;
  onCancel?: () => void;
}) {
  const { s } = props;
  const [text, setText] = useState(props.initial ?? '');
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const matches = query ? props.people.filter((p) => p.name.toLowerCase().startsWith(query.query.toLowerCase())).slice(0, 8) : [];
  const listOpen = matches.length > 0;

  const refresh = (el: HTMLTextAreaElement) => {
    setText(el.value);
    setQuery(mentionQuery(el.value, el.selectionStart));
    setActive(0);
  };
  const pick = (p: Person) => {
    const el = area.current;
    if (!el || !query) return;
    const caret = el.selectionStart;
    const next = `${text.slice(0, query.start)}@${p.name} ${text.slice(caret)}`;
    const at = query.start + p.name.length + 2;
    setText(next);
    setQuery(null);
    el.value = next;
    el.setSelectionRange(at, at);
    el.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (listOpen) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        pick(matches[active] ?? matches[0]!);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setQuery(null);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  };
  const send = async () => {
    if (!text.trim()) return;
    if (await props.onSend(text)) {
      setText('');
      setQuery(null);
    }
  };
  const listId = `${props.testId}-people`;
  return (
    <form
      class="pp-box"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label class="pp-box-field">
        <span class="visually-hidden">{props.label}</span>
        <textarea
          ref={area}
          rows={2}
          maxLength={4000}
          value={text}
          placeholder={s.commentPlaceholder}
          data-testid={props.testId}
          aria-autocomplete="list"
          aria-expanded={listOpen}
          aria-controls={listId}
          aria-activedescendant={listOpen ? `${listId}-${active}` : undefined}
          onInput={(e) => refresh(e.currentTarget)}
          onClick={(e) => refresh(e.currentTarget)}
          onKeyDown={onKeyDown}
        />
      </label>
      {listOpen && (
        <ul class="pp-mentions" role="listbox" id={listId} aria-label={s.mentionList} data-testid="mention-list">
          {matches.map((p, i) => (
            <li
              key={p.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              class={i === active ? 'pp-active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
            >
              {p.name}
            </li>
          ))}
        </ul>
      )}
      <span class="pp-actions">
        <button type="submit" data-testid={`${props.testId}-send`}>
          {props.initial === undefined ? s.send : s.save}
        </button>
        {props.onCancel && (
          <button type="button" class="nr-quiet" onClick={props.onCancel}>
            {s.cancel}
          </button>
        )}
      </span>
    </form>
  );
}

/** The body with each mention of a known person marked. */
function CommentText(props: { c: Comment }) {
  const names = props.c.mentions.map((m) => m.name).sort((a, b) => b.length - a.length);
  if (names.length === 0) return <p class="pp-text">{props.c.body}</p>;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = props.c.body.split(new RegExp(`(@(?:${escaped.join('|')}))`, 'iu'));
  return (
    <p class="pp-text">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <strong key={i} class="pp-mention">
            {part}
          </strong>
        ) : (
          part
        ),
      )}
    </p>
  );
}

export function CommentsPanel(props: { articleId: number; user: User }) {
  const s = peopleStrings(props.user.uiLang);
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [replyTo, setReplyTo] = useState<number | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [error, setError] = useState('');
  const load = () =>
    get<{ items: Comment[] }>(`/articles/${props.articleId}/comments`).then(
      (r) => setComments(r.items),
      (e: Error) => setError(e.message),
    );
  useEffect(() => {
    void load();
    get<People>('/people').then(
      (r) => setPeople(r.items),
      () => undefined,
    );
  }, [props.articleId]);

  const attempt = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setError('');
      await load();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  };
  const children = (parent: number | null) => (comments ?? []).filter((c) => c.parentId === parent);
  const thread = (c: Comment) => (
    <li key={c.id} data-testid="comment" data-comment-id={c.id}>
      <article class="pp-comment">
        <header class="nr-meta">
          <bdi class="pp-author">{c.author.name}</bdi> · <time dateTime={c.createdAt}>{formatTime(c.createdAt, props.user.uiLang)}</time>
          {c.editedAt && ` · ${s.edited}`}
        </header>
        {c.deleted ? (
          <p class="pp-text pp-deleted">{s.deleted}</p>
        ) : editing === c.id ? (
          <CommentBox
            s={s}
            people={people}
            initial={c.body}
            label={s.edit}
            testId="comment-edit"
            onSend={(body) => attempt(() => call('PUT', `/comments/${c.id}`, { body })).then((ok) => (ok && setEditing(null), ok))}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <CommentText c={c} />
        )}
        {!c.deleted && editing !== c.id && (
          <span class="pp-actions">
            <button type="button" class="nr-quiet" data-testid="comment-reply" onClick={() => setReplyTo(c.id)}>
              {s.reply}
            </button>
            {c.author.id === props.user.id && (
              <>
                <button type="button" class="nr-quiet" onClick={() => setEditing(c.id)}>
                  {s.edit}
                </button>
                <button
                  type="button"
                  class="nr-quiet"
                  onClick={() => {
                    if (confirm(s.deleteConfirm)) void attempt(() => del(`/comments/${c.id}`));
                  }}
                >
                  {s.delete}
                </button>
              </>
            )}
          </span>
        )}
        {replyTo === c.id && (
          <CommentBox
            s={s}
            people={people}
            label={fill(s.replyTo, { name: c.author.name })}
            testId="reply-body"
            onSend={(body) =>
              attempt(() => post(`/articles/${props.articleId}/comments`, { body, parentId: c.id })).then(
                (ok) => (ok && setReplyTo(null), ok),
              )
            }
            onCancel={() => setReplyTo(null)}
          />
        )}
      </article>
      {children(c.id).length > 0 && <ol class="pp-thread">{children(c.id).map(thread)}</ol>}
    </li>
  );

  return (
    <details class="ed-timeline pp-comments" open data-testid="comments">
      <summary>{s.comments}</summary>
      {error && (
        <p class="nr-error" role="alert">
          {fill(s.failed, { message: error })}
        </p>
      )}
      {comments && comments.length === 0 && <p>{s.noComments}</p>}
      {comments && comments.length > 0 && <ol class="pp-thread">{children(null).map(thread)}</ol>}
      <CommentBox
        s={s}
        people={people}
        label={s.comments}
        testId="comment-body"
        onSend={(body) => attempt(() => post(`/articles/${props.articleId}/comments`, { body }))}
      />
    </details>
  );
}
