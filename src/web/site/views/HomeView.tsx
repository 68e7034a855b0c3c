import type { HomePage, PageData } from '../../../services/pageModels.ts';
import { Card, CardList } from './Cards.tsx';
import { Layout } from './Layout.tsx';

export function HomeView(props: { page: PageData<HomePage> }) {
  const { chrome, head, body } = props.page;
  const s = chrome.strings;
  return (
    <Layout chrome={chrome} head={head}>
      <h1 class="visually-hidden">{s.siteName}</h1>
      {body.top ? (
        <section class="top" aria-label={s.topStory}>
          <Card card={body.top} chrome={chrome} variant="top" eager level={2} />
          <CardList cards={body.leads} chrome={chrome} />
        </section>
      ) : (
        <p>{s.noArticles}</p>
      )}
      {body.latest.length > 0 ? (
        <section class="latest" aria-labelledby="latest-heading">
          <h2 id="latest-heading">{s.latest}</h2>
          <CardList cards={body.latest} chrome={chrome} variant="compact" />
          <p class="see-all">
            <a href={body.latestHref}>{s.seeAll}</a>
          </p>
        </section>
      ) : null}
      {body.sections.map((b, i) => (
        <section class="section-block" aria-labelledby={`section-${i}`}>
          <h2 id={`section-${i}`}>
            <a href={b.section.href}>{b.section.text}</a>
          </h2>
          <CardList cards={b.cards} chrome={chrome} />
          <p class="see-all">
            <a href={b.section.href}>{s.seeAll}</a>
          </p>
        </section>
      ))}
    </Layout>
  );
}
