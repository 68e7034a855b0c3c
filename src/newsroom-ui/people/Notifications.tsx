// Notifications: the header's link with the unread count (polled), and the list (open one: it is
// marked read and its article or "My work" opens; mark one or all read).
import { useEffect, useState } from 'preact/hooks';
import { call, get, post } from '../editor/net.ts';
import { formatTime } from '../editor/format.ts';
import type { User } from '../editor/types.ts';
import type { Notification, NotificationList, Unread } from '../../contracts/newsroom/people.ts';
import { notificationWhat } from '../../content/notificationWords.ts';
import { fill, peopleStrings } from './strings.ts';

/** How often the header asks for the unread count. */
const POLL_MS = 20_000;

/** Lets the list tell the header that the count changed at once. */
const UNREAD_EVENT = 'nr-unread';
const announce = (unread: number) => dispatchEvent(new CustomEvent<number>(UNREAD_EVENT, { detail: unread }));

export function UnreadLink(props: { user: User; path: string; navigate(p: string): void }) {
  const s = peopleStrings(props.user.uiLang);
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let live = true;
    const poll = () =>
      get<Unread>('/notifications/unread').then(
        (r) => live && setUnread(r.unread),
        () => undefined,
      );
    void poll();
    const timer = setInterval(poll, POLL_MS);
    const onChange = (e: Event) => setUnread((e as CustomEvent<number>).detail);
    addEventListener(UNREAD_EVENT, onChange);
    return () => {
      live = false;
      clearInterval(timer);
      removeEventListener(UNREAD_EVENT, onChange);
    };
  }, [props.path]);
  const label = unread > 0 ? `${s.notifications}, ${fill(s.unread, { n: unread })}` : s.notifications;
  return (
    <a
      href="/newsroom/notifications"
      data-testid="nav-notifications"
      aria-label={label}
      onClick={(e) => {
        e.preventDefault();
        props.navigate('/newsroom/notifications');
      }}
    >
      {s.notifications}
      {unread > 0 && (
        <span class="pp-badge" data-testid="unread-count" aria-hidden="true">
          {unread}
        </span>
      )}
    </a>
  );
}

export function NotificationsScreen(props: { user: User; setUser(u: User): void; navigate(p: string): void }) {
  const s = peopleStrings(props.user.uiLang);
  const [list, setList] = useState<NotificationList | null>(null);
  const [error, setError] = useState('');
  const [mailSaved, setMailSaved] = useState(false);
  const load = () => get<NotificationList>('/notifications').then(setList, (e: Error) => setError(e.message));
  useEffect(() => void load(), []);

  const markRead = async (n: Notification) => {
    const r = await post<Unread>(`/notifications/${n.id}/read`);
    announce(r.unread);
    await load();
  };
  const open = async (n: Notification) => {
    if (!n.read) await markRead(n);
    props.navigate(n.articleId !== null ? `/newsroom/articles/${n.articleId}` : '/newsroom/work');
  };
  const readAll = async () => {
    announce((await post<Unread>('/notifications/read')).unread);
    await load();
  };
  const setMail = async (on: boolean) => {
    setMailSaved(false);
    setError('');
    try {
      await call('PATCH', '/me', { mailNotifications: on });
      props.setUser({ ...props.user, mailNotifications: on });
      setMailSaved(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const what = (n: Notification) => notificationWhat(n.kind, n.actor?.name ?? null, props.user.uiLang);

  return (
    <section class="pp-notifications" aria-labelledby="pp-n-title">
      <h1 id="pp-n-title">{s.notifications}</h1>
      {error && (
        <p class="nr-error" role="alert">
          {fill(s.failed, { message: error })}
        </p>
      )}
      {list?.mail && (
        <p class="pp-mail">
          <label class="nr-check">
            <input
              type="checkbox"
              data-testid="mail-me"
              checked={props.user.mailNotifications}
              onChange={(e) => void setMail(e.currentTarget.checked)}
            />
            {s.mailMe}
          </label>{' '}
          {mailSaved && (
            <span class="nr-status nr-success" role="status" data-testid="mail-saved">
              {s.mailSaved}
            </span>
          )}
        </p>
      )}
      {list && list.unread > 0 && (
        <p>
          {fill(s.unread, { n: list.unread })}{' '}
          <button type="button" data-testid="read-all" onClick={() => void readAll()}>
            {s.markAllRead}
          </button>
        </p>
      )}
      {list && list.items.length === 0 && <p>{s.noNotifications}</p>}
      {list && list.items.length > 0 && (
        <ul class="nr-list pp-list" data-testid="notifications">
          {list.items.map((n) => (
            <li
              key={n.id}
              class={n.read ? 'pp-read' : 'pp-unread'}
              data-testid="notification"
              data-kind={n.kind}
              data-read={String(n.read)}
            >
              <a
                href={n.articleId !== null ? `/newsroom/articles/${n.articleId}` : '/newsroom/work'}
                data-testid="notification-open"
                onClick={(e) => {
                  e.preventDefault();
                  void open(n);
                }}
              >
                {what(n)}: <bdi>{n.headline}</bdi>
              </a>
              {n.text && <q class="pp-quote">{n.text}</q>}
              <span class="nr-meta">
                <time dateTime={n.createdAt}>{formatTime(n.createdAt, props.user.uiLang)}</time>
                {!n.read && (
                  <>
                    {' '}
                    <button type="button" class="nr-quiet" data-testid="mark-read" onClick={() => void markRead(n)}>
                      {s.markRead}
                    </button>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
