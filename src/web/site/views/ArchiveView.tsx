// The archive: the edition's recent days with articles, newest first, each leading to its day.
import type { ArchivePage, PageData } from '../../../services/pageModels.ts';
import { Layout } from './Layout.tsx';

export function ArchiveView(props: { page: PageData<ArchivePage> }) {
  const { chrome, head, body } = props.page;
  return (
    <Layout chrome={chrome} head={head}>
      <header class="list-head">
        <h1>{body.heading}</h1>
      </header>
      {body.days.length > 0 ? (
        <ul class="archive-days">
          {body.days.map((d) => (
            <li>
              <a href={d.href}>
                <time datetime={d.iso}>{d.text}</time>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{chrome.strings.noArticles}</p>
      )}
    </Layout>
  );
}
