// How photos, embeds and galleries look inside the editor: plain DOM node views (ProseMirror owns
// this part of the page). A photo shows its picture and edits its caption, credit and alt in place.
import type { NodeViewRenderer, NodeViewRendererProps } from '@tiptap/core';
import type { Asset } from './types.ts';
import { get } from './net.ts';
import { fill, type EditorStrings } from './strings.ts';

const assetCache = new Map<number, Promise<Asset>>();

export function loadAsset(id: number): Promise<Asset> {
  let asset = assetCache.get(id);
  if (!asset) {
    asset = get<Asset>(`/media/${id}`);
    asset.catch(() => assetCache.delete(id));
    assetCache.set(id, asset);
  }
  return asset;
}

/** The smallest variant at least `width` pixels wide (WebP), or the original. */
export function assetUrl(asset: Asset, width = 480): string {
  const sizes = Object.keys(asset.urls.webp)
    .map(Number)
    .sort((a, b) => a - b);
  const size = sizes.find((w) => w >= width) ?? sizes[sizes.length - 1];
  return size !== undefined ? (asset.urls.webp[String(size)] ?? asset.urls.original) : asset.urls.original;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function setAttr(props: NodeViewRendererProps, name: string, value: string): void {
  const pos = typeof props.getPos === 'function' ? props.getPos() : undefined;
  if (typeof pos !== 'number') return;
  props.editor.commands.command(({ tr }) => {
    const node = tr.doc.nodeAt(pos);
    if (!node) return false;
    tr.setNodeMarkup(pos, undefined, { ...node.attrs, [name]: value });
    return true;
  });
}

/** Text inputs inside the node keep their own keys and clicks; ProseMirror ignores their changes. */
const ownEvents = {
  stopEvent: (event: Event) => event.target instanceof HTMLInputElement,
  ignoreMutation: () => true,
};

/**
 * A text field inside a node view that writes its node attribute on every keystroke. The view's
 * `update` keeps the same DOM for the new attributes (a redrawn view would take the focus from
 * the field being typed in, and the next keystrokes would land in the article text).
 */
function attrField(props: NodeViewRendererProps, name: string, label: string, testid: string, warn?: (value: string) => string | null) {
  const input = el('input', { type: 'text', value: String(props.node.attrs[name] ?? ''), disabled: !props.editor.isEditable });
  input.setAttribute('data-testid', testid);
  const warning = el('span', { className: 'ed-field-warning' });
  warning.setAttribute('role', 'status');
  warning.setAttribute('data-testid', `${testid}-warning`);
  const check = () => {
    const w = warn?.(input.value) ?? null;
    warning.textContent = w ?? '';
    warning.hidden = !w;
  };
  check();
  input.addEventListener('input', () => {
    setAttr(props, name, input.value);
    check();
  });
  const dom = el('label', { className: 'ed-figure-field' }, label, input, ...(warn ? [warning] : []));
  return {
    dom,
    input,
    /** Shows a value changed elsewhere (undo, a restore), never under the caret of the one typing. */
    show(value: unknown) {
      if (document.activeElement !== input && input.value !== String(value ?? '')) {
        input.value = String(value ?? '');
        check();
      }
      input.disabled = !props.editor.isEditable;
    },
  };
}

export function imageView(s: EditorStrings, labelWarning: (credit: string) => string | null): NodeViewRenderer {
  return (props) => {
    const attrs = props.node.attrs as { assetId: number; caption: string; credit: string; alt: string };
    const img = el('img', { alt: '', className: 'ed-figure-img' });
    img.setAttribute('data-testid', 'body-image');
    const fields = {
      caption: attrField(props, 'caption', s.imageCaption, 'image-caption'),
      credit: attrField(props, 'credit', s.imageCredit, 'image-credit', labelWarning),
      alt: attrField(props, 'alt', s.imageAlt, 'image-alt'),
    };
    const dom = el(
      'figure',
      { className: 'ed-figure', contentEditable: 'false' },
      img,
      el('span', { className: 'ed-figure-id' }, fill(s.photoNumber, { id: attrs.assetId })),
      fields.caption.dom,
      fields.credit.dom,
      fields.alt.dom,
    );
    loadAsset(attrs.assetId).then(
      (asset) => {
        img.src = assetUrl(asset);
      },
      () => undefined,
    );
    return {
      dom,
      ...ownEvents,
      update: (node) => {
        if (node.type.name !== 'image' || node.attrs['assetId'] !== attrs.assetId) return false;
        for (const key of ['caption', 'credit', 'alt'] as const) fields[key].show(node.attrs[key]);
        return true;
      },
    };
  };
}

/**
 * A quotation: its text is edited in place (Enter makes a new line of the quotation, Enter on an
 * empty line, Escape or arrow down at its end leave it), and who said it in a field of its own.
 */
export function quoteView(s: EditorStrings): NodeViewRenderer {
  return (props) => {
    const contentDOM = el('blockquote', { className: 'ed-quote-text' });
    contentDOM.setAttribute('data-testid', 'quote-text');
    const cite = attrField(props, 'cite', s.quoteCite, 'quote-cite');
    const citeBox = el('div', { className: 'ed-quote-cite', contentEditable: 'false' }, cite.dom);
    const dom = el('div', { className: 'ed-quote' }, contentDOM, citeBox);
    dom.setAttribute('data-testid', 'body-quote');
    const showLang = (lang: unknown) => {
      if (lang) contentDOM.setAttribute('lang', String(lang));
      else contentDOM.removeAttribute('lang');
    };
    showLang(props.node.attrs['lang']);
    // Enter or Escape in the attribution goes back to the text after the quotation, once the key
    // is released: moved while the key is down, the focus would take the Enter into the text.
    const leaving = (e: KeyboardEvent) => e.key === 'Enter' || e.key === 'Escape';
    cite.input.addEventListener('keydown', (e) => {
      if (leaving(e)) e.preventDefault();
    });
    cite.input.addEventListener('keyup', (e) => {
      if (!leaving(e)) return;
      const pos = typeof props.getPos === 'function' ? props.getPos() : undefined;
      if (typeof pos !== 'number') return;
      props.editor.commands.exitQuoteAt(pos);
      props.editor.view.focus();
    });
    return {
      dom,
      contentDOM,
      stopEvent: (event: Event) => event.target instanceof HTMLInputElement,
      ignoreMutation: (m) => m.type !== 'selection' && !contentDOM.contains(m.target),
      update: (node) => {
        if (node.type.name !== 'blockquote') return false;
        cite.show(node.attrs['cite']);
        showLang(node.attrs['lang']);
        return true;
      },
    };
  };
}

export function embedView(s: EditorStrings): NodeViewRenderer {
  return (props) => {
    const { provider, url } = props.node.attrs as { provider: string; url: string };
    const dom = el(
      'div',
      { className: 'ed-embed', contentEditable: 'false' },
      el('strong', {}, fill(s.embedOf, { provider: provider ?? '' })),
      ' ',
      el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url),
    );
    return { dom, ...ownEvents };
  };
}

export function galleryView(s: EditorStrings): NodeViewRenderer {
  return (props) => {
    const items = (props.node.attrs['items'] ?? []) as { assetId: number }[];
    const dom = el('div', { className: 'ed-gallery', contentEditable: 'false' }, fill(s.gallery, { count: items.length }));
    return { dom, ...ownEvents };
  };
}
