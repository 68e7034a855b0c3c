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

/**
 * top: the home's first story · lead: a photo above the headline and lead · row: a list's card, the
 * photo beside the text · thumb: a small photo beside the headline · compact: the headline alone.
 */
export type CardVariant = 'top' | 'lead' | 'row' | 'thumb' | 'compact';

const CARD_SIZES: Readonly<Record<Exclude<CardVariant, 'compact'>, string>> = {
  top: '(min-width: 64rem) 40rem, 100vw',
  lead: '(min-width: 40rem) 20rem, 100vw',
  row: '(min-width: 40rem) 16rem, 40vw',
  thumb: '6rem',
};

export function Card(props: { card: ArticleCard; chrome: Chrome; variant?: CardVariant; eager?: boolean; level?: 2 | 3 }) {
  const c = props.card;
  const variant = props.variant ?? 'lead';
  const H = props.level === 2 ? 'h2' : 'h3';
  return (
    <article class={`card card-${variant}`}>
      {c.image && variant !== 'compact' ? (
        <a class="card-media" href={c.href} tabindex={-1} aria-hidden="true">
          <Picture image={c.image} sizes={CARD_SIZES[variant]} eager={props.eager ?? false} />
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
        {variant === 'compact' || variant === 'thumb' ? null : <p class="card-lead">{c.lead}</p>}
      </div>
    </article>
  );
}

export function CardList(props: {
  cards: readonly ArticleCard[];
  chrome: Chrome;
  variant?: Exclude<CardVariant, 'top'>;
  level?: 2 | 3;
  /** A ranking: an ordered list with each card's number shown. */
  ranked?: boolean;
}) {
  const variant = props.variant ?? 'lead';
  const items = props.cards.map((c, i) => (
    <li>
      {props.ranked ? <span class="rank">{i + 1}</span> : null}
      <Card card={c} chrome={props.chrome} variant={variant} level={props.level ?? 3} />
    </li>
  ));
  return props.ranked ? <ol class={`cards cards-${variant} cards-ranked`}>{items}</ol> : <ul class={`cards cards-${variant}`}>{items}</ul>;
}

/** The sidebar's most popular block of every page but the home (which leaves out what it shows twice). */
export function PopularList(props: { chrome: Chrome }) {
  const { chrome } = props;
  return <PopularBlock chrome={chrome} today={chrome.popular} week={chrome.popularWeek} />;
}

/**
 * Most popular, ranked and numbered, for today and for the week: two `<details>` of one group
 * (one open at a time where the browser knows `name`; both work without script).
 */
export function PopularBlock(props: { chrome: Chrome; today: readonly ArticleCard[]; week: readonly ArticleCard[] }) {
  const { chrome, today, week } = props;
  const s = chrome.strings;
  if (today.length === 0 && week.length === 0) return null;
  const periods = [
    { id: 'today', label: s.today, cards: today },
    { id: 'week', label: s.thisWeek, cards: week },
  ].filter((p) => p.cards.length > 0);
  return (
    <aside class="popular" aria-labelledby="popular-heading">
      <h2 id="popular-heading">{s.popular}</h2>
      {periods.map((p, i) => (
        <details class={`popular-period popular-${p.id}`} name="popular" open={i === 0}>
          <summary>{p.label}</summary>
          <Ranked cards={p.cards} />
        </details>
      ))}
      <p class="see-all">
        <a href={chrome.homeHref.replace(/\/$/, '/popular')}>{s.seeAll}</a>
      </p>
    </aside>
  );
}

/** A ranking: the number, a small photo, the headline and the time. */
export function Ranked(props: { cards: readonly ArticleCard[] }) {
  return (
    <ol class="ranked">
      {props.cards.map((c, i) => (
        <li>
          <span class="rank">{i + 1}</span>
          <div class="ranked-text">
            <a href={c.href}>{c.headline}</a> <Time iso={c.time.iso} text={c.time.text} />
          </div>
          {c.image ? (
            <a class="ranked-media" href={c.href} tabindex={-1} aria-hidden="true">
              <Picture image={c.image} sizes="5rem" />
            </a>
          ) : null}
        </li>
      ))}
    </ol>
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
      <span aria-current="page">
        {pager.total ? fill(s.pageOf, { n: pager.page, total: pager.total }) : fill(s.pageN, { n: pager.page })}
      </span>
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
