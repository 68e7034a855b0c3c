// Review and publishing: the article's state, the transitions the caller may make now (the API's
// `allowed`), a comment for returning, a time in Almaty for scheduling, and the timeline.
import { useEffect, useState } from 'preact/hooks';
import { formatTime } from './format.ts';
import { get } from './net.ts';
import { fill, pick, type EditorStrings } from './strings.ts';
import type { Article, TimelineItem } from './types.ts';

export interface TransitionRequest {
  action: string;
  comment?: string;
  at?: string;
  embargo?: boolean;
}

export const TRANSITIONS = ['submit', 'return', 'approve', 'schedule', 'unschedule', 'publish', 'unpublish'] as const;

/** Which transition buttons to show: those in `allowed` (unschedule rides on the schedule right). */
export function availableTransitions(article: Pick<Article, 'allowed' | 'status'>): string[] {
  return TRANSITIONS.filter(
    (action) =>
      article.allowed.includes(action) ||
      (action === 'unschedule' && article.status === 'scheduled' && article.allowed.includes('schedule')),
  );
}

export interface ReviewBarProps {
  article: Article;
  s: EditorStrings;
  uiLang: string;
  busy: boolean;
  onTransition(request: TransitionRequest): Promise<boolean>;
  /** Publishing asks first (the checklist of PublishDialog). */
  onAskPublish(): void;
}

export function ReviewBar(props: ReviewBarProps) {
  const { article, s } = props;
  const [open, setOpen] = useState<'return' | 'schedule' | null>(null);
  const [comment, setComment] = useState('');
  const [at, setAt] = useState('');
  const [embargo, setEmbargo] = useState(false);
  const actions = availableTransitions(article);

  const run = async (request: TransitionRequest) => {
    if (await props.onTransition(request)) {
      setOpen(null);
      setComment('');
    }
  };
  const press = (action: string) => {
    if (action === 'return' || action === 'schedule') {
      setOpen(open === action ? null : action);
      return;
    }
    if (action === 'publish') {
      props.onAskPublish();
      return;
    }
    if (action === 'unpublish' && !window.confirm(s.confirmUnpublish)) return;
    void run({ action });
  };

  return (
    <section class="ed-review" aria-label={s.status} data-testid="review-bar">
      <p class="ed-state">
        <span>{s.status}: </span>
        <strong data-testid="article-status" data-status={article.status}>
          {pick(s, `st_${article.status}`)}
        </strong>
        {article.status === 'scheduled' && article.scheduledAt && (
          <span>
            {' '}
            · {fill(s.scheduledFor, { time: formatTime(article.scheduledAt, props.uiLang) })}
            {article.embargo ? ` · ${s.embargoed}` : ''}
          </span>
        )}
        {article.url && (
          <>
            {' '}
            ·{' '}
            <a href={article.url} target="_blank" rel="noopener">
              {s.publishedUrl}
            </a>
          </>
        )}
      </p>
      <div class="ed-row">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            data-testid={`action-${action}`}
            disabled={props.busy}
            class={action === 'publish' ? 'ed-primary' : undefined}
            aria-expanded={action === 'return' || action === 'schedule' ? open === action : undefined}
            onClick={() => press(action)}
          >
            {pick(s, `a_${action}`)}
          </button>
        ))}
      </div>
      {open === 'return' && (
        <form
          class="ed-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (comment.trim()) void run({ action: 'return', comment: comment.trim() });
          }}
        >
          <label class="ed-field">
            <span>{s.returnComment}</span>
            <textarea rows={3} required value={comment} data-testid="return-comment" onInput={(e) => setComment(e.currentTarget.value)} />
          </label>
          <button type="submit" data-testid="return-send" disabled={props.busy || !comment.trim()}>
            {s.returnSend}
          </button>
        </form>
      )}
      {open === 'schedule' && (
        <form
          class="ed-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (at) void run({ action: 'schedule', at, embargo });
          }}
        >
          <label class="ed-field">
            <span>{s.scheduleAt}</span>
            {/* The API reads a local YYYY-MM-DDTHH:mm in the agency's time zone (Asia/Almaty). */}
            <input type="datetime-local" required value={at} data-testid="schedule-at" onInput={(e) => setAt(e.currentTarget.value)} />
          </label>
          <label class="ed-check">
            <input type="checkbox" checked={embargo} data-testid="schedule-embargo" onChange={(e) => setEmbargo(e.currentTarget.checked)} />
            {s.embargo}
          </label>
          <button type="submit" data-testid="schedule-send" disabled={props.busy || !at}>
            {s.scheduleSend}
          </button>
        </form>
      )}
      <Timeline articleId={article.id} version={`${article.revision}:${article.status}`} s={s} uiLang={props.uiLang} />
    </section>
  );
}

function Timeline(props: { articleId: number; version: string; s: EditorStrings; uiLang: string }) {
  const { s } = props;
  const [items, setItems] = useState<TimelineItem[]>([]);
  useEffect(() => {
    get<{ items: TimelineItem[] }>(`/articles/${props.articleId}/timeline`).then(
      (r) => setItems(r.items),
      () => undefined,
    );
  }, [props.articleId, props.version]);
  return (
    <details class="ed-timeline" open>
      <summary>{s.timeline}</summary>
      {items.length === 0 ? (
        <p>{s.timelineEmpty}</p>
      ) : (
        <ol data-testid="timeline">
          {items.map((item, i) => (
            <li key={i}>
              <time dateTime={item.at}>{formatTime(item.at, props.uiLang)}</time>
              {' · '}
              <strong>{pick(s, `a_${item.action}`)}</strong>
              {item.to && item.to !== item.from && <> → {pick(s, `st_${item.to}`)}</>}
              {item.user && (
                <>
                  {' '}
                  · <bdi>{item.user.name}</bdi>
                </>
              )}
              {item.comment && <blockquote class="ed-comment">{item.comment}</blockquote>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
