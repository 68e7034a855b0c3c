// The audit log: publishing, unpublishing, deleting, role changes — newest first.
import { useEffect, useState } from 'preact/hooks';
import { get } from '../editor/net.ts';
import { formatTime } from '../editor/format.ts';
import type { User } from '../editor/types.ts';
import { fill, pick, type ShellStrings } from '../strings.ts';

interface Entry {
  id: number;
  at: string;
  user: { id: number; name: string } | null;
  action: string;
  targetType: string;
  targetId: string;
  detail: Record<string, unknown>;
}

export function AuditScreen(props: { s: ShellStrings; user: User }) {
  const { s } = props;
  const [items, setItems] = useState<Entry[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    get<{ items: Entry[] }>('/audit?limit=100').then(
      (r) => setItems(r.items),
      (e: Error) => setError(e.message),
    );
  }, []);
  return (
    <section class="nr-card">
      <h1>{s.audit}</h1>
      {error && (
        <p class="nr-error" role="alert">
          {fill(s.failed, { message: error })}
        </p>
      )}
      {items && (
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
              <tr key={e.id}>
                <td>
                  <time dateTime={e.at}>{formatTime(e.at, props.user.uiLang)}</time>
                </td>
                <td>
                  <bdi>{e.user?.name ?? '—'}</bdi>
                </td>
                <td>
                  {pick(s, `audit_${e.action.replace(/\./g, '_')}`).startsWith('audit_')
                    ? e.action
                    : pick(s, `audit_${e.action.replace(/\./g, '_')}`)}
                </td>
                <td>
                  {e.targetType} <bdi>{e.targetId}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
