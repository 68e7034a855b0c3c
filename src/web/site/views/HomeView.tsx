import type { ArticleCard, Chrome, HomePage, PageData } from '../../../services/pageModels.ts';
import { Card, CardList, PopularBlock } from './Cards.tsx';
import { Layout } from './Layout.tsx';

/**
 * Section blocks take turns between layouts, so that the page does not read as one grid repeated:
 * a feature (one large story, the rest as headlines), a row of photos, a list with thumbnails,
 * and a pair of stories above headlines.
 */
const SECTION_LAYOUTS = ['feature', 'row', 'list', 'pair'] as const;
type SectionLayout = (typeof SECTION_LAYOUTS)[number];

export function HomeView(props: { page: PageData<HomePage> }) {
  const { chrome, head, body } = props.page;
  const s = chrome.strings;
  return (
    <Layout chrome={chrome} head={head} aside={false}>
      <h1 class="visually-hidden">{s.siteName}</h1>
      <div class="home">
        {body.breaking.length > 0 ? (
          <section class="breaking" aria-labelledby="breaking-heading">
            <h2 id="breaking-heading" class="breaking-label">
              {s.breaking}
            </h2>
            <ul>
              {body.breaking.map((b) => (
                <li>
                  <time datetime={b.card.time.iso}>{b.clock}</time> <a href={b.card.href}>{b.card.headline}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {body.top ? (
          <section class="top" aria-label={s.topStory}>
            <Card card={body.top} chrome={chrome} variant="top" eager level={2} />
            {body.leads.length > 0 ? <CardList cards={body.leads} chrome={chrome} /> : null}
          </section>
        ) : (
          <p class="top">{s.noArticles}</p>
        )}
        {body.feed.length > 0 ? (
          <section class="feed" aria-labelledby="feed-heading">
            <h2 id="feed-heading">
              <a href={body.latestHref}>{s.latest}</a>
            </h2>
            {body.feed.map((group) => (
              <>
                <p class="feed-day">{group.day}</p>
                <ol>
                  {group.items.map((f) => (
                    <li>
                      <time datetime={f.card.time.iso}>{f.clock}</time>
                      <a href={f.card.href}>
                        {f.card.breaking ? <strong class="badge">{s.breaking}</strong> : null}
                        {f.card.headline}
                      </a>
                    </li>
                  ))}
                </ol>
              </>
            ))}
            <p class="see-all">
              <a href={body.latestHref}>{s.seeAll}</a>
            </p>
          </section>
        ) : null}
        <div class="home-side">
          <PopularBlock chrome={chrome} today={body.popular.today} week={body.popular.week} />
          {body.picks.length > 0 ? (
            <section class="picks" aria-labelledby="picks-heading">
              <h2 id="picks-heading">{s.editorsPicks}</h2>
              <CardList cards={body.picks} chrome={chrome} variant="thumb" />
            </section>
          ) : null}
        </div>
        <div class="home-sections">
          {body.sections.map((b, i) => (
            <SectionBlock
              id={`section-${i}`}
              section={b.section}
              cards={b.cards}
              chrome={chrome}
              layout={SECTION_LAYOUTS[i % SECTION_LAYOUTS.length]!}
            />
          ))}
        </div>
      </div>
    </Layout>
  );
}

function SectionBlock(props: {
  id: string;
  section: { href: string; text: string };
  cards: readonly ArticleCard[];
  chrome: Chrome;
  layout: SectionLayout;
}) {
  const { cards, chrome, layout } = props;
  const big = layout === 'feature' ? 1 : layout === 'pair' ? 2 : 0;
  return (
    <section class={`section-block section-${layout}`} aria-labelledby={props.id}>
      <h2 id={props.id}>
        <a href={props.section.href}>{props.section.text}</a>
      </h2>
      {big > 0 ? (
        <>
          <CardList cards={cards.slice(0, big)} chrome={chrome} />
          {cards.length > big ? <CardList cards={cards.slice(big)} chrome={chrome} variant="compact" /> : null}
        </>
      ) : (
        <CardList cards={cards} chrome={chrome} variant={layout === 'list' ? 'thumb' : 'lead'} />
      )}
      <p class="see-all">
        <a href={props.section.href}>{chrome.strings.seeAll}</a>
      </p>
    </section>
  );
}
