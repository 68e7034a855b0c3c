// The article editor screen (issue 4: writing, review, two people at once, translations,
// revisions). The working copy lives here; every save carries the revision it started from, and a
// refused save (409) opens the merge view instead of overwriting anyone.
import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import './editor.css';
import { bodyPlainText, bodyToDoc, textStats } from './blocks.ts';
import { BodyEditor, promptLink } from './BodyEditor.tsx';
import { errorText, formatTime } from './format.ts';
import { DraftPreview } from './DraftPreview.tsx';
import { MergeView } from './MergeView.tsx';
import { PublishDialog } from './PublishDialog.tsx';
import { MetaFields } from './MetaFields.tsx';
import { ApiError, get, post, put } from './net.ts';
import { ReviewBar, type TransitionRequest } from './ReviewBar.tsx';
import { RevisionsPanel } from './RevisionsPanel.tsx';
import { CommentsPanel } from '../people/Comments.tsx';
import { ScriptPanel } from './ScriptPanel.tsx';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { SourcePanel } from './SourcePanel.tsx';
import { editorStrings, fill } from './strings.ts';
import { EDITION_LABELS, TranslateMenu } from './TranslateMenu.tsx';
import type { Article, ArticleFields, User } from './types.ts';
import { changedFields, draftReducer, fieldsOf, initialDraft, type Message } from './draftState.ts';
import { clearLocalAutosave, newestAutosave, readLocalAutosave, useAutosave } from './useAutosave.ts';
import { usePresence } from './usePresence.ts';
import { articlePath, storyPath } from './paths.ts';
import { fillIsolated } from '../components/Isolate.ts';
import { ArticleViewsPanel } from '../screens/Analytics.tsx';
import { HeroPhotoTexts } from '../components/HeroPhotoTexts.tsx';

export interface EditorScreenProps {
  id: number;
  user: User;
  navigate(path: string): void;
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

  if (loadError)
    return (
      <p role="alert" class="ed-error">
        {s.loadFailed} {loadError}
      </p>
    );
  if (!article) return <p role="status">{s.loading}</p>;
  return <ArticleEditor key={article.id} initial={article} {...props} />;
}

