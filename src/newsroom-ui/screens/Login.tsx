// Sign in with e-mail and password.
import { useState } from 'preact/hooks';
import { fill, type ShellStrings } from '../strings.ts';
import type { User } from '../editor/types.ts';

/** A slowed login says how long to wait (Retry-After, in seconds). */
export function waitMessage(s: ShellStrings, retryAfter: string | null): string {
  const seconds = Number(retryAfter);
  if (!retryAfter || !Number.isFinite(seconds) || seconds <= 0) return s.rateLimited;
  return seconds < 90 ? fill(s.rateLimitedSeconds, { n: Math.ceil(seconds) }) : fill(s.rateLimitedMinutes, { n: Math.ceil(seconds / 60) });
}

export function Login(props: { s: ShellStrings; onSignedIn(answer: { user: User; csrfToken: string }): void }) {
  const { s } = props;
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    setBusy(true);
    setError('');
    try {
      const res = await fetch('/api/newsroom/session', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') }),
      });
      if (res.ok) {
        props.onSignedIn(await res.json());
        return;
      }
      const code = ((await res.json().catch(() => ({}))) as { error?: { code?: string } }).error?.code;
      setError(
        code === 'RATE_LIMITED' ? waitMessage(s, res.headers.get('retry-after')) : code === 'DISABLED' ? s.disabled : s.badCredentials,
      );
    } catch {
      setError(s.networkError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="nr-login">
      <h1>{s.appName}</h1>
      <form onSubmit={submit} data-testid="login-form">
        <label>
          {s.email}
          <input name="email" type="email" autocomplete="username" required data-testid="login-email" />
        </label>
        <label>
          {s.password}
          <input name="password" type="password" autocomplete="current-password" required data-testid="login-password" />
        </label>
        {error && (
          <p class="nr-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy} data-testid="login-submit">
          {s.signIn}
        </button>
      </form>
    </main>
  );
}
