// Cleaning of HTML pasted from Word, Google Docs and web pages, before TipTap parses it
// (editorProps.transformPastedHTML). DOMPurify keeps only the tags and attributes the editor's
// schema maps to body blocks; styles, classes, event handlers, scripts and unsafe URLs are gone.
// DOMPurify refuses linkedom's DOM, so test/e2e/editorPaste.test.ts runs it in Chromium.
import createDOMPurify from 'dompurify';

export const PASTE_TAGS = [
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'strike',
  'del',
  'code',
  'sub',
  'sup',
  'a',
  'span',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'hr',
  'figure',
  'figcaption',
  'div',
];
/** `lang` marks quotations; the data attributes carry the editor's own images and embeds. */
export const PASTE_ATTRIBUTES = ['href', 'lang', 'data-asset-id', 'data-embed-url', 'data-cite'];
const UNWRAP = 'data-hb-unwrap';
/** The body schema's link rule: web, mail and site-relative addresses only. */
const SAFE_URI = /^(?:https?:|mailto:|\/(?!\/))/i;
/** Word's clipboard carries its settings as XML and styles whose text must not become words. */
const DROP_WITH_CONTENT = [
  'xml',
  'style',
  'script',
  'head',
  'title',
  'meta',
  'link',
  'template',
  'noscript',
  'iframe',
  'object',
  'svg',
  'math',
];

/**
 * Text styles that Word and Google Docs express only with `style` become the tags the editor knows
 * (they are wrapped inside the span, which is itself unwrapped later); Word's list bullets
 * (`mso-list:Ignore`) and Google Docs' whole-document `<b style="font-weight:normal">` are undone.
 */
function styleToTags(node: Node, doc: Document): void {
  if (node.nodeType !== 1) return;
  const el = node as Element;
  const style = (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  if (!style) return;
  if (style.includes('mso-list:ignore')) {
    el.textContent = '';
    return;
  }
  const tag = el.tagName.toLowerCase();
  if (tag === 'b' && style.includes('font-weight:normal')) {
    // Removing the node here would skip its children; it is marked and unwrapped once clean.
    el.setAttribute(UNWRAP, '');
    return;
  }
  if (tag !== 'span') return;
  const wrappers: string[] = [];
  if (/font-weight:(bold|[6-9]00)/.test(style)) wrappers.push('strong');
  if (style.includes('font-style:italic')) wrappers.push('em');
  if (style.includes('text-decoration:underline') || style.includes('text-decoration-line:underline')) wrappers.push('u');
  if (style.includes('line-through')) wrappers.push('s');
  if (style.includes('vertical-align:sub')) wrappers.push('sub');
  if (style.includes('vertical-align:super')) wrappers.push('sup');
  for (const wrapper of wrappers) el.replaceChildren(wrapIn(doc, wrapper, el));
}

function wrapIn(doc: Document, tag: string, parent: Element): Element {
  const wrapper = doc.createElement(tag);
  wrapper.append(...Array.from(parent.childNodes));
  return wrapper;
}

export type PasteCleaner = (html: string) => string;

/** A cleaner bound to a window. */
export function createPasteCleaner(window: Window & typeof globalThis): PasteCleaner {
  const purifier = createDOMPurify(window);
  // An unsupported DOM makes DOMPurify return its input untouched: refuse rather than pass raw HTML.
  if (!purifier.isSupported) throw new Error('DOMPurify cannot run in this environment');
  purifier.addHook('uponSanitizeElement', (node) => styleToTags(node, window.document));
  return (html) => {
    const clean = purifier.sanitize(html, {
      ALLOWED_TAGS: PASTE_TAGS,
      ALLOWED_ATTR: [...PASTE_ATTRIBUTES, UNWRAP],
      ALLOWED_URI_REGEXP: SAFE_URI,
      // DOMPurify checks every other attribute's value against the URI rule; these are plain text.
      ADD_URI_SAFE_ATTR: ['lang', 'data-asset-id', 'data-cite', UNWRAP],
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      FORBID_CONTENTS: DROP_WITH_CONTENT,
      RETURN_DOM_FRAGMENT: true,
    });
    for (const el of Array.from(clean.querySelectorAll(`[${UNWRAP}]`))) el.replaceWith(...Array.from(el.childNodes));
    const holder = window.document.createElement('div');
    holder.append(clean);
    return holder.innerHTML;
  };
}
