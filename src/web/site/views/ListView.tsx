import type { ListPage, PageData } from '../../../services/pageModels.ts';
import { CardList, PagerNav } from './Cards.tsx';
import { Layout } from './Layout.tsx';
import { AuthorProfile } from './AuthorCard.tsx';

export function ListView(props: { page: PageData<ListPage> }) {
  const { chrome, head, body } = props.page;
  const s = chrome.strings;
  // The most-popular page shows its two rankings itself, not again in the sidebar.
  const ranking = body.week !== undefined;
  return (
    <Layout chrome={chrome} head={head} aside={!(ranking && body.cards.length + (body.week?.length ?? 0) > 0)}>
      <header class="list-head">
        <h1>{body.heading}</h1>
        {body.author ? <AuthorProfile author={body.author} /> : null}
        {body.archive ? (
          <p class="archive-link">
            <a href={body.archive.href}>{body.archive.text}</a>
          </p>
        ) : null}
      </header>
      {ranking ? (
        <div class="rankings">
          {[
            { id: 'today', label: s.today, cards: body.cards },
            { id: 'week', label: s.thisWeek, cards: body.week ?? [] },
          ]
            .filter((p) => p.cards.length > 0)
            .map((p) => (
              <section class={`ranking ranking-${p.id}`} aria-labelledby={`ranking-${p.id}`}>
                <h2 id={`ranking-${p.id}`}>{p.label}</h2>
                <CardList cards={p.cards} chrome={chrome} variant="row" ranked />
              </section>
            ))}
        </div>
      ) : null}
      {ranking && body.cards.length + (body.week?.length ?? 0) > 0 ? null : body.cards.length > 0 ? (
        <CardList cards={body.cards} chrome={chrome} variant="row" level={2} />
      ) : (
        <p>{s.noArticles}</p>
      )}
      {body.pager ? <PagerNav pager={body.pager} chrome={chrome} /> : null}
      {body.dayNav ? (
        <nav class="pager" aria-label={s.pagination}>
          {body.dayNav.prev ? (
            <a rel="prev" href={body.dayNav.prev.href}>
              {body.dayNav.prev.text}
            </a>
          ) : (
            <span />
          )}
          {body.dayNav.next ? (
            <a rel="next" href={body.dayNav.next.href}>
              {body.dayNav.next.text}
            </a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </Layout>
  );
}
