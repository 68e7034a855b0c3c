// The language menu: in the bar on wide screens, inside the phone menu on phones (then another
// class, so each page has one `nav.langs`). Each item leads to the same place in that edition
// (services/reader/kit.ts `chrome`); the script switch (uz ↔ uz-latn) follows it.
import type { Chrome } from '../../../services/pageModels.ts';

export function LanguageMenu({ chrome, inMenu }: { chrome: Chrome; inMenu?: boolean }) {
  return (
    <>
      <nav class={inMenu ? 'menu-langs' : 'langs'} aria-label={chrome.strings.languageMenu}>
        <ul>
          {chrome.languages.map((l) => (
            <li>
              <a href={l.href} lang={l.lang} hreflang={l.lang} aria-current={l.current ? 'true' : undefined}>
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {chrome.scriptSwitch ? (
        <a class="script-switch" href={chrome.scriptSwitch.href}>
          {chrome.scriptSwitch.text}
        </a>
      ) : null}
    </>
  );
}
