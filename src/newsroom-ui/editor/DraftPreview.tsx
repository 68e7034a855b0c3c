// A preview of the working copy as it is on screen, saved or not (issue 13): the headline, lead
// and text in the article's edition and, for kz and uz, in each derived script (qz and ق ز;
// Uzbek Latin), converted by the server from the unsaved text.
import { useEffect, useState } from 'preact/hooks';
import { BodyView } from './BodyView.tsx';
import { useEscape } from './useEscape.ts';
import { errorText } from './format.ts';
import { post } from './net.ts';
import type { EditorStrings } from './strings.ts';
import { DERIVED_OF, type ArticleFields, type ConvertedEdition } from './types.ts';

const LABELS: Record<string, string> = { kz: 'kz', uz: 'ўз', qz: 'qz', tote: 'ق ز', 'uz-latn': 'oʻz' };
const LANGS: Record<string, string> = { kz: 'kk', ru: 'ru', en: 'en', cn: 'zh', uz: 'uz' };

interface Version {
  edition: string;
  headline: string;
  lead: string;
  body: ArticleFields['body'];
  dir: 'ltr' | 'rtl';
  lang: string;
}

export function DraftPreview(props: { articleId: number; edition: string; fields: ArticleFields; s: EditorStrings; onClose(): void }) {
  const { s, fields } = props;
  useEscape(props.onClose);
  const own: Version = {
    edition: props.edition,
    headline: fields.headline,
    lead: fields.lead,
    body: fields.body,
    dir: 'ltr',
    lang: LANGS[props.edition] ?? props.edition,
  };
  const derived = DERIVED_OF[props.edition] ?? [];
  const [converted, setConverted] = useState<ConvertedEdition[]>([]);
  const [chosen, setChosen] = useState(props.edition);
  const [error, setError] = useState('');

  useEffect(() => {
    if (!derived.length) return;
    post<{ editions: ConvertedEdition[] }>('/convert', {
      edition: props.edition,
      articleId: props.articleId,
      headline: fields.headline,
      lead: fields.lead,
      body: fields.body,
    }).then(
      (r) => setConverted(r.editions),
      (e) => setError(errorText(s, e)),
    );
  }, []);

  const versions: Version[] = [
    own,
    ...converted.map((c) => {
      const d = derived.find((x) => x.edition === c.edition);
      return { edition: c.edition, headline: c.headline, lead: c.lead, body: c.body, dir: d?.dir ?? 'ltr', lang: d?.lang ?? c.edition };
    }),
  ];
  const shown = versions.find((v) => v.edition === chosen) ?? own;

  return (
    <div class="ed-overlay" role="dialog" aria-modal="true" aria-labelledby="ed-preview-title" data-testid="draft-preview">
      <div class="ed-dialog ed-preview">
        <div class="ed-dialog-head">
          <h2 id="ed-preview-title">{s.previewDraft}</h2>
          <button type="button" onClick={props.onClose} data-testid="draft-preview-close">
            {s.close}
          </button>
        </div>
        {versions.length > 1 && (
          <div class="ed-row" role="group" aria-label={s.scripts}>
            {versions.map((v) => (
              <button
                key={v.edition}
                type="button"
                aria-pressed={v.edition === shown.edition}
                data-testid={`draft-preview-${v.edition}`}
                onClick={() => setChosen(v.edition)}
              >
                {LABELS[v.edition] ?? v.edition}
              </button>
            ))}
          </div>
        )}
        {error && (
          <p role="alert" class="ed-error">
            {error}
          </p>
        )}
        <article
          class="ed-preview-article"
          dir={shown.dir}
          lang={shown.lang}
          data-testid="draft-preview-article"
          data-edition={shown.edition}
        >
          <h1>{shown.headline}</h1>
          <p class="ed-preview-lead">{shown.lead}</p>
          <BodyView body={shown.body} />
        </article>
      </div>
    </div>
  );
}
