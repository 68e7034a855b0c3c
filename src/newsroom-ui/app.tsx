// The newsroom app: who is signed in, the header, and which screen the path shows.
// Paths: /newsroom/ (dashboard), /newsroom/articles/{id}, /newsroom/stories/{id}, /newsroom/media,
// /newsroom/audit, /newsroom/analytics, /newsroom/work, /newsroom/notifications, /newsroom/pages[/{id}] (admins);
// signed out → the login; a forced password change → that screen first.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, del, get, setCsrfToken, call } from './editor/net.ts';
import type { User } from './editor/types.ts';
import { EditorScreen } from './editor/EditorScreen.tsx';
import { StoryScreen } from './editor/StoryScreen.tsx';
import { shellStrings, type ShellStrings } from './strings.ts';
import { Login } from './screens/Login.tsx';
import { PasswordChange } from './screens/PasswordChange.tsx';
import { Dashboard } from './screens/Dashboard.tsx';
import { MediaScreen } from './screens/Media.tsx';
import { AuditScreen } from './screens/Audit.tsx';
import { AnalyticsScreen } from './screens/Analytics.tsx';
import { AuthorsScreen, SectionsScreen, TagsScreen, UsersScreen } from './screens/Manage.tsx';
import { MyWork } from './people/MyWork.tsx';
import { NotificationsScreen, UnreadLink } from './people/Notifications.tsx';
import { peopleStrings } from './people/strings.ts';
import './people/people.css';
import { PageEditorScreen, PagesScreen, pageStrings } from './screens/Pages.tsx';

type Route =
  | { name: 'dashboard' }
  | { name: 'article'; id: number }
  | { name: 'story'; id: number }
  | { name: 'media' }
  | { name: 'audit' }
  | { name: 'analytics' }
  | { name: 'password' }
  | { name: 'missing' }
  | { name: 'sections' }
  | { name: 'tags' }
  | { name: 'authors' }
  | { name: 'users' }
  | { name: 'work' }
  | { name: 'notifications' }
  | { name: 'pages' }
  | { name: 'page'; id: number };

export function route(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/newsroom';
  if (path === '/newsroom' || path === '/newsroom/login') return { name: 'dashboard' };
  const article = /^\/newsroom\/articles\/(\d+)$/.exec(path);
  if (article) return { name: 'article', id: Number(article[1]) };
  const story = /^\/newsroom\/stories\/(\d+)$/.exec(path);
  if (story) return { name: 'story', id: Number(story[1]) };
  if (path === '/newsroom/media') return { name: 'media' };
  if (path === '/newsroom/pages') return { name: 'pages' };
  const page = /^\/newsroom\/pages\/(\d+)$/.exec(path);
  if (page) return { name: 'page', id: Number(page[1]) };
  if (path === '/newsroom/audit') return { name: 'audit' };
  if (path === '/newsroom/analytics') return { name: 'analytics' };
  if (path === '/newsroom/password') return { name: 'password' };
  if (path === '/newsroom/work') return { name: 'work' };
  if (path === '/newsroom/notifications') return { name: 'notifications' };
  const manage = /^\/newsroom\/manage\/(sections|tags|authors|users)$/.exec(path);
  if (manage) return { name: manage[1] as 'sections' | 'tags' | 'authors' | 'users' };
  return { name: 'missing' };
}

interface SessionAnswer {
  user: User;
  csrfToken: string;
}

