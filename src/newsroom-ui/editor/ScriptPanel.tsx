// For kz and uz: the derived scripts (qz and ق ز; Uzbek Latin) live beside the text, the words the
// converter is unsure of marked, with "add to lexicon" and "override this field".
import { useEffect, useState } from 'preact/hooks';
import type { Body } from '../../content/body.ts';
import { BodyView, highlightText } from './BodyView.tsx';
import { errorText } from './format.ts';
import { del, get, post, put } from './net.ts';
import { fill, pick, type EditorStrings } from './strings.ts';
import { DERIVED_OF, type ConvertedEdition, type Override } from './types.ts';
import { DERIVED_EDITIONS, EDITIONS } from '../../editions/editions.ts';
import { useLatest } from './useLatest.ts';

const DEBOUNCE_MS = 700;
const LABELS: Record<string, string> = Object.fromEntries(DERIVED_EDITIONS.map((d) => [d, EDITIONS[d].label]));
const OVERRIDABLE = ['headline', 'lead'] as const;

export interface ScriptPanelProps {
  articleId: number;
  edition: 'kz' | 'uz';
  headline: string;
  lead: string;
  body: Body;
  /**
   * The user may override fields and add lexicon words here: both are editors' actions in the
   * article's desk (`derived.override`, `lexicon.edit`); journalists see the unsure words marked only.
   */
  canOverride: boolean;
  s: EditorStrings;
}

export function ScriptPanel(props: ScriptPanelProps) {
  const { s } = props;
  const [converted, setConverted] = useState<ConvertedEdition[] | null>(null);
  const [overrides, setOverrides] = useState<Override[]>([]);
  const [round, setRound] = useState(0);
  const [message, setMessage] = useState('');
  const latest = useLatest();

  useEffect(() => {
    const timer = window.setTimeout(() => {
      latest(
        post<{ editions: ConvertedEdition[] }>('/convert', {
          edition: props.edition,
          articleId: props.articleId,
          headline: props.headline,
          lead: props.lead,
          body: props.body,
        }),
      ).then(
        (r) => setConverted(r.editions),
        (e) => setMessage(errorText(s, e)),
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [props.edition, props.articleId, props.headline, props.lead, props.body, round]);

  useEffect(() => {
    get<{ items: Override[] }>(`/articles/${props.articleId}/overrides`).then(
      (r) => setOverrides(r.items),
      () => undefined,
    );
  }, [props.articleId, round]);

  const refresh = () => setRound((n) => n + 1);
  const report = (text: string) => setMessage(text);

  return (
    <aside class="ed-scripts" aria-labelledby="ed-scripts-title" data-testid="script-panel">
      <h2 id="ed-scripts-title">{s.scripts}</h2>
      {message && (
        <p role="status" class="ed-note">
          {message}
        </p>
      )}
      {!converted && <p>{s.scriptsWaiting}</p>}
      {converted?.map((c) => {
        const target = DERIVED_OF[props.edition]?.find((d) => d.edition === c.edition);
        const unsure = new Set(c.unsure.map((u) => u.word));
        return (
          <section key={c.edition} class="ed-script" dir={target?.dir ?? 'ltr'} lang={target?.lang} data-testid={`script-${c.edition}`}>
            <h3 dir="ltr">{LABELS[c.edition] ?? c.edition}</h3>
            {OVERRIDABLE.map((field) => (
              <OverrideField
                key={field}
                articleId={props.articleId}
                edition={c.edition}
                field={field}
                converted={c[field]}
                unsure={unsure}
                override={overrides.find((o) => o.edition === c.edition && o.field === field)}
                canOverride={props.canOverride}
                s={s}
                onChanged={refresh}
                onError={report}
              />
            ))}
            <BodyView body={c.body} highlight={unsure} />
            {c.unsure.length > 0 && (
              <div dir="ltr" class="ed-unsure-list">
                <h4>{s.unsure}</h4>
                <ul>
                  {c.unsure.map((u) => (
                    <li key={u.word}>
                      {props.canOverride ? (
                        <LexiconForm
                          word={u.word}
                          reason={u.reason}
                          scheme={target?.scheme ?? ''}
                          edition={LABELS[c.edition] ?? c.edition}
                          s={s}
                          onAdded={() => {
                            report(s.lexiconAdded);
                            refresh();
                          }}
                          onError={report}
                        />
                      ) : (
                        <mark class="ed-unsure" title={u.reason}>
                          {u.word}
                        </mark>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        );
      })}
    </aside>
  );
}

function LexiconForm(props: {
  word: string;
  reason: string;
  scheme: string;
  edition: string;
  s: EditorStrings;
  onAdded(): void;
  onError(text: string): void;
}) {
  const { s } = props;
  const [open, setOpen] = useState(false);
  const [spelling, setSpelling] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    if (!spelling.trim()) return;
    post('/lexicon', { scheme: props.scheme, word: props.word, spelling: spelling.trim() }).then(
      () => {
        setOpen(false);
        props.onAdded();
      },
      (err) => props.onError(errorText(s, err)),
    );
  };
  return (
    <>
      <mark class="ed-unsure" title={props.reason}>
        {props.word}
      </mark>{' '}
      <button type="button" aria-expanded={open} data-testid={`lexicon-${props.word}`} onClick={() => setOpen(!open)}>
        {s.addLexicon}
      </button>
      {open && (
        <form class="ed-inline-form" onSubmit={submit}>
          <label class="ed-field">
            <span>{fill(s.lexiconSpelling, { edition: props.edition })}</span>
            <input type="text" required value={spelling} onInput={(e) => setSpelling(e.currentTarget.value)} />
          </label>
          <button type="submit">{s.addLexicon}</button>
        </form>
      )}
    </>
  );
}

function OverrideField(props: {
  articleId: number;
  edition: string;
  field: 'headline' | 'lead';
  converted: string;
  unsure: ReadonlySet<string>;
  override: Override | undefined;
  canOverride: boolean;
  s: EditorStrings;
  onChanged(): void;
  onError(text: string): void;
}) {
  const { s } = props;
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const path = `/articles/${props.articleId}/overrides/${props.edition}/${props.field}`;
  const Tag = props.field === 'headline' ? 'h4' : 'p';
  const save = (e: Event) => {
    e.preventDefault();
    put(path, { value }).then(
      () => {
        setEditing(false);
        props.onChanged();
      },
      (err) => props.onError(errorText(s, err)),
    );
  };
  return (
    <div class={`ed-script-${props.field}`}>
      <Tag>{highlightText(props.override?.value ?? props.converted, props.unsure)}</Tag>
      {props.override && <small dir="ltr"> ({s.overridden})</small>}
      {props.canOverride && !editing && (
        <span dir="ltr" class="ed-row">
          <button
            type="button"
            class="ed-link"
            data-testid={`override-${props.edition}-${props.field}`}
            onClick={() => {
              setValue(props.override?.value ?? props.converted);
              setEditing(true);
            }}
          >
            {s.override}: {pick(s, `f_${props.field}`)}
          </button>
          {props.override && (
            <button
              type="button"
              class="ed-link"
              onClick={() => del(path).then(props.onChanged, (err) => props.onError(errorText(s, err)))}
            >
              {s.overrideRemove}
            </button>
          )}
        </span>
      )}
      {editing && (
        <form class="ed-inline-form" onSubmit={save}>
          <textarea
            rows={2}
            aria-label={`${s.override}: ${pick(s, `f_${props.field}`)}`}
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
          <button type="submit">{s.overrideSave}</button>
          <button type="button" onClick={() => setEditing(false)}>
            {s.cancel}
          </button>
        </form>
      )}
    </div>
  );
}
