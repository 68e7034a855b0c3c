// The footer of every reader page (one landmark, `contentinfo`: its columns are not navs, whose
// names would repeat the header's): the agency's pages and the archive of days, the sections, the edition's RSS feeds,
// social links and apps, then the copyright line. `data-url` is printed under the story by the
// print stylesheet (never shown on screen).
import { fill } from '../../../editions/uiStrings.ts';
import type { Chrome, Link } from '../../../services/pageModels.ts';

export function Footer({ chrome, url }: { chrome: Chrome; url: string }) {
  const s = chrome.strings;
  const f = chrome.footer;
  return (
    <footer class="site-footer" data-url={url}>
      <div class="footer-columns">
        <FooterColumn id="footer-agency" heading={s.footerAgency} links={[...f.pages, { href: chrome.archiveHref, text: s.archive }]} />
        <FooterColumn id="footer-sections" heading={s.sectionsMenu} links={f.sections} />
        <FooterColumn id="footer-feeds" heading={s.footerFeeds} links={f.feeds} />
        <FooterColumn id="footer-follow" heading={s.footerFollow} links={f.social} outside />
        <FooterColumn id="footer-apps" heading={s.footerApps} links={f.apps} outside />
      </div>
      <p class="footer-copy">{fill(s.footer, { year: chrome.year, site: s.siteName })}</p>
    </footer>
  );
}

function FooterColumn(props: { id: string; heading: string; links: readonly Link[]; outside?: boolean }) {
  if (props.links.length === 0) return null;
  return (
    <div class="footer-column">
      <h2 id={props.id}>{props.heading}</h2>
      <ul>
        {props.links.map((l) => (
          <li>
            <a href={l.href} {...(props.outside ? { rel: 'noopener', dir: 'ltr' } : {})}>
              {l.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
