// The frame of every reader page: head, masthead with language and section menus, footer.
import type { ComponentChildren } from 'preact';
import type { Chrome, Head } from '../../../services/pageModels.ts';
import { PopularList } from './Cards.tsx';
import { JsonLd } from './JsonLd.tsx';
import { fontScriptOf } from '../fonts.ts';
import { LanguageMenu } from './LanguageMenu.tsx';
import { Wordmark } from './Wordmark.tsx';
import { Footer } from './Footer.tsx';

export function Layout(props: {
  chrome: Chrome;
  head: Head;
  children: ComponentChildren;
  beacon?: { publicId: string; edition: string } | undefined;
  aside?: boolean;
}) {
  const { chrome, head } = props;
  const s = chrome.strings;
  const e = chrome.edition;
  return (
    <html lang={e.lang} dir={e.dir} data-edition={e.code}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title}</title>
        <meta name="description" content={head.description} />
        {head.robots ? <meta name="robots" content={head.robots} /> : null}
        <meta name="color-scheme" content="light dark" />
        <link rel="canonical" href={head.canonical} />
        {head.alternates.map((a) => (
          <link rel="alternate" hreflang={a.hreflang} href={a.href} />
        ))}
        <meta property="og:site_name" content={s.siteName} />
        <meta property="og:type" content={head.ogType} />
        <meta property="og:title" content={head.title} />
        <meta property="og:description" content={head.description} />
        <meta property="og:url" content={head.canonical} />
        <meta property="og:locale" content={e.ogLocale} />
        {head.image ? <meta property="og:image" content={head.image} /> : null}
        {head.image && head.imageMeta ? (
          <>
            <meta property="og:image:width" content={String(head.imageMeta.width)} />
            <meta property="og:image:height" content={String(head.imageMeta.height)} />
            {head.imageMeta.alt ? <meta property="og:image:alt" content={head.imageMeta.alt} /> : null}
          </>
        ) : null}
        {head.article ? (
          <>
            <meta property="article:published_time" content={head.article.publishedTime} />
            <meta property="article:modified_time" content={head.article.modifiedTime} />
            {head.article.section ? <meta property="article:section" content={head.article.section} /> : null}
            {head.article.tags.map((t) => (
              <meta property="article:tag" content={t} />
            ))}
            {head.article.authors.map((a) => (
              <meta property="article:author" content={a} />
            ))}
          </>
        ) : null}
        <meta name="twitter:card" content={head.image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={head.title} />
        <meta name="twitter:description" content={head.description} />
        {head.image ? <meta name="twitter:image" content={head.image} /> : null}
        {head.image && head.imageMeta?.alt ? <meta name="twitter:image:alt" content={head.imageMeta.alt} /> : null}
        {(head.feeds ?? []).map((f) => (
          <link rel="alternate" type={f.type} title={f.title} href={f.href} />
        ))}
        <JsonLd data={head.jsonLd} />
        {(chrome.assets.preload[fontScriptOf(e.lang)] ?? []).map((href) => (
          <link rel="preload" href={href} as="font" type="font/woff2" crossorigin="anonymous" />
        ))}
        {/* Blocking on purpose (a few hundred bytes, cached for a year): the reader's text size and colours apply before the first paint. */}
        <script src={chrome.assets.prefs} />
        <link rel="stylesheet" href={chrome.assets.css} />
        <link rel="icon" href={chrome.assets.icon} type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
        <link rel="manifest" href={`/${e.code}/manifest.webmanifest`} />
        <meta name="theme-color" content="#0b5cad" />
        <script src={chrome.assets.script} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {s.skipToContent}
        </a>
        <header class="masthead">
          <div class="bar">
            <a class="brand" href={chrome.homeHref}>
              <Wordmark name={s.siteName} edition={e} />
            </a>
            <time class="date-line" datetime={chrome.dateLine.iso}>
              {chrome.dateLine.text}
            </time>
            <LanguageMenu chrome={chrome} />
            {/* A field on wide screens; on phones an icon that opens it (<details>: no script needed). */}
            <details class="header-search">
              <summary aria-label={s.searchOpen} title={s.searchOpen}>
                <svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
                  <circle cx="10.5" cy="10.5" r="6.5" />
                  <path d="M15.5 15.5 21 21" />
                </svg>
              </summary>
              <SearchForm chrome={chrome} id="header-q" landmark />
            </details>
            {/* Phones: one button opens every section, the language menu and search (no script needed). */}
            <details class="site-menu">
              <summary>
                <svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
                  <path d="M3 6h18M3 12h18M3 18h18" />
                </svg>{' '}
                {s.menu}
              </summary>
              <div class="menu-panel">
                <nav aria-label={s.menu}>
                  <ul class="menu-sections">
                    <SectionItems chrome={chrome} />
                  </ul>
                </nav>
                <SearchForm chrome={chrome} id="menu-q" />
                <LanguageMenu chrome={chrome} inMenu />
              </div>
            </details>
          </div>
          <nav class="sections" aria-label={s.sectionsMenu}>
            <ul>
              <SectionItems chrome={chrome} />
            </ul>
          </nav>
        </header>
        <div class="page">
          <main id="main" tabindex={-1} data-article={props.beacon?.publicId} data-edition={props.beacon?.edition}>
            {props.children}
          </main>
          {props.aside === false ? null : <PopularList chrome={chrome} />}
        </div>
        {props.beacon ? (
          <noscript>
            <img class="beacon" src={`/beacon?a=${props.beacon.publicId}&e=${props.beacon.edition}`} alt="" width={1} height={1} />
          </noscript>
        ) : null}
        <Footer chrome={chrome} url={head.canonical} />
      </body>
    </html>
  );
}

/** The header's form is the page's search landmark; the phone menu's copy is a plain form (one landmark, one name). */
function SearchForm({ chrome, id, landmark = false }: { chrome: Chrome; id: string; landmark?: boolean }) {
  const s = chrome.strings;
  return (
    <form role={landmark ? 'search' : undefined} action={chrome.homeHref.replace(/\/$/, '/search')} method="get">
      <label class="visually-hidden" for={id}>
        {s.searchLabel}
      </label>
      <input id={id} type="search" name="q" maxlength={200} required dir="auto" placeholder={s.search} />
      <button type="submit">{s.search}</button>
    </form>
  );
}

function SectionItems({ chrome }: { chrome: Chrome }) {
  return (
    <>
      {chrome.sections.map((x) => (
        <li>
          <a href={x.href} aria-current={x.current ? 'page' : undefined}>
            {x.text}
          </a>
        </li>
      ))}
      <li>
        <a href={chrome.homeHref.replace(/\/$/, '/latest')}>{chrome.strings.latest}</a>
      </li>
    </>
  );
}
