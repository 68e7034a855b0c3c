// The article editor screen (issue 4: writing, review, two people at once, translations,
// revisions). The working copy lives here; every save carries the revision it started from, and a
// refused save (409) opens the merge view instead of overwriting anyone.
import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import './editor.css';
import { bodyPlainText, bodyToDoc, textStats } from './blocks.ts';
import { BodyEditor, promptLink } from './BodyEditor.tsx';
import { BodyView } from './BodyView.tsx';
import { errorText, formatTime } from './format.ts';
import { MergeView } from './MergeView.tsx';
import { MetaFields } from './MetaFields.tsx';
import { ApiError, get, post, put } from './net.ts';
import { ReviewBar, type TransitionRequest } from './ReviewBar.tsx';
import { RevisionsPanel } from './RevisionsPanel.tsx';
import { ScriptPanel } from './ScriptPanel.tsx';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { editorStrings, fill } from './strings.ts';
import { EDITION_LABELS, TranslateMenu } from './TranslateMenu.tsx';
import { FIELD_NAMES, type Article, type ArticleFields, type Autosave, type User } from './types.ts';
import { clearLocalAutosave, newestAutosave, readLocalAutosave, useAutosave } from './useAutosave.ts';
import { usePresence } from './usePresence.ts';
import { articlePath, storyPath } from './paths.ts';
import { fillIsolated } from '../components/Isolate.ts';

export interface EditorScreenProps { id: number; user: User; navigate(path: string): void }

export function fieldsOf(article: ArticleFields): ArticleFields {
  return Object.fromEntries(FIELD_NAMES.map((f) => [f, article[f]])) as unknown as ArticleFields;
}

/** The fields that differ from the saved revision, or null when nothing does. */
export function changedFields(base: ArticleFields, fields: ArticleFields): Partial<ArticleFields> | null {
  const changed = FIELD_NAMES.filter((f) => JSON.stringify(base[f]) !== JSON.stringify(fields[f]));
  return changed.length ? Object.fromEntries(changed.map((f) => [f, fields[f]])) as Partial<ArticleFields> : null;
}

export function EditorScreen(props: EditorScreenProps) {
  const s = editorStrings(props.user.uiLang);
  const [article, setArticle] = useState<Article | null>(null);
  const [loadError, setLoadError] = useState('');

  useEffect(() => {
    setArticle(null);
    setLoadError('');
    get<Article>(`/articles/${props.id}`).then(setArticle, (e) => setLoadError(errorText(s, e)));
  }, [props.id]);

  if (loadError) return <p role="alert" class="ed-error">{s.loadFailed} {loadError}</p>;
  if (!article) return <p role="status">{s.loading}</p>;
  return <ArticleEditor key={article.id} initial={article} {...props} />;
}

