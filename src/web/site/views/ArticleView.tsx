import type { ArticlePage, PageData } from '../../../services/pageModels.ts';
import { fill } from '../../../editions/uiStrings.ts';
import { Blocks, Figure } from './Blocks.tsx';
import { CardList, Time } from './Cards.tsx';
import { Layout } from './Layout.tsx';

export function ArticleView(props: { page: PageData<ArticlePage> }) {
  const { chrome, head, body, beacon } = props.page;
  const s = chrome.strings;
  const a = body.card;
  return (
    <Layout chrome={chrome} head={head} beacon={beacon}>
      <article class="article">
        <header class="article-head">
          <p class="article-section">
            {a.breaking ? <strong class="badge">{s.breaking}</strong> : null}
            <a href={body.sectionHref}>{a.section.text}</a>
          </p>
          <h1>{a.headline}</h1>
          <p class="article-time">
            <Time iso={a.time.iso} text={a.time.text} />
            {body.updated ? <> · <span class="updated">{fill(s.updated, { time: '' })}<Time iso={body.updated.iso} text={body.updated.text} /></span></> : null}
          </p>
          {body.correction ? <p class="correction">{fill(s.correction, { note: body.correction })}</p> : null}
          <p class="article-lead">{a.lead}</p>
        </header>
        {a.image ? <Figure image={a.image} eager /> : null}
        <div class="article-body">
          <Blocks blocks={body.blocks} />
        </div>
        {body.sourceLine ? <p class="source-line">{body.sourceLine}</p> : null}
        {body.tags.length > 0 ? (
          <nav class="tags" aria-label={s.tags}>
            <h2 class="visually-hidden">{s.tags}</h2>
            <ul>{body.tags.map((t) => <li><a href={t.href}>{t.text}</a></li>)}</ul>
          </nav>
        ) : null}
        {body.authors.length > 0 ? (
          <section class="authors" aria-label={s.authors}>
            {body.authors.map((au) => (
              <div class="author-card">
                <p class="author-name"><a href={au.href} rel="author">{au.name}</a></p>
                <p class="author-role">{au.role}</p>
              </div>
            ))}
          </section>
        ) : null}
      </article>
      {body.moreFromSection.length > 0 ? (
        <section class="more" aria-labelledby="more-heading">
          <h2 id="more-heading">{fill(s.moreFrom, { section: a.section.text })}</h2>
          <CardList cards={body.moreFromSection} chrome={chrome} variant="compact" />
          <p class="see-all"><a href={body.sectionHref}>{s.seeAll}</a></p>
        </section>
      ) : null}
    </Layout>
  );
}
