// A static page of the agency ("About", "Contacts", …): its title and body blocks, nothing else of
// an article (no time line, share links, tags or lists).
import { fill } from '../../../editions/uiStrings.ts';
import type { PageData } from '../../../services/pageModels.ts';
import type { StaticPage } from '../../../services/reader/staticPage.ts';
import { Blocks } from './Blocks.tsx';
import { Time } from './Cards.tsx';
import { Layout } from './Layout.tsx';

export function StaticPageView(props: { page: PageData<StaticPage> }) {
  const { chrome, head, body } = props.page;
  return (
    <Layout chrome={chrome} head={head}>
      <article class="article static-page">
        <header class="article-head">
          <h1>{body.title}</h1>
          {body.updated ? (
            <p class="article-time">
              <span class="updated">
                {fill(chrome.strings.updated, { time: '' })}
                <Time iso={body.updated.iso} text={body.updated.text} />
              </span>
            </p>
          ) : null}
        </header>
        <div class="article-body">
          <Blocks blocks={body.blocks} />
        </div>
      </article>
    </Layout>
  );
}
