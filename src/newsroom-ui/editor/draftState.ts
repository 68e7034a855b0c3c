// The editor's draft state in one pure reducer (issue 11): the article as the server last answered,
// the saved fields (`base`), the working copy (`fields`), and what the screen shows around them.
// No DOM, no network: EditorScreen dispatches, the unit test (test/unit/editorDraftState.test.ts)
// walks the transitions.
import { FIELD_NAMES, type Article, type ArticleFields, type Autosave } from './types.ts';

export type Panel = 'revisions' | 'help' | 'publish' | 'preview' | null;
export interface Message {
  text: string;
  error: boolean;
}

export interface DraftState {
  article: Article;
  /** The fields of the saved revision. */
  base: ArticleFields;
  /** The working copy. */
  fields: ArticleFields;
  busy: boolean;
  message: Message | null;
  /** The newer article a refused save met; the merge view is open while set. */
  conflict: Article | null;
  /** An autosave newer than the article, offered for restoring. */
  offer: Autosave | null;
  panel: Panel;
  /** The article this one is translated from, shown beside it. */
  source: Article | null;
}

export type DraftAction =
  | { type: 'edit'; patch: Partial<ArticleFields> }
  /** The working copy replaced as a whole (merge result). */
  | { type: 'replace'; fields: ArticleFields }
  | { type: 'busy'; busy: boolean; message?: Message | null }
  /** The server's answer becomes the saved state; `sent` is the working copy the request carried (null: take all of it). */
  | { type: 'accepted'; saved: Article; sent: ArticleFields | null; message?: Message | null }
  | { type: 'message'; message: Message | null }
  | { type: 'conflict'; current: Article | null }
  | { type: 'applyOffer' }
  | { type: 'dismissOffer' }
  | { type: 'panel'; panel: Panel }
  | { type: 'source'; source: Article | null };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function fieldsOf(article: ArticleFields): ArticleFields {
  return Object.fromEntries(FIELD_NAMES.map((f) => [f, article[f]])) as unknown as ArticleFields;
}

/** The fields that differ from the saved revision, or null when nothing does. */
export function changedFields(base: ArticleFields, fields: ArticleFields): Partial<ArticleFields> | null {
  const changed = FIELD_NAMES.filter((f) => !same(base[f], fields[f]));
  return changed.length ? (Object.fromEntries(changed.map((f) => [f, fields[f]])) as Partial<ArticleFields>) : null;
}

export function initialDraft(article: Article, offer: Autosave | null): DraftState {
  const fields = fieldsOf(article);
  return { article, base: fields, fields, busy: false, message: null, conflict: null, offer, panel: null, source: null };
}

/**
 * What was typed while a request was on its way is kept: a field still equal to what was sent
 * takes the server's value (which may be normalised, e.g. a slug), any other keeps the typing.
 */
function merge(current: ArticleFields, sent: ArticleFields | null, saved: ArticleFields): ArticleFields {
  if (!sent) return saved;
  return Object.fromEntries(FIELD_NAMES.map((f) => [f, same(current[f], sent[f]) ? saved[f] : current[f]])) as unknown as ArticleFields;
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'edit':
      return { ...state, fields: { ...state.fields, ...action.patch } };
    case 'replace':
      return { ...state, fields: action.fields };
    case 'busy':
      return action.message === undefined ? { ...state, busy: action.busy } : { ...state, busy: action.busy, message: action.message };
    case 'accepted': {
      const saved = fieldsOf(action.saved);
      const next: DraftState = { ...state, article: action.saved, base: saved, fields: merge(state.fields, action.sent, saved) };
      return action.message === undefined ? next : { ...next, message: action.message };
    }
    case 'message':
      return { ...state, message: action.message };
    case 'conflict':
      return { ...state, conflict: action.current };
    case 'applyOffer':
      return state.offer ? { ...state, fields: { ...state.fields, ...state.offer.data }, offer: null } : state;
    case 'dismissOffer':
      return { ...state, offer: null };
    case 'panel':
      return { ...state, panel: state.panel === action.panel ? null : action.panel };
    case 'source':
      return { ...state, source: action.source };
  }
}
