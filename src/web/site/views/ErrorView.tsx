import type { Chrome } from '../../../services/pageModels.ts';
import { Layout } from './Layout.tsx';

export type ErrorKind = 'notFound' | 'badRequest' | 'unavailable' | 'error';

export function ErrorView(props: { chrome: Chrome; kind: ErrorKind; canonical: string }) {
  const { chrome } = props;
  const s = chrome.strings;
  const [title, text] =
    props.kind === 'notFound'
      ? [s.notFoundTitle, s.notFoundText]
      : props.kind === 'badRequest'
        ? [s.badRequestTitle, s.badRequestText]
        : props.kind === 'unavailable'
          ? [s.unavailableTitle, s.unavailableText]
          : [s.errorTitle, s.errorText];
  return (
    <Layout
      chrome={chrome}
      head={{
        title: `${title} | ${s.siteName}`,
        description: text,
        canonical: props.canonical,
        alternates: [],
        ogType: 'website',
        image: null,
        robots: 'noindex',
      }}
    >
      <div class="error-page">
        <h1>{title}</h1>
        <p>{text}</p>
        <p>
          <a href={chrome.homeHref}>{s.backHome}</a> · <a href={chrome.homeHref.replace(/\/$/, '/latest')}>{s.latest}</a>
        </p>
      </div>
    </Layout>
  );
}
