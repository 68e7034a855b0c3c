import type { ListPage, PageData } from '../../../services/pageModels.ts';
import { CardList, PagerNav } from './Cards.tsx';
import { Layout } from './Layout.tsx';
import { AuthorProfile } from './AuthorCard.tsx';

export function ListView(props: { page: PageData<ListPage> }) {
  const { chrome, head, body } = props.page;
  return (
    <Layout chrome={chrome} head={head} aside={!(body.cards.length > 0 && head.canonical.endsWith('/popular'))}>
      <header class="list-head">
        <h1>{body.heading}</h1>
        {body.author ? <AuthorProfile author={body.author} /> : null}
        {body.archive ? (
          <p class="archive-link">
            <a href={body.archive.href}>{body.archive.text}</a>
          </p>
        ) : null}
      </header>
      {body.cards.length > 0 ? <CardList cards={body.cards} chrome={chrome} level={2} /> : <p>{chrome.strings.noArticles}</p>}
      {body.pager ? <PagerNav pager={body.pager} chrome={chrome} /> : null}
      {body.dayNav ? (
        <nav class="pager" aria-label={chrome.strings.pagination}>
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