export function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [path, setPath] = useState(location.pathname);

  useEffect(() => {
    get<SessionAnswer>('/session').then(
      (s) => {
        setCsrfToken(s.csrfToken);
        setUser(s.user);
      },
      () => setUser(null),
    );
    const onPop = () => setPath(location.pathname);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  // <html lang> follows the user's language in this render, before the children render: some of
  // them read it, and an effect would leave the page a frame in one language and tagged another.
  const htmlLang = user?.uiLang === 'kz' ? 'kk' : (user?.uiLang ?? document.documentElement.lang);
  if (document.documentElement.lang !== htmlLang) document.documentElement.lang = htmlLang;

  const navigate = (to: string) => {
    if (to !== location.pathname) history.pushState(null, '', to);
    setPath(to);
    scrollTo(0, 0);
  };

  const s = shellStrings(user?.uiLang ?? document.documentElement.lang.replace('kk', 'kz'));
  if (user === undefined) return <p class="nr-loading">{s.loading}</p>;
  if (user === null) {
    return (
      <Login
        s={s}
        onSignedIn={(answer: SessionAnswer) => {
          setCsrfToken(answer.csrfToken);
          setUser(answer.user);
        }}
      />
    );
  }
  if (user.mustChangePassword) {
    return (
      <Shell s={s} user={user} setUser={setUser} navigate={navigate}>
        <PasswordChange s={s} forced onDone={() => setUser({ ...user, mustChangePassword: false })} />
      </Shell>
    );
  }
  const r = route(path);
  return (
    <Shell s={s} user={user} setUser={setUser} navigate={navigate} path={path}>
      {r.name === 'dashboard' && <Dashboard s={s} user={user} navigate={navigate} />}
      {r.name === 'article' && <EditorScreen key={r.id} id={r.id} user={user} navigate={navigate} />}
      {r.name === 'story' && <StoryScreen key={r.id} id={r.id} user={user} navigate={navigate} />}
      {r.name === 'media' && <MediaScreen s={s} user={user} />}
      {r.name === 'audit' && <AuditScreen s={s} user={user} navigate={navigate} />}
      {r.name === 'analytics' && <AnalyticsScreen s={s} user={user} navigate={navigate} />}
      {r.name === 'sections' && <SectionsScreen s={s} />}
      {r.name === 'tags' && <TagsScreen s={s} />}
      {r.name === 'authors' && <AuthorsScreen s={s} />}
      {r.name === 'users' && <UsersScreen s={s} me={user} />}
      {r.name === 'work' && <MyWork user={user} navigate={navigate} />}
      {r.name === 'notifications' && <NotificationsScreen user={user} setUser={setUser} navigate={navigate} />}
      {r.name === 'pages' && <PagesScreen user={user} navigate={navigate} />}
      {r.name === 'page' && <PageEditorScreen key={r.id} id={r.id} user={user} navigate={navigate} />}
      {r.name === 'password' && <PasswordChange s={s} forced={false} onDone={() => navigate('/newsroom/')} />}
      {r.name === 'missing' && <p>{s.notFound}</p>}
    </Shell>
  );
}

function Shell(props: {
  s: ShellStrings;
  user: User;
  setUser(u: User | null): void;
  navigate(p: string): void;
  path?: string;
  children: preact.ComponentChildren;
}) {
  const { s, user } = props;
  const link = (to: string, label: string, testId: string) => (
    <a
      href={to}
      data-testid={testId}
      onClick={(e) => {
        e.preventDefault();
        props.navigate(to);
      }}
    >
      {label}
    </a>
  );
  const signOut = async (everywhere: boolean) => {
    try {
      if (everywhere) await del('/sessions');
      else await del('/session');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
    setCsrfToken(null);
    props.setUser(null);
    history.pushState(null, '', '/newsroom/');
  };
  const setLang = async (uiLang: string) => {
    await call('PATCH', '/me', { uiLang });
    props.setUser({ ...user, uiLang });
  };
  return (
    <>
      <a class="nr-skip" href="#nr-main">
        {s.skip}
      </a>
      <header class="nr-header">
        <strong class="nr-brand">{link('/newsroom/', s.appName, 'nav-home')}</strong>
        <nav class="nr-nav" aria-label={s.appName}>
          {link('/newsroom/', s.dashboard, 'nav-dashboard')}
          {link('/newsroom/work', peopleStrings(user.uiLang).myWork, 'nav-work')}
          {link('/newsroom/media', s.photos, 'nav-media')}
          {user.role !== 'journalist' && link('/newsroom/analytics', s.analytics, 'nav-analytics')}
          {(user.role === 'admin' || user.role === 'chief') && (
            <>
              {link('/newsroom/manage/sections', s.sections, 'nav-sections')}
              {link('/newsroom/manage/tags', s.tags, 'nav-tags')}
              {link('/newsroom/manage/authors', s.authors, 'nav-authors')}
              {user.role === 'admin' && link('/newsroom/manage/users', s.users, 'nav-users')}
              {user.role === 'admin' && link('/newsroom/pages', pageStrings(user.uiLang).pages, 'nav-pages')}
              {link('/newsroom/audit', s.audit, 'nav-audit')}
            </>
          )}
        </nav>
        <div class="nr-user">
          {!user.mustChangePassword && <UnreadLink user={user} path={props.path ?? ''} navigate={props.navigate} />}
          <span data-testid="user-name">{user.name}</span>
          <label class="nr-lang">
            <span class="visually-hidden">{s.language}</span>
            <select value={user.uiLang} data-testid="ui-lang" onChange={(e) => void setLang((e.target as HTMLSelectElement).value)}>
              <option value="kz" lang="kk">
                Қазақша
              </option>
              <option value="ru" lang="ru">
                Русский
              </option>
              <option value="en" lang="en">
                English
              </option>
            </select>
          </label>
          {link('/newsroom/password', s.changePassword, 'nav-password')}
          <button type="button" data-testid="sign-out" onClick={() => void signOut(false)}>
            {s.signOut}
          </button>
          <button type="button" class="nr-quiet" onClick={() => void signOut(true)}>
            {s.signOutEverywhere}
          </button>
        </div>
      </header>
      <main id="nr-main" class="nr-main">
        {props.children}
      </main>
    </>
  );
}
