// The confirmation before publishing (issue 13): a checklist of what readers will miss (headline,
// lead, text, section, lead photo with its credit, tags) and when the article goes out, in Almaty
// time and the interface language. Without a headline or text it cannot be published (the server
// refuses too); the other items are the desk's to judge.
import { useEffect, useRef, useState } from 'preact/hooks';
import { isEmptyBody } from '../../content/emptyBody.ts';
import { formatTime } from './format.ts';
import { useEscape } from './useEscape.ts';
import { loadAsset } from './nodeViews.ts';
import { fill, type EditorStrings } from './strings.ts';
import type { Article, ArticleFields } from './types.ts';

export interface CheckItem {
  key: 'headline' | 'lead' | 'body' | 'section' | 'photo' | 'tags';
  ok: boolean;
  required: boolean;
}

/** The checklist for a working copy; `heroCredit` is the lead photo's credit in the edition ('' when none). */
export function publishChecklist(fields: ArticleFields, heroCredit: string): CheckItem[] {
  return [
    { key: 'headline', ok: fields.headline.trim() !== '', required: true },
    { key: 'lead', ok: fields.lead.trim() !== '', required: false },
    { key: 'body', ok: !isEmptyBody(fields.body), required: true },
    { key: 'section', ok: fields.sectionId !== null, required: false },
    { key: 'photo', ok: fields.heroAssetId !== null && heroCredit.trim() !== '', required: false },
    { key: 'tags', ok: fields.tagIds.length > 0, required: false },
  ];
}

const LABEL = {
  headline: 'pubHeadline',
  lead: 'pubLead',
  body: 'pubBody',
  section: 'pubSection',
  photo: 'pubPhoto',
  tags: 'pubTags',
} as const;

export interface PublishDialogProps {
  article: Article;
  fields: ArticleFields;
  s: EditorStrings;
  uiLang: string;
  busy: boolean;
  now(): Date;
  onConfirm(): void;
  onClose(): void;
}

export function PublishDialog(props: PublishDialogProps) {
  const { s, fields, article } = props;
  useEscape(props.onClose);
  const [credit, setCredit] = useState('');
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    setCredit('');
    if (fields.heroAssetId === null) return;
    loadAsset(fields.heroAssetId).then(
      (a) => setCredit((a.texts[article.edition] ?? Object.values(a.texts)[0])?.credit ?? ''),
      () => undefined,
    );
  }, [fields.heroAssetId]);
  const box = useRef<HTMLDivElement>(null);
  // The confirm button when it can be pressed, else the dialog itself: the focus leaves the page behind.
  useEffect(() => {
    if (confirm.current && !confirm.current.disabled) confirm.current.focus();
    else box.current?.focus();
  }, []);
  const items = publishChecklist(fields, credit);
  const blocked = items.some((i) => i.required && !i.ok);
  const scheduled = article.status === 'scheduled' && article.scheduledAt;

  return (
    <div class="ed-overlay" role="dialog" aria-modal="true" aria-labelledby="ed-publish-title" data-testid="publish-dialog">
      <div class="ed-dialog ed-publish" ref={box} tabIndex={-1}>
        <h2 id="ed-publish-title">{s.pubTitle}</h2>
        <h3>{s.pubChecklist}</h3>
        <ul class="ed-checklist" data-testid="publish-checklist">
          {items.map((i) => (
            <li
              key={i.key}
              data-testid={`check-${i.key}`}
              data-ok={String(i.ok)}
              class={i.ok ? 'ed-check-ok' : i.required ? 'ed-check-bad' : 'ed-check-warn'}
            >
              <span aria-hidden="true">{i.ok ? '✓' : i.required ? '✕' : '!'}</span> {s[LABEL[i.key]]}
              {!i.ok && <em> — {s.pubMissing}</em>}
            </li>
          ))}
        </ul>
        <p data-testid="publish-when">
          {scheduled
            ? fill(s.pubWhenScheduled, { time: formatTime(article.scheduledAt, props.uiLang) })
            : fill(s.pubWhen, { time: formatTime(props.now().toISOString(), props.uiLang) })}
          {scheduled && article.embargo ? (
            <>
              {' '}
              · <strong>{s.pubEmbargo}</strong>
            </>
          ) : null}
        </p>
        {blocked && (
          <p role="alert" class="ed-error" data-testid="publish-blocked">
            {fields.headline.trim() ? s.pubEmptyBody : fill(s.e_VALIDATION, { message: s.pubHeadline })}
          </p>
        )}
        <div class="ed-row">
          <button
            ref={confirm}
            type="button"
            class="ed-primary"
            data-testid="publish-confirm"
            disabled={blocked || props.busy}
            onClick={props.onConfirm}
          >
            {s.pubConfirm}
          </button>
          <button type="button" data-testid="publish-cancel" onClick={props.onClose}>
            {s.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}