function ArticleEditor(props: EditorScreenProps & { initial: Article }) {
  const { user, navigate } = props;
  const s = editorStrings(user.uiLang);
  const [state, dispatch] = useReducer(draftReducer, props.initial, (initial) =>
    initialDraft(initial, newestAutosave([initial.autosave, readLocalAutosave(initial.id)], initial.modifiedAt)),
  );
  const { article, base, fields, busy, message, conflict, offer, panel, source } = state;
  const editor = useRef<Editor | null>(null);
  const latest = useRef(fields);
  latest.current = fields;

  const changes = useMemo(() => changedFields(base, fields), [base, fields]);
  useAutosave(article.id, article.revision, changes);
  const others = usePresence(article.id, user.id);
  const canEdit = article.allowed.includes('edit') || article.allowed.includes('correct');

  useEffect(() => {
    if (article.translatedFrom)
      get<Article>(`/articles/${article.translatedFrom}`).then(
        (a) => dispatch({ type: 'source', source: a }),
        () => undefined,
      );
  }, [article.translatedFrom]);

  const update = (patch: Partial<ArticleFields>) => dispatch({ type: 'edit', patch });
  const replaceBody = (next: ArticleFields) => editor.current?.commands.setContent(bodyToDoc(next.body), { emitUpdate: false });

  /** The server's answer becomes the saved state; what was typed during the request is kept. */
  const accept = (saved: Article, sent: ArticleFields | null, msg?: Message | null) => {
    dispatch({ type: 'accepted', saved, sent, message: msg });
    if (!sent) replaceBody(fieldsOf(saved));
    clearLocalAutosave(saved.id);
  };

  const fail = (e: unknown) => dispatch({ type: 'message', message: { text: errorText(s, e), error: true } });

  /** Saves the working copy on top of `revision`; null when it was refused. */
  const save = async (revision = article.revision, from = base): Promise<Article | null> => {
    const sent = latest.current;
    const patch = changedFields(from, sent);
    if (!patch) return article;
    dispatch({ type: 'busy', busy: true, message: { text: s.saving, error: false } });
    try {
      const saved = await put<Article>(`/articles/${article.id}`, { revision, ...patch });
      accept(saved, sent, { text: fill(s.savedAt, { revision: saved.revision }), error: false });
      return saved;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        const current = (e.details as { current?: Article } | undefined)?.current;
        if (current) {
          dispatch({ type: 'conflict', current });
          dispatch({ type: 'message', message: null });
          return null;
        }
      }
      fail(e);
      return null;
    } finally {
      dispatch({ type: 'busy', busy: false });
    }
  };

  const saveMerged = async (merged: ArticleFields) => {
    if (!conflict) return;
    const theirs = conflict;
    if (!changedFields(fieldsOf(theirs), merged)) {
      accept(theirs, null);
      dispatch({ type: 'conflict', current: null });
      return;
    }
    latest.current = merged;
    dispatch({ type: 'replace', fields: merged });
    replaceBody(merged);
    const saved = await save(theirs.revision, fieldsOf(theirs));
    if (saved) dispatch({ type: 'conflict', current: null });
  };

  const transition = async (request: TransitionRequest): Promise<boolean> => {
    let current: Article | null = article;
    if (changedFields(base, latest.current)) current = await save();
    if (!current) return false;
    dispatch({ type: 'busy', busy: true });
    try {
      const moved = await post<Article>(`/articles/${article.id}/transitions`, { ...request, revision: current.revision });
      accept(moved, latest.current, { text: s[`st_${moved.status}`], error: false });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        const fresh = (e.details as { current?: Article } | undefined)?.current;
        if (fresh) dispatch({ type: 'conflict', current: fresh });
      } else fail(e);
      return false;
    } finally {
      dispatch({ type: 'busy', busy: false });
    }
  };

  const restoreRevision = async (n: number) => {
    dispatch({ type: 'busy', busy: true });
    try {
      const restored = await post<Article>(`/articles/${article.id}/revisions/${n}/restore`, { revision: article.revision });
      accept(restored, null, { text: fill(s.savedAt, { revision: restored.revision }), error: false });
      dispatch({ type: 'panel', panel: null });
    } catch (e) {
      fail(e);
    } finally {
      dispatch({ type: 'busy', busy: false });
    }
  };

  const applyAutosave = () => {
    if (!offer) return;
    replaceBody({ ...latest.current, ...offer.data });
    dispatch({ type: 'applyOffer' });
  };

  // Keyboard shortcuts that work anywhere on the screen.
  const keys = useRef({ save, transition, canEdit, article });
  keys.current = { save, transition, canEdit, article };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const k = keys.current;
      if (e.key === 's' || e.key === 'S') {
        e.preventDefault();
        if (k.canEdit) void k.save();
      } else if (e.key === 'Enter' && k.article.allowed.includes('submit')) {
        e.preventDefault();
        void k.transition({ action: 'submit' });
      } else if ((e.key === 'k' || e.key === 'K') && editor.current?.isFocused) {
        e.preventDefault();
        promptLink(editor.current, s);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const stats = textStats(fields.headline, fields.lead, bodyPlainText(fields.body));
  const scripts = article.edition === 'kz' || article.edition === 'uz';
  const go = (path: string) => (e: Event) => {
    e.preventDefault();
    navigate(path);
  };

  return (
    <div
      class={`ed-screen${source ? ' ed-with-source' : ''}${scripts ? ' ed-with-scripts' : ''}`}
      lang={article.edition === 'kz' ? 'kk' : undefined}
    >
      <header class="ed-top" lang={user.uiLang === 'kz' ? 'kk' : user.uiLang}>
        <a href="/newsroom/" onClick={go('/newsroom/')}>
          {s.back}
        </a>
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
        {canEdit && (
          <button type="button" class="ed-primary" data-testid="save" disabled={busy} onClick={() => void save()}>
            {s.save}
          </button>
        )}
        <a href={article.previewUrl} target="_blank" rel="noopener" data-testid="preview">
          {s.preview}
        </a>
        <button
          type="button"
          aria-expanded={panel === 'preview'}
          data-testid="draft-preview-open"
          onClick={() => dispatch({ type: 'panel', panel: 'preview' })}
        >
          {s.previewDraft}
        </button>
        <button
          type="button"
          aria-expanded={panel === 'revisions'}
          data-testid="revisions-toggle"
          onClick={() => dispatch({ type: 'panel', panel: 'revisions' })}
        >
          {s.revisions}
        </button>
        {article.allowed.includes('translate') && (
          <TranslateMenu
            article={article}
            user={user}
            s={s}
            navigate={navigate}
            storyHref={storyPath(article.storyId)}
            onCreated={(created) => navigate(articlePath(created.id))}
          />
        )}
        <ShortcutsHelp s={s} open={panel === 'help'} onToggle={() => dispatch({ type: 'panel', panel: 'help' })} />
      </header>

      {offer && (
        <div class="ed-banner" role="alert" data-testid="autosave-offer">
          {fill(s.restoreOffer, { time: formatTime(offer.savedAt, user.uiLang) })}{' '}
          <button type="button" data-testid="autosave-restore" onClick={applyAutosave}>
            {s.restore}
          </button>
          <button
            type="button"
            onClick={() => {
              dispatch({ type: 'dismissOffer' });
              clearLocalAutosave(article.id);
            }}
          >
            {s.discard}
          </button>
        </div>
      )}
      {message && (
        <p class={message.error ? 'ed-error' : 'ed-note'} role={message.error ? 'alert' : 'status'} data-testid="editor-message">
          {message.text}
        </p>
      )}
      {!canEdit && <p class="ed-note">{s.readOnly}</p>}

      <div class="ed-columns">
        {source && <SourcePanel source={source} s={s} />}
        <div class="ed-main">
          <label class="ed-field ed-headline">
            <span>{s.headline}</span>
            <textarea
              rows={2}
              value={fields.headline}
              disabled={!canEdit}
              data-testid="headline"
              onInput={(e) => update({ headline: e.currentTarget.value })}
            />
          </label>
          <label class="ed-field ed-lead">
            <span>{s.lead}</span>
            <textarea
              rows={3}
              value={fields.lead}
              disabled={!canEdit}
              data-testid="lead"
              onInput={(e) => update({ lead: e.currentTarget.value })}
            />
          </label>
          <div class="ed-field">
            <span id="ed-body-label">{s.body}</span>
            <BodyEditor
              initial={fields.body}
              editable={canEdit}
              edition={article.edition}
              s={s}
              onChange={(body) => update({ body })}
              onReady={(e) => {
                editor.current = e;
              }}
            />
          </div>
          <p class="ed-stats" data-testid="stats">
            {fill(s.stats, { characters: stats.characters, words: stats.words, minutes: stats.readingMinutes })}
          </p>
        </div>
        {scripts && (
          <ScriptPanel
            articleId={article.id}
            edition={article.edition as 'kz' | 'uz'}
            headline={fields.headline}
            lead={fields.lead}
            body={fields.body}
            canOverride={user.role === 'admin' || user.role === 'chief' || (user.role === 'editor' && user.desks.includes(article.edition))}
            s={s}
          />
        )}
        <div class="ed-side">
          <ReviewBar
            article={article}
            s={s}
            uiLang={user.uiLang}
            busy={busy}
            onTransition={transition}
            onAskPublish={() => dispatch({ type: 'panel', panel: 'publish' })}
          />
          <CommentsPanel articleId={article.id} user={user} />
          <MetaFields
            fields={fields}
            edition={article.edition}
            published={article.status === 'published'}
            editable={canEdit}
            s={s}
            onChange={update}
          />
          {article.publishedAt && <ArticleViewsPanel id={article.id} user={user} />}
          <HeroPhotoTexts
            articleId={article.id}
            revision={article.revision}
            heroAssetId={fields.heroAssetId}
            edition={article.edition}
            editable={canEdit}
          />
        </div>
      </div>

      {panel === 'revisions' && (
        <RevisionsPanel
          article={article}
          s={s}
          uiLang={user.uiLang}
          canRestore={article.allowed.includes('restore') || canEdit}
          onRestore={(n) => void restoreRevision(n)}
          onClose={() => dispatch({ type: 'panel', panel: null })}
        />
      )}
      {panel === 'publish' && (
        <PublishDialog
          article={article}
          fields={fields}
          s={s}
          uiLang={user.uiLang}
          busy={busy}
          now={() => new Date()}
          onConfirm={() => {
            void transition({ action: 'publish' }).then((ok) => {
              if (ok) dispatch({ type: 'panel', panel: null });
            });
          }}
          onClose={() => dispatch({ type: 'panel', panel: null })}
        />
      )}
      {panel === 'preview' && (
        <DraftPreview
          articleId={article.id}
          edition={article.edition}
          fields={fields}
          s={s}
          onClose={() => dispatch({ type: 'panel', panel: null })}
        />
      )}
      {conflict && (
        <MergeView
          base={base}
          mine={fields}
          theirs={conflict}
          s={s}
          busy={busy}
          onSave={(merged) => void saveMerged(merged)}
          onCancel={() => dispatch({ type: 'conflict', current: null })}
        />
      )}
    </div>
  );
}
