// No work lost: unsaved changes go to the server's autosave a few seconds after each change and
// when the page is hidden (a keepalive request survives the tab closing), and to localStorage at
// once, in case the network is gone too.
import { useEffect, useRef } from 'preact/hooks';
import { put } from './net.ts';
import type { ArticleFields, Autosave } from './types.ts';

const DELAY_MS = 3000;

export const localKey = (articleId: number) => `habarshy.autosave.${articleId}`;

export function readLocalAutosave(articleId: number): Autosave | null {
  try {
    const raw = window.localStorage.getItem(localKey(articleId));
    return raw ? (JSON.parse(raw) as Autosave) : null;
  } catch {
    return null;
  }
}

export function clearLocalAutosave(articleId: number): void {
  try {
    window.localStorage.removeItem(localKey(articleId));
  } catch {
    /* storage disabled */
  }
}

/** The newer of the server's and this browser's autosave, when newer than the article itself. */
export function newestAutosave(candidates: (Autosave | null)[], articleModifiedAt: string): Autosave | null {
  const modified = Date.parse(articleModifiedAt);
  return (
    candidates
      .filter((a): a is Autosave => a !== null && Date.parse(a.savedAt) > modified)
      .sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt))[0] ?? null
  );
}

/** `changes` is null while nothing differs from the saved revision. */
export function useAutosave(articleId: number, baseRevision: number, changes: Partial<ArticleFields> | null): void {
  const pending = useRef<Autosave | null>(null);

  useEffect(() => {
    if (!changes) {
      pending.current = null;
      return;
    }
    const autosave: Autosave = { baseRevision, savedAt: new Date().toISOString(), data: changes };
    pending.current = autosave;
    try {
      window.localStorage.setItem(localKey(articleId), JSON.stringify(autosave));
    } catch {
      /* storage full or disabled */
    }
    const timer = window.setTimeout(() => {
      put(`/articles/${articleId}/autosave`, { baseRevision, data: changes }).then(
        () => {
          if (pending.current === autosave) pending.current = null;
        },
        () => undefined,
      );
    }, DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [articleId, baseRevision, changes]);

  useEffect(() => {
    const flush = () => {
      const autosave = pending.current;
      if (!autosave) return;
      pending.current = null;
      void put(`/articles/${articleId}/autosave`, { baseRevision: autosave.baseRevision, data: autosave.data }, { keepalive: true }).catch(
        () => undefined,
      );
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      flush();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [articleId]);
}
