import type { PageData } from '../../../services/pageModels.ts';
import type { SearchPage } from '../../../services/search.ts';
import { PagerNav, Time } from './Cards.tsx';
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
          <input id="search-q" type="search" name="q" value={body.query} maxlength={body.maxLength} required dir="auto" />{' '}
          {body.filters ? (
            <>
              <label for="search-section">{s.searchSection}</label>{' '}
              <select id="search-section" name="section">
                {body.filters.sections.map((c) => (
                  <option value={c.value} selected={c.selected}>
                    {c.text}
                  </option>
                ))}
              </select>{' '}
              <label for="search-period">{s.searchPeriod}</label>{' '}
              <select id="search-period" name="period">
                {body.filters.periods.map((c) => (
                  <option value={c.value} selected={c.selected}>
                    {c.text}
                  </option>
                ))}
              </select>{' '}
              {body.filters.order === 'newest' ? <input type="hidden" name="order" value="newest" /> : null}
            </>
          ) : null}
          <button type="submit">{s.search}</button>
        </form>
      </header>
      {body.resultsHeading ? <h2 class="search-results">{body.resultsHeading}</h2> : null}
      {body.count || body.orders.length > 0 ? (
        <p class="search-summary">
          {body.count ? <span class="search-count">{body.count}</span> : null}{' '}
          {body.orders.map((o) =>
            o.current ? (
              <strong class="search-order" aria-current="true">
                {o.text}
              </strong>
            ) : (
              <a class="search-order" href={o.href}>
                {o.text}
              </a>
            ),
          )}
        </p>
      ) : null}
      {body.corrected ? <p class="search-corrected">{body.corrected}</p> : null}
      {body.message ? <p class="search-message">{body.message}</p> : null}
      {body.elsewhere.length > 0 ? (
        <nav class="search-elsewhere" aria-labelledby="search-elsewhere">
          <h2 id="search-elsewhere">{s.searchAllEditions}</h2>
          <ul>
            {body.elsewhere.map((x) => (
              <li>
                <a href={x.href} hreflang={x.lang}>
                  {x.text}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {body.hits.length > 0 ? (
        <ol class="search-hits">
          {body.hits.map(({ card: c, snippet }) => (
            <li>
              <article class="card search-hit">
                <p class="card-meta">
                  <a href={c.section.href}>{c.section.text}</a> <Time iso={c.time.iso} text={c.time.text} />
                </p>
                <h3 class="card-title">
                  <a href={c.href}>{c.headline}</a>
                </h3>
                <p class="card-lead">{c.lead}</p>
                {snippet.length > 0 ? <p class="snippet">{snippet.map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}</p> : null}
              </article>
            </li>
          ))}
        </ol>
      ) : null}
      {body.pager ? <PagerNav pager={body.pager} chrome={chrome} /> : null}
    </Layout>
  );
}
