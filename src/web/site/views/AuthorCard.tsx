// The author card (articles) and profile (the author page): photo, name, role and bio. An author
// without a photo gets a portrait drawn from the name — initials over abstract shapes in one of
// six colour schemes — that is plainly not a photograph of anyone.
import type { AuthorView } from '../../../services/pageModels.ts';
import { Picture } from './Cards.tsx';

/** Up to two initials, one per word (one character for a Chinese name: the surname). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const first = (w: string) => Array.from(w)[0] ?? '';
  if (/^[\u3400-\u9fff]/.test(words[0]!)) return first(words[0]!);
  return words.slice(0, 2).map(first).join('').toLocaleUpperCase();
}

/** A stable colour scheme per author (0–5), from the profile URL's slug so that it is the same in every edition. */
export function schemeOf(href: string): number {
  const slug = href.replace(/\/+$/, '').split('/').at(-1) ?? '';
  let h = 0;
  for (const ch of slug) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 6;
}

export function Portrait(props: { author: AuthorView; large?: boolean }) {
  const a = props.author;
  const size = props.large ? 'portrait-large' : '';
  if (a.photo) {
    return (
      <span class={`portrait portrait-photo ${size}`}>
        <Picture image={a.photo} sizes={props.large ? '7rem' : '4rem'} />
      </span>
    );
  }
  return (
    <span class={`portrait portrait-drawn portrait-${schemeOf(a.href)} ${size}`} aria-hidden="true">
      <span class="portrait-initials">{initialsOf(a.name)}</span>
    </span>
  );
}

export function AuthorCard(props: { author: AuthorView }) {
  const a = props.author;
  return (
    <div class="author-card">
      <Portrait author={a} />
      <div class="author-text">
        <p class="author-name">
          <a href={a.href} rel="author">
            {a.name}
          </a>
        </p>
        {a.role ? <p class="author-role">{a.role}</p> : null}
        {a.bio ? <p class="author-bio">{a.bio}</p> : null}
      </div>
    </div>
  );
}

/** The head of the author page: the portrait, role and bio under the page's heading. */
export function AuthorProfile(props: { author: AuthorView }) {
  const a = props.author;
  return (
    <div class="author-profile">
      <Portrait author={a} large />
      <div class="author-text">
        {a.role ? <p class="author-role">{a.role}</p> : null}
        {a.bio ? <p class="author-bio">{a.bio}</p> : null}
      </div>
    </div>
  );
}
