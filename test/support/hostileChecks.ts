// Checks shared by the hostile-content suites: is a piece of HTML inert (nothing a payload could
// have made: no handler attribute, no script or frame, no script URL), and what text does an HTML
// string show a reader.
import assert from 'node:assert/strict';
import { dom } from './site.ts';

/** Elements no text field can legitimately produce on our pages or in our feeds. */
const FORBIDDEN_TAGS = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'style',
  'details',
  'svg',
  'math',
  'circle',
  'foreignobject',
  'x',
  'marquee',
  'isindex',
]);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'srcset', 'data', 'background', 'xlink:href', 'ping', 'cite'];
const SCRIPT_URL = /^(javascript|vbscript|data):/;

/**
 * Asserts that no element under `root` is one a payload could have injected. `ownScripts` says
 * which `<script>` elements the page itself has (external files of ours, JSON-LD data blocks).
 */
export function assertInert(root: ParentNode, label: string, ownScripts: 'page' | 'none' = 'page'): void {
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    // The page's own disclosures in the site header (a phone's search icon and menu), never in <main>.
    const ownSearch =
      tag === 'details' &&
      ['header-search', 'site-menu'].includes(el.getAttribute('class') ?? '') &&
      el.closest('main') === null &&
      el.closest('header.masthead') !== null;
    // Most popular's two periods (views/Cards.tsx PopularBlock), children of its own aside.
    const ownPopular =
      tag === 'details' &&
      (el.getAttribute('class') ?? '').startsWith('popular-period ') &&
      el.parentElement?.matches('aside.popular') === true;
    // The wordmark: the masthead's logo link holds the site's own SVG (views/Wordmark.tsx).
    const ownLogo = el.closest('svg.logo') !== null && el.closest('header.masthead a.brand') !== null && el.closest('main') === null;
    // The search and menu icons: the site's own SVG in the summaries of those two disclosures.
    const ownIcon =
      el.closest('svg.icon') !== null &&
      el.closest('header.masthead details.header-search > summary, header.masthead details.site-menu > summary') !== null &&
      el.closest('main') === null;
    assert.ok(
      ownSearch || ownPopular || ownLogo || ownIcon || !FORBIDDEN_TAGS.has(tag),
      `${label}: an injected <${tag}>: ${el.outerHTML.slice(0, 200)}`,
    );
    for (const attr of [...el.attributes]) {
      assert.ok(!/^on/i.test(attr.name), `${label}: an event handler attribute ${attr.name}="${attr.value}" on <${tag}>`);
      if (URL_ATTRIBUTES.includes(attr.name.toLowerCase())) {
        // eslint-disable-next-line no-control-regex -- browsers skip them in a URL's scheme
        const url = attr.value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
        assert.ok(!SCRIPT_URL.test(url), `${label}: a script URL ${attr.name}="${attr.value}" on <${tag}>`);
        assert.ok(
          !/^[/\\]{2}/.test(url) && !url.startsWith('/\\'),
          `${label}: a protocol-relative URL ${attr.name}="${attr.value}" on <${tag}>`,
        );
      }
    }
    if (tag === 'meta') assert.notEqual(el.getAttribute('http-equiv')?.toLowerCase(), 'refresh', `${label}: a meta refresh`);
    if (tag === 'script') {
      assert.equal(ownScripts, 'page', `${label}: a <script> in content: ${el.outerHTML.slice(0, 200)}`);
      const ours =
        ((el.getAttribute('src') ?? '').startsWith('/assets/') && !el.textContent?.trim()) ||
        (el.getAttribute('type') === 'application/ld+json' && !el.hasAttribute('src'));
      assert.ok(ours, `${label}: a script that is not ours: ${el.outerHTML.slice(0, 200)}`);
      if (el.getAttribute('type') === 'application/ld+json') JSON.parse(el.textContent ?? ''); // throws when broken
    }
    if (tag === 'link' && el.hasAttribute('href')) {
      assert.ok(/^\/[^/\\]|^https:\/\/habarshy\.test\//.test(el.getAttribute('href')!), `${label}: a <link> elsewhere: ${el.outerHTML}`);
    }
  }
}

/** The document of an HTML fragment (a feed's HTML, an API's rendered body). */
export function fragment(html: string): Element {
  return dom(`<!DOCTYPE html><html><head><title>f</title></head><body>${html}</body></html>`).body;
}

/**
 * A feed text read as HTML (which is how feed readers show RSS and Atom titles and summaries):
 * the text a reader sees, and how many elements it made.
 */
export function asHtml(text: string): { text: string; elements: number } {
  const body = fragment(text);
  return { text: body.textContent ?? '', elements: body.querySelectorAll('*').length };
}

/** Every text node under `root` holding a bidi control, with the element it sits in. */
export function textNodesWith(root: Node, pattern: RegExp): Element[] {
  const found: Element[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3 && pattern.test(n.textContent ?? '')) found.push(n.parentNode as Element);
    n.childNodes.forEach(walk);
  };
  walk(root);
  return found;
}
