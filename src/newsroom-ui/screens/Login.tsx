// Sign in with e-mail and password.
import { useState } from 'preact/hooks';
import type { ShellStrings } from '../strings.ts';
import type { User } from '../editor/types.ts';

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
        method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') }),
      });
      if (res.ok) {
        props.onSignedIn(await res.json());
        return;
      }
      const code = ((await res.json().catch(() => ({}))) as { error?: { code?: string } }).error?.code;
      setError(code === 'RATE_LIMITED' ? s.rateLimited : code === 'DISABLED' ? s.disabled : s.badCredentials);
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
        <label>{s.email}<input name="email" type="email" autocomplete="username" required data-testid="login-email" /></label>
        <label>{s.password}<input name="password" type="password" autocomplete="current-password" required data-testid="login-password" /></label>
        {error && <p class="nr-error" role="alert" data-testid="login-error">{error}</p>}
        <button type="submit" disabled={busy} data-testid="login-submit">{s.signIn}</button>
      </form>
    </main>
  );
}
