// A story: every written edition, with its article's state and a link, "not written yet", or
// "being written at that desk" for an article the user may not open.
import { useEffect, useState } from 'preact/hooks';
import './editor.css';
import { errorText, formatTime } from './format.ts';
import { get } from './net.ts';
import { editorStrings, fill, pick } from './strings.ts';
import { EDITION_LABELS } from './TranslateMenu.tsx';
import type { Story, User } from './types.ts';
import { articlePath } from './paths.ts';

export function StoryScreen(props: { id: number; user: User; navigate(path: string): void }) {
  const s = editorStrings(props.user.uiLang);
  const [story, setStory] = useState<Story | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    get<Story>(`/stories/${props.id}`).then(setStory, (e) => setError(errorText(s, e)));
  }, [props.id]);

  if (error)
    return (
      <p role="alert" class="ed-error">
        {error}
      </p>
    );
  if (!story) return <p role="status">{s.loading}</p>;
  return (
    <section class="ed-story" aria-labelledby="ed-story-title" data-testid="story-screen">
      <h1 id="ed-story-title">
        {s.story} · {fill(s.storyTitle, { id: story.id })}
      </h1>
      <table>
        <tbody>
          {story.editions.map(({ edition, article, closed }) => (
            <tr key={edition} data-testid={`story-${edition}`}>
              <th scope="row">{EDITION_LABELS[edition] ?? edition}</th>
              {article ? (
                <>
                  <td>
                    <a
                      href={articlePath(article.id)}
                      onClick={(e) => {
                        e.preventDefault();
                        props.navigate(articlePath(article.id));
                      }}
                    >
                      <bdi>{article.headline || `#${article.id}`}</bdi>
                    </a>
                  </td>
                  <td data-status={article.status}>{pick(s, `st_${article.status}`)}</td>
                  <td>
                    <time dateTime={article.modifiedAt}>{formatTime(article.modifiedAt, props.user.uiLang)}</time>
                  </td>
                </>
              ) : (
                <td colSpan={3} data-closed={closed ? 'true' : undefined}>
                  {closed ? s.storyClosed : s.storyMissing}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
