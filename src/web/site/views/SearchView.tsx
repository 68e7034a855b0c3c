import type { PageData } from '../../../services/pageModels.ts';
import type { SearchPage } from '../../../services/search.ts';
import { CardList, PagerNav } from './Cards.tsx';
import { Layout } from './Layout.tsx';

export function SearchView(props: { page: PageData<SearchPage> }) {
  const { chrome, head, body } = props.page;
  const s = chrome.strings;
  return (
    <Layout chrome={chrome} head={head}>
      <header class="list-head">
        <h1>{body.heading}</h1>
        <form class="search-form" role="search" action={body.action} method="get">
          <label for="search-q">{s.searchLabel}</label>{' '}
          <input id="search-q" type="search" name="q" value={body.query} maxlength={body.maxLength} required />{' '}
          <button type="submit">{s.search}</button>
        </form>
      </header>
      {body.resultsHeading ? <h2 class="search-results">{body.resultsHeading}</h2> : null}
      {body.message ? <p class="search-message">{body.message}</p> : null}
      {body.cards.length > 0 ? <CardList cards={body.cards} chrome={chrome} level={3} /> : null}
      {body.pager ? <PagerNav pager={body.pager} chrome={chrome} /> : null}
    </Layout>
  );
}
