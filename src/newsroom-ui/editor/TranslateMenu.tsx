// "Translate into …": the written editions the story lacks (and the user works on) → a linked
// draft in that edition, opened at once.
import { useEffect, useState } from 'preact/hooks';
import { errorText } from './format.ts';
import { get, post } from './net.ts';
import { fill, type EditorStrings } from './strings.ts';
import type { Article, Story, User } from './types.ts';

export const EDITION_LABELS: Readonly<Record<string, string>> = {
  kz: 'Қазақша (kz)',
  ru: 'Русский (ru)',
  en: 'English (en)',
  cn: '中文 (cn)',
  uz: 'Ўзбекча (uz)',
};

export function TranslateMenu(props: {
  article: Article;
  user: User;
  s: EditorStrings;
  onCreated(article: Article): void;
  storyHref: string;
  navigate(path: string): void;
}) {
  const { s, article } = props;
  const [story, setStory] = useState<Story | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => {
    get<Story>(`/stories/${article.storyId}`).then(setStory, () => undefined);
  }, [article.storyId, open]);

  const missing = (story?.editions ?? [])
    .filter((e) => e.article === null && !e.closed && props.user.desks.includes(e.edition))
    .map((e) => e.edition);
  const translate = (edition: string) => {
    setError('');
    post<Article>(`/articles/${article.id}/translations`, { edition }).then(
      (created) => {
        setOpen(false);
        props.onCreated(created);
      },
      (e) => setError(errorText(s, e)),
    );
  };

  return (
    <div class="ed-menu">
      <button type="button" aria-expanded={open} aria-haspopup="true" data-testid="translate-menu" onClick={() => setOpen(!open)}>
        {s.translate}
      </button>
      {open && (
        <ul class="ed-menu-list">
          {missing.length === 0 && <li>{s.translateNone}</li>}
          {missing.map((edition) => (
            <li key={edition}>
              <button type="button" data-testid={`translate-${edition}`} onClick={() => translate(edition)}>
                {fill(s.translateInto, { edition: EDITION_LABELS[edition] ?? edition })}
              </button>
            </li>
          ))}
          <li>
            <a
              href={props.storyHref}
              onClick={(e) => {
                e.preventDefault();
                props.navigate(props.storyHref);
              }}
            >
              {s.story}
            </a>
          </li>
        </ul>
      )}
      {error && (
        <p role="alert" class="ed-error">
          {error}
        </p>
      )}
    </div>
  );
}