function ArticleEditor(props: EditorScreenProps & { initial: Article }) {
  const { user, navigate } = props;
  const s = editorStrings(user.uiLang);
  const [article, setArticle] = useState(props.initial);
  const [base, setBase] = useState(() => fieldsOf(props.initial));
  const [fields, setFields] = useState(() => fieldsOf(props.initial));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [conflict, setConflict] = useState<Article | null>(null);
  const [offer, setOffer] = useState<Autosave | null>(() => newestAutosave([props.initial.autosave, readLocalAutosave(props.initial.id)], props.initial.modifiedAt));
  const [panel, setPanel] = useState<'revisions' | 'help' | null>(null);
  const [source, setSource] = useState<Article | null>(null);
  const editor = useRef<Editor | null>(null);
  const latest = useRef(fields);
  latest.current = fields;

  const changes = useMemo(() => changedFields(base, fields), [base, fields]);
  useAutosave(article.id, article.revision, changes);
  const others = usePresence(article.id, user.id);
  const canEdit = article.allowed.includes('edit') || article.allowed.includes('correct');

  useEffect(() => {
    if (article.translatedFrom) get<Article>(`/articles/${article.translatedFrom}`).then(setSource, () => undefined);
  }, [article.translatedFrom]);

  const update = (patch: Partial<ArticleFields>) => setFields((f) => ({ ...f, ...patch }));
  const replaceBody = (next: ArticleFields) => editor.current?.commands.setContent(bodyToDoc(next.body), { emitUpdate: false });

  /** The server's answer becomes the saved state; what was typed during the request is kept. */
  const accept = (saved: Article, sent: ArticleFields | null) => {
    const savedFields = fieldsOf(saved);
    const current = latest.current;
    const next = sent
      ? Object.fromEntries(FIELD_NAMES.map((f) => [f, JSON.stringify(current[f]) === JSON.stringify(sent[f]) ? savedFields[f] : current[f]])) as unknown as ArticleFields
      : savedFields;
    setArticle(saved);
    setBase(savedFields);
    setFields(next);
    if (!sent) replaceBody(next);
    clearLocalAutosave(saved.id);
  };

  const fail = (e: unknown) => setMessage({ text: errorText(s, e), error: true });

  /** Saves the working copy on top of `revision`; false when it was refused. */
  const save = async (revision = article.revision, from = base): Promise<Article | null> => {
    const sent = latest.current;
    const patch = changedFields(from, sent);
    if (!patch) return article;
    setBusy(true);
    setMessage({ text: s.saving, error: false });
    try {
      const saved = await put<Article>(`/articles/${article.id}`, { revision, ...patch });
      accept(saved, sent);
      setMessage({ text: fill(s.savedAt, { revision: saved.revision }), error: false });
      return saved;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        const current = (e.details as { current?: Article } | undefined)?.current;
        if (current) { setConflict(current); setMessage(null); return null; }
      }
      fail(e);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const saveMerged = async (merged: ArticleFields) => {
    if (!conflict) return;
    const theirs = conflict;
    if (!changedFields(fieldsOf(theirs), merged)) { accept(theirs, null); setConflict(null); return; }
    latest.current = merged;
    setFields(merged);
    replaceBody(merged);
    const saved = await save(theirs.revision, fieldsOf(theirs));
    if (saved) setConflict(null);
  };

  const transition = async (request: TransitionRequest): Promise<boolean> => {
    let current: Article | null = article;
    if (changedFields(base, latest.current)) current = await save();
    if (!current) return false;
    setBusy(true);
    try {
      const moved = await post<Article>(`/articles/${article.id}/transitions`, { ...request, revision: current.revision });
      accept(moved, latest.current);
      setMessage({ text: s[`st_${moved.status}`], error: false });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        const fresh = (e.details as { current?: Article } | undefined)?.current;
        if (fresh) setConflict(fresh);
      } else fail(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const restoreRevision = async (n: number) => {
    setBusy(true);
    try {
      const restored = await post<Article>(`/articles/${article.id}/revisions/${n}/restore`, { revision: article.revision });
      accept(restored, null);
      setPanel(null);
      setMessage({ text: fill(s.savedAt, { revision: restored.revision }), error: false });
    } catch (e) { fail(e); } finally { setBusy(false); }
  };

  const applyAutosave = () => {
    if (!offer) return;
    const next = { ...latest.current, ...offer.data };
    setFields(next);
    replaceBody(next);
    setOffer(null);
  };

  // Keyboard shortcuts that work anywhere on the screen.
  const keys = useRef({ save, transition, canEdit, article });
  keys.current = { save, transition, canEdit, article };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = keys.current;
      if (e.key === 's' || e.key === 'S') { e.preventDefault(); if (k.canEdit) void k.save(); }
      else if (e.key === 'Enter' && k.article.allowed.includes('submit')) { e.preventDefault(); void k.transition({ action: 'submit' }); }
      else if ((e.key === 'k' || e.key === 'K') && editor.current?.isFocused) { e.preventDefault(); promptLink(editor.current, s); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const stats = textStats(fields.headline, fields.lead, bodyPlainText(fields.body));
  const scripts = article.edition === 'kz' || article.edition === 'uz';
  const go = (path: string) => (e: Event) => { e.preventDefault(); navigate(path); };

  return (
    <div class={`ed-screen${source ? ' ed-with-source' : ''}${scripts ? ' ed-with-scripts' : ''}`} lang={article.edition === 'kz' ? 'kk' : undefined}>
      <header class="ed-top" lang={user.uiLang === 'kz' ? 'kk' : user.uiLang}>
        <a href="/newsroom/" onClick={go('/newsroom/')}>{s.back}</a>
        <span class="ed-edition">{EDITION_LABELS[article.edition] ?? article.edition}</span>
        <span role="status" class="ed-savestate" data-testid="save-state">
          {busy ? s.saving : changes ? s.unsaved : s.saved}
        </span>
        {others.length > 0 && (
          <span class="ed-presence" role="status" data-testid="presence-notice">
            {fillIsolated(s.alsoEditing, { names: others.map((o) => o.name).join(', ') })}
          </span>
        )}
        <span class="ed-spacer" />
        {canEdit && <button type="button" class="ed-primary" data-testid="save" disabled={busy} onClick={() => void save()}>{s.save}</button>}
        <a href={article.previewUrl} target="_blank" rel="noopener" data-testid="preview">{s.preview}</a>
        <button type="button" aria-expanded={panel === 'revisions'} data-testid="revisions-toggle"
          onClick={() => setPanel(panel === 'revisions' ? null : 'revisions')}>{s.revisions}</button>
        {article.allowed.includes('translate') && (
          <TranslateMenu article={article} user={user} s={s} navigate={navigate} storyHref={storyPath(article.storyId)}
            onCreated={(created) => navigate(articlePath(created.id))} />
        )}
        <ShortcutsHelp s={s} open={panel === 'help'} onToggle={() => setPanel(panel === 'help' ? null : 'help')} />
      </header>

      {offer && (
        <div class="ed-banner" role="alert" data-testid="autosave-offer">
          {fill(s.restoreOffer, { time: formatTime(offer.savedAt, user.uiLang) })}{' '}
          <button type="button" data-testid="autosave-restore" onClick={applyAutosave}>{s.restore}</button>
          <button type="button" onClick={() => { setOffer(null); clearLocalAutosave(article.id); }}>{s.discard}</button>
        </div>
      )}
      {message && <p class={message.error ? 'ed-error' : 'ed-note'} role={message.error ? 'alert' : 'status'} data-testid="editor-message">{message.text}</p>}
      {!canEdit && <p class="ed-note">{s.readOnly}</p>}

      <div class="ed-columns">
        {source && (
          <aside class="ed-source" aria-labelledby="ed-source-title" data-testid="source-article">
            <h2 id="ed-source-title">{fill(s.sourceArticle, { edition: EDITION_LABELS[source.edition] ?? source.edition })}</h2>
            <h3>{source.headline}</h3>
            <p class="ed-source-lead">{source.lead}</p>
            <BodyView body={source.body} />
          </aside>
        )}
        <div class="ed-main">
          <label class="ed-field ed-headline">
            <span>{s.headline}</span>
            <textarea rows={2} value={fields.headline} disabled={!canEdit} data-testid="headline"
              onInput={(e) => update({ headline: e.currentTarget.value })} />
          </label>
          <label class="ed-field ed-lead">
            <span>{s.lead}</span>
            <textarea rows={3} value={fields.lead} disabled={!canEdit} data-testid="lead"
              onInput={(e) => update({ lead: e.currentTarget.value })} />
          </label>
          <div class="ed-field">
            <span id="ed-body-label">{s.body}</span>
            <BodyEditor initial={fields.body} editable={canEdit} edition={article.edition} s={s}
              onChange={(body) => update({ body })} onReady={(e) => { editor.current = e; }} />
          </div>
          <p class="ed-stats" data-testid="stats">
            {fill(s.stats, { characters: stats.characters, words: stats.words, minutes: stats.readingMinutes })}
          </p>
        </div>
        {scripts && (
          <ScriptPanel articleId={article.id} edition={article.edition as 'kz' | 'uz'} headline={fields.headline} lead={fields.lead}
            body={fields.body} canOverride={user.role === 'admin' || user.role === 'chief' || (user.role === 'editor' && user.desks.includes(article.edition))} s={s} />
        )}
        <div class="ed-side">
          <ReviewBar article={article} s={s} uiLang={user.uiLang} busy={busy} onTransition={transition} />
          <MetaFields fields={fields} edition={article.edition} published={article.status === 'published'} editable={canEdit} s={s} onChange={update} />
        </div>
      </div>

      {panel === 'revisions' && (
        <RevisionsPanel article={article} s={s} uiLang={user.uiLang} canRestore={article.allowed.includes('restore') || canEdit}
          onRestore={(n) => void restoreRevision(n)} onClose={() => setPanel(null)} />
      )}
      {conflict && (
        <MergeView base={base} mine={fields} theirs={conflict} s={s} busy={busy}
          onSave={(merged) => void saveMerged(merged)} onCancel={() => setConflict(null)} />
      )}
    </div>
  );
}
