// Who else has the article open: a heartbeat every 15 s; the server answers with the others seen
// in the last 45 s. Leaving the article says goodbye.
import { useEffect, useState } from 'preact/hooks';
import { call, post } from './net.ts';
import type { Presence } from './types.ts';

const HEARTBEAT_MS = 15_000;

export function usePresence(articleId: number, myId: number): Presence[] {
  const [others, setOthers] = useState<Presence[]>([]);
  useEffect(() => {
    let alive = true;
    const beat = () =>
      post<{ others: Presence[] }>(`/articles/${articleId}/presence`).then(
        (answer) => {
          if (alive) setOthers(answer.others.filter((o) => o.id !== myId));
        },
        () => undefined,
      );
    void beat();
    const timer = window.setInterval(beat, HEARTBEAT_MS);
    return () => {
      alive = false;
      window.clearInterval(timer);
      void call('DELETE', `/articles/${articleId}/presence`, undefined, { keepalive: true }).catch(() => undefined);
    };
  }, [articleId, myId]);
  return others;
}
