// Article cards, images and the most-popular list.
import { fill } from '../../../editions/uiStrings.ts';
import type { ArticleCard, Chrome, ImageView, Pager } from '../../../services/pageModels.ts';

export function Picture(props: { image: ImageView; sizes: string; eager?: boolean }) {
  const i = props.image;
  const img = (
    <img
      src={i.src}
      srcset={i.srcset}
      sizes={props.sizes}
      width={i.width}
      height={i.height}
      alt={i.alt}
      loading={props.eager ? undefined : 'lazy'}
      decoding="async"
      fetchpriority={props.eager ? 'high' : undefined}
    />
  );
  if (!i.avifSrcset) return img;
  return (
    <picture>
      <source type="image/avif" srcset={i.avifSrcset} sizes={props.sizes} />
      {img}
    </picture>
  );
}

export function Time(props: { iso: string; text: string }) {
  return <time datetime={props.iso}>{props.text}</time>;
}

export function Card(props: { card: ArticleCard; chrome: Chrome; variant?: 'top' | 'lead' | 'compact'; eager?: boolean; level?: 2 | 3 }) {
  const c = props.card;
  const variant = props.variant ?? 'lead';
  const H = props.level === 2 ? 'h2' : 'h3';
  return (
    <article class={`card card-${variant}`}>
      {c.image && variant !== 'compact' ? (
        <a class="card-media" href={c.href} tabindex={-1} aria-hidden="true">
          <Picture
            image={c.image}
            sizes={variant === 'top' ? '(min-width: 64rem) 40rem, 100vw' : '(min-width: 40rem) 20rem, 100vw'}
            eager={props.eager ?? false}
          />
        </a>
      ) : null}
      <div class="card-text">
        <p class="card-meta">
          {c.breaking ? <strong class="badge">{props.chrome.strings.breaking}</strong> : null}
          <a href={c.section.href}>{c.section.text}</a> <Time iso={c.time.iso} text={c.time.text} />
        </p>
        <H class="card-title">
          <a href={c.href}>{c.headline}</a>
        </H>
        {variant === 'compact' ? null : <p class="card-lead">{c.lead}</p>}
      </div>
    </article>
  );
}

export function CardList(props: { cards: readonly ArticleCard[]; chrome: Chrome; variant?: 'lead' | 'compact'; level?: 2 | 3 }) {
  return (
    <ul class={`cards cards-${props.variant ?? 'lead'}`}>
      {props.cards.map((c) => (
        <li>
          <Card card={c} chrome={props.chrome} variant={props.variant ?? 'lead'} level={props.level ?? 3} />
        </li>
      ))}
    </ul>
  );
}

export function PopularList(props: { chrome: Chrome }) {
  const { chrome } = props;
  if (chrome.popular.length === 0) return null;
  return (
    <aside class="popular" aria-labelledby="popular-heading">
      <h2 id="popular-heading">{chrome.strings.popular}</h2>
      <ol>
        {chrome.popular.map((c) => (
          <li>
            <a href={c.href}>{c.headline}</a> <Time iso={c.time.iso} text={c.time.text} />
          </li>
        ))}
      </ol>
      <p class="see-all">
        <a href={chrome.homeHref.replace(/\/$/, '/popular')}>{chrome.strings.seeAll}</a>
      </p>
    </aside>
  );
}

export function PagerNav(props: { pager: Pager; chrome: Chrome }) {
  const { pager, chrome } = props;
  const s = chrome.strings;
  return (
    <nav class="pager" aria-label={s.pagination}>
      {pager.prev ? (
        <a rel="prev" href={pager.prev}>
          {s.previousPage}
        </a>
      ) : (
        <span />
      )}
      <span>{fill(s.pageN, { n: pager.page })}</span>
      {pager.next ? (
        <a rel="next" href={pager.next}>
          {s.nextPage}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
