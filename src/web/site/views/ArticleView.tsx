import type { ArticlePage, PageData } from '../../../services/pageModels.ts';
import { fill, type UiStrings } from '../../../editions/uiStrings.ts';
import { Blocks, Figure } from './Blocks.tsx';
import { CardList, Time } from './Cards.tsx';
import { Layout } from './Layout.tsx';
import { AuthorCard } from './AuthorCard.tsx';
import { ReaderSettings } from './ReaderSettings.tsx';

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
            {body.updated ? (
              <>
                {' '}
                ·{' '}
                <span class="updated">
                  {fill(s.updated, { time: '' })}
                  <Time iso={body.updated.iso} text={body.updated.text} />
                </span>
              </>
            ) : null}
          </p>
          {body.correction ? <p class="correction">{fill(s.correction, { note: body.correction })}</p> : null}
          <p class="article-lead">{a.lead}</p>
          <ReaderSettings strings={s} />
        </header>
        {a.image ? <Figure image={a.image} eager /> : null}
        <div class="article-body">
          <Blocks blocks={body.blocks} strings={s} />
        </div>
        {body.sourceLine ? <p class="source-line">{body.sourceLine}</p> : null}
        <ShareLinks url={head.canonical} title={a.headline} strings={s} />
        {body.tags.length > 0 ? (
          <nav class="tags" aria-label={s.tags}>
            <h2 class="visually-hidden">{s.tags}</h2>
            <ul>
              {body.tags.map((t) => (
                <li>
                  <a href={t.href}>{t.text}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {body.authors.length > 0 ? (
          <section class="authors" aria-label={s.authors}>
            {body.authors.map((au) => (
              <AuthorCard author={au} />
            ))}
          </section>
        ) : null}
      </article>
      {body.moreFromSection.length > 0 ? (
        <section class="more" aria-labelledby="more-heading">
          <h2 id="more-heading">{fill(s.moreFrom, { section: a.section.text })}</h2>
          <CardList cards={body.moreFromSection} chrome={chrome} variant="compact" />
          <p class="see-all">
            <a href={body.sectionHref}>{s.seeAll}</a>
          </p>
        </section>
      ) : null}
      {body.related.length > 0 ? (
        <section class="related" aria-labelledby="related-heading">
          <h2 id="related-heading">{s.related}</h2>
          <CardList cards={body.related} chrome={chrome} variant="lead" />
        </section>
      ) : null}
    </Layout>
  );
}

/** Plain share links (no third-party script, nothing sent before a click); the copy button needs JavaScript, so it starts hidden. */
function ShareLinks(props: { url: string; title: string; strings: UiStrings }) {
  const s = props.strings;
  const u = encodeURIComponent(props.url);
  const t = encodeURIComponent(props.title);
  const networks = [
    ['Telegram', `https://t.me/share/url?url=${u}&text=${t}`],
    ['WhatsApp', `https://wa.me/?text=${t}%20${u}`],
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${u}`],
    ['X', `https://x.com/intent/post?url=${u}&text=${t}`],
  ] as const;
  return (
    <section class="share" aria-label={s.share}>
      <h2 class="share-title">{s.share}</h2>
      <ul>
        {networks.map(([name, href]) => (
          <li>
            <a
              class={`share-${name.toLowerCase()}`}
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={fill(s.shareOn, { network: name })}
            >
              {name}
            </a>
          </li>
        ))}
        <li>
          <button type="button" class="share-copy" data-url={props.url} data-done={s.linkCopied} hidden>
            {s.copyLink}
          </button>
        </li>
      </ul>
    </section>
  );
}
