// Change the password (forced at the first login of the demo admin and of reset accounts).
import { useState } from 'preact/hooks';
import { ApiError, call } from '../editor/net.ts';
import { fill, type ShellStrings } from '../strings.ts';

export function PasswordChange(props: { s: ShellStrings; forced: boolean; onDone(): void }) {
  const { s } = props;
  const [message, setMessage] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const next = String(form.get('next') ?? '');
    if (next !== String(form.get('again') ?? '')) {
      setMessage(s.mismatch);
      return;
    }
    try {
      await call('POST', '/password', { current: String(form.get('current') ?? ''), next });
      props.onDone();
    } catch (err) {
      setMessage(
        err instanceof ApiError && err.code === 'WRONG_PASSWORD'
          ? s.badCredentials
          : fill(s.failed, { message: err instanceof Error ? err.message : '' }),
      );
    }
  };
  return (
    <section class="nr-card nr-narrow">
      <h1>{s.changePassword}</h1>
      {props.forced && <p>{s.mustChange}</p>}
      <form onSubmit={submit} data-testid="password-form">
        <label>
          {s.currentPassword}
          <input name="current" type="password" autocomplete="current-password" required />
        </label>
        <label>
          {s.newPassword}
          <input name="next" type="password" autocomplete="new-password" minLength={10} required />
        </label>
        <label>
          {s.repeatPassword}
          <input name="again" type="password" autocomplete="new-password" minLength={10} required />
        </label>
        {message && (
          <p class="nr-error" role="alert">
            {message}
          </p>
        )}
        <button type="submit">{s.save}</button>
      </form>
    </section>
  );
}
